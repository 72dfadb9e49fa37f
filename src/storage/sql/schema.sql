-- The whole schema of a new collection, version 2. Older files are brought up to it by the
-- numbered migrations (migrate_1_to_2.sql, …); schema_v1.sql keeps version 1 as released.
-- collection_open.cpp checks that both pragmas match its constants.
PRAGMA application_id = 1280593998; -- 0x4C54504E, "LTPN": marks the file as a Letopis collection
PRAGMA user_version = 3;

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

-- phase: 0 New, 1 Learning, 2 Review, 3 Relearning; direction: 0 ru→en, 1 en→ru, 2 listening.
CREATE TABLE cards (
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
-- Serves the queues and the counts: every one of them filters on deck, suspended and phase,
-- then ranges over due_ms. The columns after due_ms are those today's queue ranks by, so the
-- counts and the due cards of a deck are read from this index alone, never row by row.
CREATE INDEX cards_queue ON cards(deck_id, suspended, phase, due_ms, note_id, stability, difficulty,
                                  last_review_ms, scheduled_days, direction);

-- The review log: append-only. id = time_ms * 1000 + n, n counting up from the device id's last
-- three digits (and past any earlier id), so ids are ordered by time and two devices answering in
-- the same millisecond still differ; device_id tells which device made the answer, so logs of two
-- devices merge by union. Answers taken back are listed in undone_reviews, never removed.
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
-- Today's answers by time; card and phase ride along so the daily counts need no row lookups.
CREATE INDEX reviews_time ON reviews(time_ms, card_id, phase_before);

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: reviews cannot be changed');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: reviews cannot be deleted');
END;

-- Added in version 2 (which also widened cards_queue and reviews_time above) -----------------

-- The card's schedule just before each answer, so that undo restores it exactly. A local journal
-- for this device's recent answers, not part of the log: older rows are pruned.
CREATE TABLE undo_journal (
    review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
    phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 3),
    stability REAL,
    difficulty REAL,
    due_ms INTEGER NOT NULL,
    last_review_ms INTEGER NOT NULL,
    step INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    suspended INTEGER NOT NULL CHECK (suspended IN (0, 1))
) STRICT;

-- Answers taken back. The review stays in the log and this row cancels it; append-only like the
-- log, so the logs of two devices, undos included, still merge by union.
CREATE TABLE undone_reviews (
    review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
    device_id INTEGER NOT NULL,
    time_ms INTEGER NOT NULL
) STRICT;

CREATE TRIGGER undone_reviews_no_update BEFORE UPDATE ON undone_reviews
BEGIN
    SELECT RAISE(ABORT, 'undone reviews are append-only: they cannot be changed');
END;
CREATE TRIGGER undone_reviews_no_delete BEFORE DELETE ON undone_reviews
BEGIN
    SELECT RAISE(ABORT, 'undone reviews are append-only: they cannot be deleted');
END;

-- The answers that count: the log without those taken back. Queues, counts, statistics and
-- `check --rebuild` read this.
CREATE VIEW live_reviews AS
SELECT id, device_id, card_id, time_ms, rating, phase_before, elapsed_days, retrievability,
       stability, difficulty, scheduled_days, due_ms, duration_ms
FROM reviews AS r
WHERE NOT EXISTS (SELECT 1 FROM undone_reviews AS u WHERE u.review_id = r.id);
