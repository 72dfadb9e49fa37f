-- Schema 1 → 2: undo, and indexes that answer today's queue without row lookups. Adds the undo
-- journal, the table of undone reviews and the live_reviews view, and widens cards_queue and
-- reviews_time; every object is written exactly as in schema.sql, so a migrated file equals a new one.
DROP INDEX cards_queue;
CREATE INDEX cards_queue ON cards(deck_id, suspended, phase, due_ms, note_id, stability, difficulty,
                                  last_review_ms, scheduled_days);
DROP INDEX reviews_time;
CREATE INDEX reviews_time ON reviews(time_ms, card_id, phase_before);

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

PRAGMA user_version = 2;
