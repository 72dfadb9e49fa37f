// Collection: transact() and the reads and writes of decks, notes, cards, reviews and settings.
// Each domain type is read by one from_row function; SQL lives in sql/*.sql.
#include "storage/collection.h"

#include <algorithm>
#include <exception>
#include <limits>

#include "db/database.h"
#include "db/statement.h"
#include "db/transaction.h"
#include "storage/embedded_sql.h"
#include "storage/rows.h"
#include "text/fast_normalize.h"
#include "text/normalize.h"

namespace letopis {

using namespace rows;

namespace {

constexpr std::string_view kSettingPrefix = "setting.";
// Review ids are time_ms * 1000 + a sequence; later times would overflow int64.
constexpr int64_t kMaxReviewTimeMs = std::numeric_limits<int64_t>::max() / 1000 - 1;

// An answer that could not be written, said plainly: what happened, and that earlier answers are
// safe (a failed transaction leaves everything committed before it intact).
Error answer_not_saved(const std::filesystem::path& path, const Error& error)
{
    std::string why;
    switch (error.kind) {
    case ErrorKind::DiskFull: why = "the disk is full"; break;
    case ErrorKind::ReadOnly: why = "the file or its disk cannot be written (read-only)"; break;
    case ErrorKind::Io: why = "the disk reported an error"; break;
    default: return error;
    }
    return make_error(error.kind, "The last answer was not saved to " + path.string() + ": " + why +
                                      ". Earlier answers are safe. (" + error.message + ")");
}

Error not_found(const Collection& collection, const std::string& what)
{
    return make_error(ErrorKind::NotFound, collection.path().string() + ": " + what + " does not exist");
}

Note normalized(const Note& note)
{
    Note out = note;
    for (std::string* field : {&out.key, &out.russian, &out.english, &out.part_of_speech, &out.grammar,
                               &out.example_russian, &out.example_english, &out.tags, &out.source,
                               &out.notes})
        *field = to_nfc(*field);
    return out;
}

} // namespace

// --- transactions ---

Status Collection::transact(const std::function<Status()>& fn)
{
    VERIFY(fn);
    // Restores the depth however fn exits.
    struct DepthGuard {
        int& depth;
        explicit DepthGuard(int& d) : depth(d) { ++depth; }
        ~DepthGuard() { --depth; }
    };
    return guarded(m_path, [&]() -> Status {
        if (m_transaction_depth > 0) {
            Result<Savepoint> savepoint =
                Savepoint::begin(*m_db, "letopis_nested_" + std::to_string(m_transaction_depth));
            if (!savepoint)
                return savepoint.error();
            DepthGuard depth(m_transaction_depth);
            TRY_STATUS(fn());
            return savepoint->release();
        }
        TRY_STATUS(check_file_in_place());
        Result<Transaction> transaction = Transaction::begin(*m_db);
        if (!transaction)
            return transaction.error();
        DepthGuard depth(m_transaction_depth);
        TRY_STATUS(fn());
        return transaction->commit();
    });
}

// --- decks ---

Result<std::vector<DeckInfo>> Collection::decks()
{
    return guarded(m_path, [&]() -> Result<std::vector<DeckInfo>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_deck_list);
        if (!stmt)
            return stmt.error();
        return collect<DeckInfo>(**stmt, deck_from_row);
    });
}

Result<std::optional<DeckInfo>> Collection::deck_by_key(const std::string& key)
{
    return guarded(m_path, [&]() -> Result<std::optional<DeckInfo>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_deck_by_key);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(to_nfc(key));
        return first<DeckInfo>(**stmt, deck_from_row);
    });
}

Result<DeckId> Collection::upsert_deck(const DeckInfo& deck)
{
    if (deck.key.empty())
        return make_error(ErrorKind::InvalidInput, "a deck needs a key");
    return guarded(m_path, [&]() -> Result<DeckId> {
        DeckId id;
        Status written = transact([&]() -> Status {
            Result<CachedStatement> stmt = m_db->cached(sql::k_deck_upsert);
            if (!stmt)
                return stmt.error();
            (*stmt)->bind_all(to_nfc(deck.key), to_nfc(deck.title), to_nfc(deck.description),
                              deck.new_per_day, deck.reviews_per_day);
            Result<int64_t> returned = single_int(**stmt);
            if (!returned)
                return returned.error();
            id = DeckId{*returned};
            return {};
        });
        if (!written)
            return written.error();
        return id;
    });
}

