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

#include "core/model/card.h"
#include "core/model/deck.h"
#include "util/result.h"

namespace letopis {

class Database; // db/database.h
class FileLock; // storage/file_lock.h

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
    // any missing card (one per Direction); cards and their history are never touched.
    // Text is stored NFC; the note's own id is ignored (the match is by deck and key).
    // Errors: InvalidInput (no deck or empty key), NotFound (no such deck).
    Result<NoteId> upsert_note(const Note& note);
    Result<Note> note(NoteId id); // NotFound if missing
    Result<std::optional<Note>> note_by_key(DeckId deck, const std::string& key);
    Result<int64_t> note_count(DeckId deck);

    Result<Card> card(CardId id); // NotFound if missing
    Result<std::vector<Card>> cards_for_note(NoteId note); // by direction
    // Unsuspended Learning/Relearning/Review cards of `deck` with due_ms < due_before_ms,
    // Learning/Relearning first, then by due_ms.
    Result<std::vector<Card>> due_cards(DeckId deck, int64_t due_before_ms, int32_t limit);
    // Unsuspended New cards of `deck` in deck-file order (note order, then direction).
    Result<std::vector<Card>> new_cards(DeckId deck, int32_t limit);
    Result<DeckCardCounts> card_counts(DeckId deck, int64_t learning_cutoff_ms, int64_t day_start_ms,
                                       int64_t day_end_ms);

    // Stores the card's new schedule and appends the review in one transaction; returns the
    // review's id. When this returns ok, the answer is durable.
    // Only the schedule and `suspended` of `updated` are written (its note and deck stay).
    // review.id is ignored: the id is max(time_ms * 1000, largest id so far + 1). review.card
    // may be left 0; otherwise it must equal updated.id. Errors: InvalidInput, NotFound (card).
    Result<ReviewId> record_answer(const Card& updated, const ReviewRecord& review);
    Result<std::vector<ReviewRecord>> reviews_for_card(CardId card); // by id (= time order)
    Result<int64_t> review_count();

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
    Status load_device_id();

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FileLock> m_lock; // released after m_db is closed (see ~Collection)
    int64_t m_device_id = 0;
    int m_transaction_depth = 0; // > 0 inside transact(); nested calls use savepoints
};

} // namespace letopis
