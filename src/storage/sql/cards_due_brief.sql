-- Unsuspended Learning/Relearning/Review cards of deck ?1 due before ?2, unordered, with only the
-- columns today's queue ranks by (the caller sorts; SQLite would sort every row in a temp b-tree).
SELECT id, note_id, phase, stability, difficulty, due_ms, last_review_ms, scheduled_days, direction
FROM cards
WHERE deck_id = ?1 AND suspended = 0 AND phase IN (1, 2, 3) AND due_ms < ?2
