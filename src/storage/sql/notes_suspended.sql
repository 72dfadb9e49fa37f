-- Notes of a deck with at least one suspended card.
SELECT DISTINCT note_id FROM cards WHERE deck_id = ?1 AND suspended = 1
