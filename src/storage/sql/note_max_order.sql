-- The place of a deck's last note (0 if it has none).
SELECT COALESCE(MAX(sort_order), 0) FROM notes WHERE deck_id = ?1
