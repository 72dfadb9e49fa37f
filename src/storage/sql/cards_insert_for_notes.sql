-- Creates both New cards of every note of a deck from note id ?2 on that has none yet (after
-- insert_new_notes): one statement instead of two inserts per note.
INSERT INTO cards (note_id, deck_id, direction, phase, due_ms)
SELECT n.id, n.deck_id, d.direction, 0, 0
FROM notes AS n CROSS JOIN (SELECT 0 AS direction UNION ALL SELECT 1) AS d
WHERE n.deck_id = ?1 AND n.id >= ?2
ORDER BY n.id, d.direction
ON CONFLICT (note_id, direction) DO NOTHING
