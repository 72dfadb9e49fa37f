-- Every answer that counts, as (card, time, rating): cards in id order, each card's oldest first.
-- The FSRS optimizer's input.
SELECT card_id, time_ms, rating FROM live_reviews ORDER BY card_id, id
