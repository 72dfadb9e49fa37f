-- One card by id.
SELECT id, note_id, deck_id, direction, phase, stability, difficulty, due_ms, last_review_ms,
       step, reps, lapses, scheduled_days, suspended
FROM cards WHERE id = ?1
