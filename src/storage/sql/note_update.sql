-- Replaces a note's text; id, deck, key and order stay.
UPDATE notes SET russian = ?2, english = ?3, part_of_speech = ?4, grammar = ?5,
                 example_russian = ?6, example_english = ?7, tags = ?8, source = ?9,
                 notes = ?10, fold_key = ?11
WHERE id = ?1
