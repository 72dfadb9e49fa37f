// A learner's collection: one SQLite file holding decks, notes, cards and the review log.
// Opening validates the file before anything is written, so a foreign or damaged file is
// left byte-for-byte unchanged. Every write goes through transact().
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/fsrs/optimizer_data.h"
#include "core/model/card.h"
#include "core/model/deck.h"
#include "util/result.h"

namespace letopis {

class Database; // db/database.h
class FileLock; // storage/file_lock.h
class Checkpointer; // storage/checkpointer.h

// Raw counts for one deck at one moment; limits are applied by the caller.
struct DeckCardCounts {
    int32_t new_cards = 0;          // unsuspended cards never answered
    int32_t learning_due = 0;       // Learning/Relearning cards with due_ms <= learning_cutoff_ms
    int32_t learning_later = 0;     // Learning/Relearning cards due later (still today or beyond)
    int32_t review_due = 0;         // Review cards with due_ms < day_end_ms
    int32_t new_studied_today = 0;  // cards whose first answer was in [day_start_ms, day_end_ms)
    int32_t reviews_today = 0;      // answers of Review-phase cards in [day_start_ms, day_end_ms)
};

enum class OpenMode { CreateIfMissing, MustExist };

// One answer as the daily queue sees it.
struct AnswerBrief {
    CardId card;
    NoteId note;
    CardPhase phase_before = CardPhase::New;
};

// How thoroughly Collection::inspect_file reads a file.
enum class IntegrityCheck {
    Quick, // SQLite's quick_check, on files up to 8 MiB only (what every open does)
    Full,  // SQLite's integrity_check, whatever the size (before restoring a backup)
};

// What a read-only look at a collection file found.
struct CollectionFileInfo {
    bool empty = false;         // missing, empty, or an SQLite file with nothing in it
    int32_t schema_version = 0; // user_version; 0 when empty
    uint64_t size_bytes = 0;
};

// One open collection. Use it from one thread at a time (it owns a single SQLite connection).
class Collection {
public:
    // Opens or creates the collection at `path`. Errors: NotACollection (not SQLite, or another
    // program's database), TooNew (written by a newer schema), Corrupt, Locked (another Letopis
    // holds it), ReadOnly, Io. On any error the file is not modified.
    static Result<std::unique_ptr<Collection>> open(const std::filesystem::path& path,
                                                    OpenMode mode = OpenMode::CreateIfMissing);
    ~Collection();
    Collection(const Collection&) = delete;
    Collection& operator=(const Collection&) = delete;

    const std::filesystem::path& path() const { return m_path; } // absolute
    static int32_t schema_version(); // the version this build writes
    // Checks that `path` is a collection this build can open (upgrading it if older), without
    // writing it or creating any file beside it. Same errors as open(), minus Locked.
    static Result<CollectionFileInfo> inspect_file(const std::filesystem::path& path,
                                                   IntegrityCheck integrity = IntegrityCheck::Quick);
    static int32_t application_id(); // PRAGMA application_id of every collection: 0x4C54504E
    // This collection's device id (random, 63 bits, made when the file was created); stored in
    // every review it writes.
    int64_t device_id() const { return m_device_id; }

    // The one way to write: runs `fn` inside BEGIN IMMEDIATE … COMMIT; rolls back if fn fails.
    // A call made from inside `fn` runs in a savepoint of the outer transaction: if it fails,
    // only its own writes are undone and the error is returned to the outer fn.
    Status transact(const std::function<Status()>& fn);

    // Decks
    Result<std::vector<DeckInfo>> decks();
    Result<std::optional<DeckInfo>> deck_by_key(const std::string& key);
    Result<DeckId> upsert_deck(const DeckInfo& deck); // matched by key; returns its id