// --- notes ---

Result<NoteId> Collection::upsert_note(const Note& input)
{
    if (!input.deck.valid())
        return make_error(ErrorKind::InvalidInput, "note \"" + input.key + "\" has no deck");
    if (input.key.empty())
        return make_error(ErrorKind::InvalidInput, "note \"" + input.russian + "\" has no key");
    return guarded(m_path, [&]() -> Result<NoteId> {
        const Note note = normalized(input);
        const std::string folded = fold_key(note.russian);
        NoteId id;
        Status written = transact([&]() -> Status {
            {
                Result<CachedStatement> exists = m_db->cached(sql::k_deck_exists);
                if (!exists)
                    return exists.error();
                (*exists)->bind_all(note.deck.value);
                Result<bool> row = (*exists)->step();
                if (!row)
                    return row.error();
                if (!*row)
                    return not_found(*this, "deck " + std::to_string(note.deck.value));
            }
            Result<std::optional<Note>> existing = note_by_key(note.deck, note.key);
            if (!existing)
                return existing.error();
            if (existing->has_value()) {
                id = (*existing)->id;
                Result<CachedStatement> update = m_db->cached(sql::k_note_update);
                if (!update)
                    return update.error();
                (*update)->bind_all(id.value, note.russian, note.english, note.part_of_speech, note.grammar,
                                    note.example_russian, note.example_english, note.tags, note.source,
                                    note.notes, folded);
                TRY_STATUS((*update)->run());
            } else {
                Result<CachedStatement> insert = m_db->cached(sql::k_note_insert);
                if (!insert)
                    return insert.error();
                (*insert)->bind_all(note.deck.value, note.key, note.russian, note.english, note.part_of_speech,
                                    note.grammar, note.example_russian, note.example_english, note.tags,
                                    note.source, note.notes, folded);
                TRY_STATUS((*insert)->run());
                id = NoteId{m_db->last_insert_rowid()};
            }
            // Both directions exist for every note; an existing card is left alone.
            for (Direction direction : {Direction::RussianToEnglish, Direction::EnglishToRussian}) {
                Result<CachedStatement> card = m_db->cached(sql::k_card_insert_new);
                if (!card)
                    return card.error();
                (*card)->bind_all(id.value, note.deck.value, static_cast<int>(direction));
                TRY_STATUS((*card)->run());
            }
            return {};
        });
        if (!written)
            return written.error();
        return id;
    });
}

Result<Note> Collection::note(NoteId id)
{
    return guarded(m_path, [&]() -> Result<Note> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_note_by_id);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(id.value);
        Result<std::optional<Note>> found = first<Note>(**stmt, note_from_row);
        if (!found)
            return found.error();
        if (!found->has_value())
            return not_found(*this, "note " + std::to_string(id.value));
        return std::move(**found);
    });
}

Result<std::optional<Note>> Collection::note_by_key(DeckId deck, const std::string& key)
{
    return guarded(m_path, [&]() -> Result<std::optional<Note>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_note_by_key);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value, to_nfc(key));
        return first<Note>(**stmt, note_from_row);
    });
}

Result<int64_t> Collection::note_count(DeckId deck)
{
    return guarded(m_path, [&]() -> Result<int64_t> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_note_count);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value);
        return single_int(**stmt);
    });
}

Result<std::vector<Note>> Collection::notes_in_deck(DeckId deck)
{
    return guarded(m_path, [&]() -> Result<std::vector<Note>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_notes_by_deck);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value);
        return collect<Note>(**stmt, note_from_row);
    });
}

Result<int32_t> Collection::set_note_suspended(NoteId note, bool suspended)
{
    return guarded(m_path, [&]() -> Result<int32_t> {
        int32_t changed = 0;
        Status written = transact([&]() -> Status {
            Result<CachedStatement> stmt = m_db->cached(sql::k_cards_suspend_by_note);
            if (!stmt)
                return stmt.error();
            (*stmt)->bind_all(note.value, suspended ? 1 : 0);
            TRY_STATUS((*stmt)->run());
            changed = static_cast<int32_t>(m_db->changes());
            return {};
        });
        if (!written)
            return written.error();
        return changed;
    });
}

