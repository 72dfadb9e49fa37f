-- The answers that count of deck ?1's cards in [?2, ?3): card, note and the phase before. CROSS
-- JOIN keeps the answers (a range over reviews_time) the outer loop, as in card_counts.sql.
SELECT r.card_id, c.note_id, r.phase_before
FROM live_reviews AS r CROSS JOIN cards AS c ON c.id = r.card_id
WHERE r.time_ms >= ?2 AND r.time_ms < ?3 AND c.deck_id = ?1
