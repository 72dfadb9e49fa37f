-- Creates the New listening card (direction 2) of every note of a deck that has none yet, in
-- deck-file order; existing cards, and their history, are left alone.
INSERT INTO cards (note_id, deck_id, direction, phase, due_ms)
SELECT n.id, n.deck_id, 2, 0, 0
FROM notes AS n
WHERE n.deck_id = ?1
ORDER BY n.sort_order
ON CONFLICT (note_id, direction) DO NOTHING
