-- Schema 2 → 3: listening cards (direction 2), and the direction in cards_queue so that today's
-- queue can leave them out without reading rows. SQLite cannot change a CHECK constraint in place,
-- so the cards table is rebuilt as SQLite's ALTER TABLE guide describes: a new table, the rows
-- copied with their ids, the old table dropped and the new one renamed. The caller turns foreign
-- keys off around this script (they cannot be turned off inside a transaction) and checks them
-- before it commits. The table and its index are written exactly as in schema.sql.
CREATE TABLE cards_v3 (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id),
    deck_id INTEGER NOT NULL REFERENCES decks(id),
    direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),
    phase INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 3),
    stability REAL,                   -- NULL until the first answer
    difficulty REAL,
    due_ms INTEGER NOT NULL DEFAULT 0,
    last_review_ms INTEGER NOT NULL DEFAULT 0,
    step INTEGER NOT NULL DEFAULT 0,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    scheduled_days INTEGER NOT NULL DEFAULT 0,
    suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    UNIQUE (note_id, direction)
) STRICT;
INSERT INTO cards_v3 (id, note_id, deck_id, direction, phase, stability, difficulty, due_ms, last_review_ms,
                      step, reps, lapses, scheduled_days, suspended)
SELECT id, note_id, deck_id, direction, phase, stability, difficulty, due_ms, last_review_ms,
       step, reps, lapses, scheduled_days, suspended
FROM cards;
DROP TABLE cards;
ALTER TABLE cards_v3 RENAME TO cards;
CREATE INDEX cards_queue ON cards(deck_id, suspended, phase, due_ms, note_id, stability, difficulty,
                                  last_review_ms, scheduled_days, direction);

PRAGMA user_version = 3;
