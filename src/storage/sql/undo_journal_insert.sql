-- Keeps a card's schedule from just before the answer ?1, for undo.
INSERT INTO undo_journal (review_id, phase, stability, difficulty, due_ms, last_review_ms, step, reps,
                          lapses, scheduled_days, suspended)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
