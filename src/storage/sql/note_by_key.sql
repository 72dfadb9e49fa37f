-- One note by (deck, key).
SELECT id, deck_id, key, russian, english, part_of_speech, grammar, example_russian,
       example_english, tags, source, notes
FROM notes WHERE deck_id = ?1 AND key = ?2
