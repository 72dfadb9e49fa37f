-- Inserts a deck or updates the one with the same key; returns its id.
INSERT INTO decks (key, title, description, new_per_day, reviews_per_day)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (key) DO UPDATE SET
    title = excluded.title,
    description = excluded.description,
    new_per_day = excluded.new_per_day,
    reviews_per_day = excluded.reviews_per_day
RETURNING id