Result<int64_t> Collection::add_listening_cards(DeckId deck)
{
    return guarded(m_path, [&]() -> Result<int64_t> {
        int64_t added = 0;
        Status written = transact([&]() -> Status {
            Result<CachedStatement> stmt = m_db->cached(sql::k_cards_insert_listening);
            if (!stmt)
                return stmt.error();
            (*stmt)->bind_all(deck.value);
            TRY_STATUS((*stmt)->run());
            added = m_db->changes();
            return {};
        });
        if (!written)
            return written.error();
        return added;
    });
}

Result<std::vector<NoteId>> Collection::suspended_notes(DeckId deck)
{
    return guarded(m_path, [&]() -> Result<std::vector<NoteId>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_notes_suspended);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value);
        return collect<NoteId>(**stmt, [](const Statement& row) { return NoteId{row.column_int(0)}; });
    });
}

Status Collection::insert_new_notes(DeckId deck, const std::vector<Note>& notes)
{
    for (const Note& note : notes) {
        if (note.key.empty())
            return make_error(ErrorKind::InvalidInput, "note \"" + note.russian + "\" has no key");
    }
    return guarded(m_path, [&]() -> Status {
        return transact([&]() -> Status {
            Result<CachedStatement> exists = m_db->cached(sql::k_deck_exists);
            if (!exists)
                return exists.error();
            (*exists)->bind_all(deck.value);
            Result<bool> row = (*exists)->step();
            if (!row)
                return row.error();
            if (!*row)
                return not_found(*this, "deck " + std::to_string(deck.value));

            // The batch is numbered here, after the deck's last note, rather than by a
            // subquery per insert.
            Result<CachedStatement> max_order = m_db->cached(sql::k_note_max_order);
            if (!max_order)
                return max_order.error();
            (*max_order)->bind_all(deck.value);
            Result<int64_t> last_order = single_int(**max_order);
            if (!last_order)
                return last_order.error();
            int64_t order = *last_order;

            int64_t first_id = 0;
            for (const Note& note : notes) {
                Result<CachedStatement> insert = m_db->cached(sql::k_note_insert_at);
                if (!insert)
                    return insert.error();
                // Imported text is NFC already; the quick check keeps this path fast.
                (*insert)->bind_all(deck.value, to_nfc_fast(note.key), to_nfc_fast(note.russian),
                                    to_nfc_fast(note.english), to_nfc_fast(note.part_of_speech),
                                    to_nfc_fast(note.grammar), to_nfc_fast(note.example_russian),
                                    to_nfc_fast(note.example_english), to_nfc_fast(note.tags),
                                    to_nfc_fast(note.source), to_nfc_fast(note.notes), fold_key_fast(note.russian),
                                    ++order);
                TRY_STATUS((*insert)->run());
                if (first_id == 0)
                    first_id = m_db->last_insert_rowid();
            }
            if (first_id == 0)
                return {};
            Result<CachedStatement> cards = m_db->cached(sql::k_cards_insert_for_notes);
            if (!cards)
                return cards.error();
            (*cards)->bind_all(deck.value, first_id);
            return (*cards)->run();
        });
    });
}

// --- cards ---

Result<Card> Collection::card(CardId id)
{
    return guarded(m_path, [&]() -> Result<Card> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_card_by_id);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(id.value);
        Result<std::optional<Card>> found = first<Card>(**stmt, card_from_row);
        if (!found)
            return found.error();
        if (!found->has_value())
            return not_found(*this, "card " + std::to_string(id.value));
        return **found;
    });
}

Result<std::vector<Card>> Collection::cards_for_note(NoteId note)
{
    return guarded(m_path, [&]() -> Result<std::vector<Card>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_cards_by_note);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(note.value);
        return collect<Card>(**stmt, card_from_row);
    });
}

Result<std::vector<Card>> Collection::due_cards(DeckId deck, int64_t due_before_ms, int32_t limit)
{
    return guarded(m_path, [&]() -> Result<std::vector<Card>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_cards_due);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value, due_before_ms, limit < 0 ? 0 : limit);
        return collect<Card>(**stmt, card_from_row);
    });
}

