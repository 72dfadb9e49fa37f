-- Every card with its answers that count, cards in id order and each card's answers oldest
-- first; a card never answered comes once with NULL review columns.
SELECT c.id, c.note_id, c.deck_id, c.direction, c.phase, c.stability, c.difficulty, c.due_ms,
       c.last_review_ms, c.step, c.reps, c.lapses, c.scheduled_days, c.suspended,
       r.id, r.card_id, r.time_ms, r.rating, r.phase_before, r.elapsed_days, r.retrievability,
       r.stability, r.difficulty, r.scheduled_days, r.due_ms, r.duration_ms
FROM cards AS c
LEFT JOIN reviews AS r
    ON r.card_id = c.id AND NOT EXISTS (SELECT 1 FROM undone_reviews AS u WHERE u.review_id = r.id)
ORDER BY c.id, r.id
