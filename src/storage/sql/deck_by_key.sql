-- One deck by its stable key.
SELECT id, key, title, description, new_per_day, reviews_per_day
FROM decks WHERE key = ?1
