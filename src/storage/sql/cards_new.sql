-- Unsuspended New cards in deck-file order. CROSS JOIN keeps notes as the outer loop, so the
-- (deck_id, sort_order) index yields rows in order and LIMIT stops early without a sort.
SELECT c.id, c.note_id, c.deck_id, c.direction, c.phase, c.stability, c.difficulty, c.due_ms,
       c.last_review_ms, c.step, c.reps, c.lapses, c.scheduled_days, c.suspended
FROM notes AS n CROSS JOIN cards AS c ON c.note_id = n.id
WHERE n.deck_id = ?1 AND c.suspended = 0 AND c.phase = 0
ORDER BY n.sort_order, c.direction
LIMIT ?2
