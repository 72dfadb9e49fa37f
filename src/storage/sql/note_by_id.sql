-- One note by id.
SELECT id, deck_id, key, russian, english, part_of_speech, grammar, example_russian,
       example_english, tags, source, notes
FROM notes WHERE id = ?1
