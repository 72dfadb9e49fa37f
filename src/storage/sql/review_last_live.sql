-- The newest answer of device ?2 with id >= ?1 that still counts.
SELECT id FROM live_reviews WHERE id >= ?1 AND device_id = ?2 ORDER BY id DESC LIMIT 1
