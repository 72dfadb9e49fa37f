-- Unsuspended Learning/Relearning/Review cards due before ?2: (re)learning first, then by due.
SELECT id, note_id, deck_id, direction, phase, stability, difficulty, due_ms, last_review_ms,
       step, reps, lapses, scheduled_days, suspended
FROM cards
WHERE deck_id = ?1 AND suspended = 0 AND phase IN (1, 2, 3) AND due_ms < ?2
ORDER BY phase = 2, due_ms, id
LIMIT ?3
