-- Number of reviews in the log.
SELECT COUNT(*) FROM reviews
