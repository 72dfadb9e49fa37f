-- Appends one review to the log.
INSERT INTO reviews (id, device_id, card_id, time_ms, rating, phase_before, elapsed_days,
                     retrievability, stability, difficulty, scheduled_days, due_ms, duration_ms)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
