-- The largest review id so far (0 for an empty log).
SELECT COALESCE(MAX(id), 0) FROM reviews
