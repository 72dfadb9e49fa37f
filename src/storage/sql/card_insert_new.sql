-- Creates a New card for one direction of a note, unless it exists already.
INSERT INTO cards (note_id, deck_id, direction, phase, due_ms) VALUES (?1, ?2, ?3, 0, 0)
ON CONFLICT (note_id, direction) DO NOTHING
