-- Appends a note to its deck: sort_order continues after the deck's last note.
INSERT INTO notes (deck_id, key, russian, english, part_of_speech, grammar, example_russian,
                   example_english, tags, source, notes, fold_key, sort_order)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
        (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM notes WHERE deck_id = ?1))
