-- All decks, in the order of their keys: shipped decks are numbered (01-…, 02-…) in series order.
SELECT id, key, title, description, new_per_day, reviews_per_day
FROM decks ORDER BY key, id
