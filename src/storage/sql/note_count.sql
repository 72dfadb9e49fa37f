-- Number of notes in a deck.
SELECT COUNT(*) FROM notes WHERE deck_id = ?1
