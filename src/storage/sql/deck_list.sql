-- All decks, by title.
SELECT id, key, title, description, new_per_day, reviews_per_day
FROM decks ORDER BY title, id