    // Notes and cards. upsert_note matches by (deck, key), updates the text in place and creates
    // any missing reading card (Russian → English, English → Russian); cards and their history are
    // never touched. Listening cards come from add_listening_cards.
    // Text is stored NFC; the note's own id is ignored (the match is by deck and key).
    // Errors: InvalidInput (no deck or empty key), NotFound (no such deck).
    Result<NoteId> upsert_note(const Note& note);
    Result<Note> note(NoteId id); // NotFound if missing
    Result<std::optional<Note>> note_by_key(DeckId deck, const std::string& key);
    Result<int64_t> note_count(DeckId deck);
    // Every note of `deck` in deck-file order (export, re-import).
    Result<std::vector<Note>> notes_in_deck(DeckId deck);
    // Suspends or unsuspends all cards of a note (a re-import suspends notes gone from the deck
    // file); schedules and history stay. Returns how many cards changed.
    Result<int32_t> set_note_suspended(NoteId note, bool suspended);
    // Gives every note of `deck` its listening card (New) where it has none; returns how many
    // were made. Listening cards exist only in decks that asked for them (deck options).
    Result<int64_t> add_listening_cards(DeckId deck);
    // Notes of `deck` with a suspended card.
    Result<std::vector<NoteId>> suspended_notes(DeckId deck);
    // Appends notes the deck does not have yet (each with both cards) in one transaction: the
    // fast path of a large import. The notes' deck and id are ignored. Errors: InvalidInput (an
    // empty key), NotFound (no such deck), Database if a key is already in the deck (nothing is
    // written then).
    Status insert_new_notes(DeckId deck, const std::vector<Note>& notes);

    Result<Card> card(CardId id); // NotFound if missing
    Result<std::vector<Card>> cards_for_note(NoteId note); // by direction
    // Unsuspended Learning/Relearning/Review cards of `deck` with due_ms < due_before_ms,
    // Learning/Relearning first, then by due_ms.
    Result<std::vector<Card>> due_cards(DeckId deck, int64_t due_before_ms, int32_t limit);
    // Unsuspended New cards of `deck` in deck-file order (note order, then direction).
    Result<std::vector<Card>> new_cards(DeckId deck, int32_t limit);
    // Unsuspended Learning/Relearning/Review cards of `deck` with due_ms < due_before_ms, in no
    // particular order, with only id, note, deck, direction, phase, memory, due_ms, last_review_ms
    // and scheduled_days read: what today's queue needs to rank them, without a sort.
    Result<std::vector<Card>> due_cards_brief(DeckId deck, int64_t due_before_ms);
    // The answers that count of `deck`'s cards in [start_ms, end_ms), e.g. today: what the daily
    // limits have used up, and the notes whose other cards wait for another day.
    Result<std::vector<AnswerBrief>> answers_between(DeckId deck, int64_t start_ms, int64_t end_ms);
    Result<DeckCardCounts> card_counts(DeckId deck, int64_t learning_cutoff_ms, int64_t day_start_ms,
                                       int64_t day_end_ms);

    // Stores the card's new schedule and appends the review in one transaction; returns the
    // review's id. When this returns ok, the answer is durable. The card's schedule from just
    // before is kept in the undo journal, so the answer can be undone exactly.
    // Only the schedule and `suspended` of `updated` are written (its note and deck stay).
    // review.id is ignored: the id is max(time_ms * 1000 + device_id % 1000, largest id so far
    // + 1). review.card may be left 0; otherwise it must equal updated.id. Errors: InvalidInput,
    // NotFound (card); DiskFull, ReadOnly, Io with a message saying the answer was not saved.
    Result<ReviewId> record_answer(const Card& updated, const ReviewRecord& review);
    // A card's answers that count (not undone), by id (= time order).
    Result<std::vector<ReviewRecord>> reviews_for_card(CardId card);
    Result<int64_t> review_count(); // answers that count
    // Every answer that counts as (card, time, rating): cards in id order, each card's oldest
    // first. Read-only; the FSRS optimizer's input.
    Result<std::vector<ReviewLogEntry>> review_log();

