-- Notes whose fold key lies in [?1, ?2) — those that start with a folded prefix — in Russian
-- alphabetical order. The range is served by notes_fold_key; the sort uses the ICU collation.
SELECT id, deck_id, key, russian, english, part_of_speech, grammar, example_russian,
       example_english, tags, source, notes
FROM notes WHERE fold_key >= ?1 AND fold_key < ?2
ORDER BY russian COLLATE russian, id
LIMIT ?3
