-- The oldest review id the undo journal keeps when it keeps ?1 rows (no row if it holds fewer).
SELECT review_id FROM undo_journal ORDER BY review_id DESC LIMIT 1 OFFSET ?1 - 1
