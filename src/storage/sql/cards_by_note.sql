-- The cards of one note, by direction.
SELECT id, note_id, deck_id, direction, phase, stability, difficulty, due_ms, last_review_ms,
       step, reps, lapses, scheduled_days, suspended
FROM cards WHERE note_id = ?1 ORDER BY direction
