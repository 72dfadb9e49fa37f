-- Raw counts for one deck (?1): learning cutoff ?2, today = [?3, ?4). Each subquery is a range
-- over cards_queue or reviews_time, so no full scan happens. CROSS JOIN makes today's reviews
-- the outer loop; otherwise SQLite walks every card of the deck looking for its reviews.
-- Answers taken back (undo) do not count: live_reviews leaves them out.
SELECT
    (SELECT COUNT(*) FROM cards
     WHERE deck_id = ?1 AND suspended = 0 AND phase = 0),
    (SELECT COUNT(*) FROM cards
     WHERE deck_id = ?1 AND suspended = 0 AND phase IN (1, 3) AND due_ms <= ?2),
    (SELECT COUNT(*) FROM cards
     WHERE deck_id = ?1 AND suspended = 0 AND phase IN (1, 3) AND due_ms > ?2),
    (SELECT COUNT(*) FROM cards
     WHERE deck_id = ?1 AND suspended = 0 AND phase = 2 AND due_ms < ?4),
    (SELECT COUNT(DISTINCT r.card_id) FROM live_reviews AS r CROSS JOIN cards AS c ON c.id = r.card_id
     WHERE r.time_ms >= ?3 AND r.time_ms < ?4 AND r.phase_before = 0 AND c.deck_id = ?1),
    (SELECT COUNT(*) FROM live_reviews AS r CROSS JOIN cards AS c ON c.id = r.card_id
     WHERE r.time_ms >= ?3 AND r.time_ms < ?4 AND r.phase_before = 2 AND c.deck_id = ?1)
