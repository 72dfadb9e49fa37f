-- 1 if the deck exists.
SELECT 1 FROM decks WHERE id = ?1