Result<std::vector<Card>> Collection::new_cards(DeckId deck, int32_t limit)
{
    return guarded(m_path, [&]() -> Result<std::vector<Card>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_cards_new);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value, limit < 0 ? 0 : limit);
        return collect<Card>(**stmt, card_from_row);
    });
}

Result<std::vector<Card>> Collection::due_cards_brief(DeckId deck, int64_t due_before_ms)
{
    return guarded(m_path, [&]() -> Result<std::vector<Card>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_cards_due_brief);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value, due_before_ms);
        // Columns: id, note_id, phase, stability, difficulty, due_ms, last_review_ms, scheduled_days,
        // direction.
        return collect<Card>(**stmt, [deck](const Statement& row) {
            Card card;
            card.id = CardId{row.column_int(0)};
            card.note = NoteId{row.column_int(1)};
            card.deck = deck;
            card.schedule.phase = static_cast<CardPhase>(row.column_int(2));
            if (!row.column_is_null(3) && !row.column_is_null(4))
                card.schedule.memory = MemoryState{row.column_double(3), row.column_double(4)};
            card.schedule.due_ms = row.column_int(5);
            card.schedule.last_review_ms = row.column_int(6);
            card.schedule.scheduled_days = static_cast<int32_t>(row.column_int(7));
            card.direction = static_cast<Direction>(row.column_int(8));
            return card;
        });
    });
}

Result<std::vector<AnswerBrief>> Collection::answers_between(DeckId deck, int64_t start_ms, int64_t end_ms)
{
    return guarded(m_path, [&]() -> Result<std::vector<AnswerBrief>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_answers_between);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value, start_ms, end_ms);
        // Columns: card_id, note_id, phase_before (a CHECK keeps it in range).
        return collect<AnswerBrief>(**stmt, [](const Statement& row) {
            return AnswerBrief{CardId{row.column_int(0)}, NoteId{row.column_int(1)},
                               static_cast<CardPhase>(row.column_int(2))};
        });
    });
}

Result<DeckCardCounts> Collection::card_counts(DeckId deck, int64_t learning_cutoff_ms, int64_t day_start_ms,
                                               int64_t day_end_ms)
{
    return guarded(m_path, [&]() -> Result<DeckCardCounts> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_card_counts);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(deck.value, learning_cutoff_ms, day_start_ms, day_end_ms);
        Result<bool> row = (*stmt)->step();
        if (!row)
            return row.error();
        VERIFY(*row);
        auto count = [&](int column) { return static_cast<int32_t>((*stmt)->column_int(column)); };
        DeckCardCounts counts;
        counts.new_cards = count(0);
        counts.learning_due = count(1);
        counts.learning_later = count(2);
        counts.review_due = count(3);
        counts.new_studied_today = count(4);
        counts.reviews_today = count(5);
        return counts;
    });
}

// --- reviews ---

