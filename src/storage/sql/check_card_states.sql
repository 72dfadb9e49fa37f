-- Cards whose stored schedule disagrees with their last answer that counts (or that were never
-- answered and yet are not New): card id and that answer's id (NULL if none), in card order.
WITH last AS (
    SELECT card_id, MAX(id) AS review_id FROM live_reviews GROUP BY card_id
)
SELECT c.id, l.review_id
FROM cards AS c
LEFT JOIN last AS l ON l.card_id = c.id
LEFT JOIN reviews AS r ON r.id = l.review_id
WHERE (r.id IS NULL AND (c.phase != 0 OR c.reps != 0 OR c.stability IS NOT NULL OR c.difficulty IS NOT NULL))
   OR (r.id IS NOT NULL AND (c.stability IS NOT r.stability OR c.difficulty IS NOT r.difficulty
                             OR c.due_ms != r.due_ms OR c.scheduled_days != r.scheduled_days
                             OR c.last_review_ms != r.time_ms))
ORDER BY c.id
