-- Every note of a deck, in deck-file order (for export and re-import).
SELECT id, deck_id, key, russian, english, part_of_speech, grammar, example_russian,
       example_english, tags, source, notes
FROM notes WHERE deck_id = ?1
ORDER BY sort_order