Result<ReviewId> Collection::record_answer(const Card& updated, const ReviewRecord& review)
{
    if (!updated.id.valid())
        return make_error(ErrorKind::InvalidInput, "record_answer needs a card id");
    if (review.card.valid() && review.card != updated.id)
        return make_error(ErrorKind::InvalidInput, "review of card " + std::to_string(review.card.value) +
                                                       " recorded for card " + std::to_string(updated.id.value));
    if (review.time_ms < 0 || review.time_ms > kMaxReviewTimeMs)
        return make_error(ErrorKind::InvalidInput, "review time " + std::to_string(review.time_ms) +
                                                       " ms is out of range");
    return guarded(m_path, [&]() -> Result<ReviewId> {
        ReviewId id;
        Status written = transact([&]() -> Status {
            // The card as it is now: kept in the undo journal, so an undo restores it exactly.
            Result<CachedStatement> current = m_db->cached(sql::k_card_by_id);
            if (!current)
                return current.error();
            (*current)->bind_all(updated.id.value);
            Result<std::optional<Card>> before = first<Card>(**current, card_from_row);
            if (!before)
                return before.error();
            if (!before->has_value())
                return not_found(*this, "card " + std::to_string(updated.id.value));

            // Time-ordered and unique: a second answer in the same millisecond, or a clock that
            // went back, still gets an id after every earlier one. Starting from the device id's
            // last digits keeps two devices answering in the same millisecond apart.
            Result<CachedStatement> max_id = m_db->cached(sql::k_review_max_id);
            if (!max_id)
                return max_id.error();
            Result<int64_t> largest = single_int(**max_id);
            if (!largest)
                return largest.error();
            id = ReviewId{std::max(review.time_ms * 1000 + m_device_id % 1000, *largest + 1)};

            Result<CachedStatement> insert = m_db->cached(sql::k_review_insert);
            if (!insert)
                return insert.error();
            (*insert)->bind_all(id.value, m_device_id, updated.id.value, review.time_ms,
                                static_cast<int>(review.rating), static_cast<int>(review.phase_before),
                                review.elapsed_days, review.retrievability, review.stability, review.difficulty,
                                review.scheduled_days, review.due_ms, review.duration_ms);
            TRY_STATUS((*insert)->run());

            const CardSchedule& old = (*before)->schedule;
            Result<CachedStatement> journal = m_db->cached(sql::k_undo_journal_insert);
            if (!journal)
                return journal.error();
            (*journal)->bind_all(id.value, static_cast<int>(old.phase),
                                 old.memory ? std::optional(old.memory->stability) : std::nullopt,
                                 old.memory ? std::optional(old.memory->difficulty) : std::nullopt, old.due_ms,
                                 old.last_review_ms, old.step, old.reps, old.lapses, old.scheduled_days,
                                 (*before)->suspended);
            TRY_STATUS((*journal)->run());

            const CardSchedule& s = updated.schedule;
            std::optional<double> stability, difficulty;
            if (s.memory) {
                stability = s.memory->stability;
                difficulty = s.memory->difficulty;
            }
            Result<CachedStatement> update = m_db->cached(sql::k_card_update_schedule);
            if (!update)
                return update.error();
            (*update)->bind_all(updated.id.value, static_cast<int>(s.phase), stability, difficulty, s.due_ms,
                                s.last_review_ms, s.step, s.reps, s.lapses, s.scheduled_days, updated.suspended);
            return (*update)->run();
        });
        if (!written)
            return m_file_lost ? *m_file_lost : answer_not_saved(m_path, written.error());
        return id;
    });
}

Result<std::vector<ReviewRecord>> Collection::reviews_for_card(CardId card)
{
    return guarded(m_path, [&]() -> Result<std::vector<ReviewRecord>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_reviews_by_card);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(card.value);
        return collect<ReviewRecord>(**stmt, review_from_row);
    });
}

Result<int64_t> Collection::review_count()
{
    return guarded(m_path, [&]() -> Result<int64_t> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_review_count);
        if (!stmt)
            return stmt.error();
        return single_int(**stmt);
    });
}

Result<std::vector<ReviewLogEntry>> Collection::review_log()
{
    return guarded(m_path, [&]() -> Result<std::vector<ReviewLogEntry>> {
        // Prepared, not cached: it runs once per optimization.
        Result<Statement> stmt = m_db->prepare(sql::k_review_log);
        if (!stmt)
            return stmt.error();
        return collect<ReviewLogEntry>(*stmt, [](const Statement& row) {
            return ReviewLogEntry{row.column_int(0), row.column_int(1),
                                  rating_from_int(static_cast<int>(row.column_int(2))).value_or(Rating::Good)};
        });
    });
}

// --- settings ---

Result<std::optional<std::string>> Collection::setting(const std::string& key)
{
    return guarded(m_path, [&]() -> Result<std::optional<std::string>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_meta_get);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(std::string(kSettingPrefix) + key);
        return first<std::string>(**stmt, [](const Statement& row) { return row.column_text(0); });
    });
}

Status Collection::set_setting(const std::string& key, const std::string& value)
{
    if (key.empty())
        return make_error(ErrorKind::InvalidInput, "a setting needs a name");
    return guarded(m_path, [&]() -> Status {
        return transact([&]() -> Status {
            Result<CachedStatement> stmt = m_db->cached(sql::k_meta_set);
            if (!stmt)
                return stmt.error();
            (*stmt)->bind_all(std::string(kSettingPrefix) + key, value);
            return (*stmt)->run();
        });
    });
}

} // namespace letopis
