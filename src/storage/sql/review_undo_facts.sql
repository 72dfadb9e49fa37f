-- What undo needs to know of review ?1: its card, whether it was already taken back, and whether
-- a later answer of the same card still counts.
SELECT r.card_id,
       EXISTS (SELECT 1 FROM undone_reviews AS u WHERE u.review_id = r.id),
       EXISTS (SELECT 1 FROM live_reviews AS l WHERE l.card_id = r.card_id AND l.id > r.id)
FROM reviews AS r WHERE r.id = ?1
