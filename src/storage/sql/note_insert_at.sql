-- Appends a note at a given place in its deck (insert_new_notes numbers a batch itself).
INSERT INTO notes (deck_id, key, russian, english, part_of_speech, grammar, example_russian,
                   example_english, tags, source, notes, fold_key, sort_order)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
