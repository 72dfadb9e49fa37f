-- Number of answers that count (the log without those taken back).
SELECT COUNT(*) FROM live_reviews
