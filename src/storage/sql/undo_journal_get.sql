-- A card's schedule from just before the answer ?1.
SELECT phase, stability, difficulty, due_ms, last_review_ms, step, reps, lapses, scheduled_days, suspended
FROM undo_journal WHERE review_id = ?1
