-- Stores a card's schedule after an answer.
UPDATE cards SET phase = ?2, stability = ?3, difficulty = ?4, due_ms = ?5, last_review_ms = ?6,
                 step = ?7, reps = ?8, lapses = ?9, scheduled_days = ?10, suspended = ?11
WHERE id = ?1
