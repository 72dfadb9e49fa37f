-- A card's answers that count, oldest first.
SELECT id, card_id, time_ms, rating, phase_before, elapsed_days, retrievability, stability,
       difficulty, scheduled_days, due_ms, duration_ms
FROM live_reviews WHERE card_id = ?1 ORDER BY id
