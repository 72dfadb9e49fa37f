-- Takes back review ?1: the review stays in the log and this row cancels it.
INSERT INTO undone_reviews (review_id, device_id, time_ms) VALUES (?1, ?2, ?3)
