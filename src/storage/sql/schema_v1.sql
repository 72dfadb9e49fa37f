-- Version 1 of the schema, kept as it was released: the migration tests build a version-1
-- collection from it and check that migrating it gives exactly what schema.sql creates.
PRAGMA application_id = 1280593998; -- 0x4C54504E, "LTPN": marks the file as a Letopis collection
PRAGMA user_version = 1;

-- device_id and settings ("setting.<name>").
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE decks (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    new_per_day INTEGER NOT NULL DEFAULT 20,
    reviews_per_day INTEGER NOT NULL DEFAULT 200
) STRICT;

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    deck_id INTEGER NOT NULL REFERENCES decks(id),
    key TEXT NOT NULL,
    russian TEXT NOT NULL,
    english TEXT NOT NULL,
    part_of_speech TEXT NOT NULL DEFAULT '',
    grammar TEXT NOT NULL DEFAULT '',
    example_russian TEXT NOT NULL DEFAULT '',
    example_english TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    fold_key TEXT NOT NULL,           -- fold_key(russian): search without stress, case or ё
    sort_order INTEGER NOT NULL,      -- insertion order within the deck (deck-file order)
    UNIQUE (deck_id, key),
    UNIQUE (deck_id, sort_order)
) STRICT;
CREATE INDEX notes_fold_key ON notes(fold_key);

-- phase: 0 New, 1 Learning, 2 Review, 3 Relearning; direction: 0 ru→en, 1 en→ru.
CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id),
    deck_id INTEGER NOT NULL REFERENCES decks(id),
    direction INTEGER NOT NULL CHECK (direction IN (0, 1)),
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
-- Serves the queues and the counts: every one of them filters on deck, suspended and phase,
-- then ranges over due_ms, so they are answered from this index alone.
CREATE INDEX cards_queue ON cards(deck_id, suspended, phase, due_ms);

-- The review log: append-only. id = time_ms * 1000 + a sequence, so ids are unique and ordered
-- by time; device_id tells which device made the answer, so logs of two devices merge by union.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL,
    card_id INTEGER NOT NULL REFERENCES cards(id),
    time_ms INTEGER NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    phase_before INTEGER NOT NULL CHECK (phase_before BETWEEN 0 AND 3),
    elapsed_days INTEGER NOT NULL,
    retrievability REAL NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    scheduled_days INTEGER NOT NULL,
    due_ms INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX reviews_card ON reviews(card_id);
CREATE INDEX reviews_time ON reviews(time_ms);

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: reviews cannot be changed');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: reviews cannot be deleted');
END;