    // Undo. An answer is never removed from the log: undoing it appends a row to undone_reviews
    // that cancels it, and gives the card back the exact schedule and suspension it had just
    // before the answer. One transaction; returns the card as restored. `now_ms` is recorded
    // with the undo. Errors: NotFound (no such review), InvalidInput (already undone, or a later
    // answer of the same card still counts: undo that one first), Unsupported (the answer is
    // older than the undo journal, which keeps the latest 1000 answers).
    Result<Card> undo_answer(ReviewId id, int64_t now_ms);
    // The newest answer made on this device, with an id >= `since`, that still counts.
    Result<std::optional<ReviewId>> last_answer(ReviewId since = {});
    // undo_answer(last_answer(since)), in one transaction; nullopt when there is nothing to undo.
    Result<std::optional<Card>> undo_last_answer(ReviewId since, int64_t now_ms);

    // Notes whose Russian text starts with `prefix`, compared by fold key (so without stress
    // marks, case, or the difference between ё and е), in Russian alphabetical order. An empty
    // prefix matches every note.
    Result<std::vector<Note>> find_notes(const std::string& prefix, int32_t limit);

    // Maintenance (backups, `letopis check`).
    // A consistent copy of the whole collection, written to `dest` (see Database::backup_to).
    Status backup_to(const std::filesystem::path& dest);
    // Replaces the whole collection with the collection file `source`, in one transaction. Check
    // `source` with inspect_file first; reopen the collection afterwards, so that an older
    // schema is upgraded.
    Status restore_from(const std::filesystem::path& source);
    // For a restore when the collection cannot be opened (too damaged) or does not exist: under
    // the single-instance lock, moves the file at `path` and its -wal file, as they are, to
    // `old_copy` (if there is one), then writes a copy of the database `source` at `path`.
    static Status replace_file(const std::filesystem::path& path, const std::filesystem::path& source,
                               const std::filesystem::path& old_copy);
    // Calls `fn` for every card, in id order, with its answers that count, oldest first.
    Status for_each_card_history(
        const std::function<Status(const Card&, const std::vector<ReviewRecord>&)>& fn);
    // Overwrites the schedules (not the suspension) of `cards`, in one transaction: the repair
    // step of `letopis check --rebuild`.
    Status replace_schedules(const std::vector<Card>& cards);

    // Small key/value settings stored in the collection (e.g. "ui.theme"), kept in the meta
    // table under "setting.<key>".
    Result<std::optional<std::string>> setting(const std::string& key);
    Status set_setting(const std::string& key, const std::string& value);

    Database& database() { return *m_db; }

private:
    Collection(std::filesystem::path path, std::unique_ptr<Database> db);
    static Result<std::unique_ptr<Collection>> open_checked(const std::filesystem::path& path,
                                                            OpenMode mode);
    Status create_schema();
    Status migrate(int32_t from);
    Status load_device_id();
    Status prune_undo_journal();
    void start_checkpointer();
    Status remember_file_identity();
    // Refuses to write when the file was deleted, moved or replaced since it was opened (SQLite
    // would go on writing into the unlinked file, and every later answer would be lost); the
    // first time, it saves a copy of everything committed where the file was.
    Status check_file_in_place();
    Result<Card> undo_in_transaction(ReviewId id, int64_t now_ms);

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FileLock> m_lock; // released after m_db is closed (see ~Collection)
    int64_t m_device_id = 0;
    int m_transaction_depth = 0; // > 0 inside transact(); nested calls use savepoints
    uint64_t m_file_device = 0;  // st_dev and st_ino of the file when it was opened
    uint64_t m_file_inode = 0;
    std::optional<Error> m_file_lost; // set once the file was found gone: every write fails with it
    std::unique_ptr<Checkpointer> m_checkpointer; // null if its thread could not start
};

} // namespace letopis
