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
#include "text/normalize.h"

namespace letopis {

namespace {

constexpr std::string_view kSettingPrefix = "setting.";
// Review ids are time_ms * 1000 + a sequence; later times would overflow int64.
constexpr int64_t kMaxReviewTimeMs = std::numeric_limits<int64_t>::max() / 1000 - 1;

Error not_found(const Collection& collection, const std::string& what)
{
    return make_error(ErrorKind::NotFound, collection.path().string() + ": " + what + " does not exist");
}

// Turns an escaping std:: exception (bad_alloc, say) into an error, so none crosses the module.
template <typename Fn>
auto guarded(const std::filesystem::path& path, Fn&& fn) -> decltype(fn())
{
    try {
        return fn();
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Database, path.string() + ": " + e.what());
    }
}

// Columns: id, key, title, description, new_per_day, reviews_per_day.
DeckInfo deck_from_row(const Statement& row)
{
    DeckInfo deck;
    deck.id = DeckId{row.column_int(0)};
    deck.key = row.column_text(1);
    deck.title = row.column_text(2);
    deck.description = row.column_text(3);
    deck.new_per_day = static_cast<int32_t>(row.column_int(4));
    deck.reviews_per_day = static_cast<int32_t>(row.column_int(5));
    return deck;
}

// Columns: id, deck_id, key, russian, english, part_of_speech, grammar, example_russian,
// example_english, tags, source, notes.
Note note_from_row(const Statement& row)
{
    Note note;
    note.id = NoteId{row.column_int(0)};
    note.deck = DeckId{row.column_int(1)};
    note.key = row.column_text(2);
    note.russian = row.column_text(3);
    note.english = row.column_text(4);
    note.part_of_speech = row.column_text(5);
    note.grammar = row.column_text(6);
    note.example_russian = row.column_text(7);
    note.example_english = row.column_text(8);
    note.tags = row.column_text(9);
    note.source = row.column_text(10);
    note.notes = row.column_text(11);
    return note;
}

// Columns: id, note_id, deck_id, direction, phase, stability, difficulty, due_ms,
// last_review_ms, step, reps, lapses, scheduled_days, suspended. CHECK constraints keep
// direction and phase in range.
Card card_from_row(const Statement& row)
{
    Card card;
    card.id = CardId{row.column_int(0)};
    card.note = NoteId{row.column_int(1)};
    card.deck = DeckId{row.column_int(2)};
    card.direction = static_cast<Direction>(row.column_int(3));
    CardSchedule& s = card.schedule;
    s.phase = static_cast<CardPhase>(row.column_int(4));
    std::optional<double> stability = row.column_optional_double(5);
    std::optional<double> difficulty = row.column_optional_double(6);
    if (stability && difficulty)
        s.memory = MemoryState{*stability, *difficulty};
    s.due_ms = row.column_int(7);
    s.last_review_ms = row.column_int(8);
    s.step = static_cast<int32_t>(row.column_int(9));
    s.reps = static_cast<int32_t>(row.column_int(10));
    s.lapses = static_cast<int32_t>(row.column_int(11));
    s.scheduled_days = static_cast<int32_t>(row.column_int(12));
    card.suspended = row.column_int(13) != 0;
    return card;
}

// Columns: id, card_id, time_ms, rating, phase_before, elapsed_days, retrievability,
// stability, difficulty, scheduled_days, due_ms, duration_ms.
ReviewRecord review_from_row(const Statement& row)
{
    ReviewRecord review;
    review.id = ReviewId{row.column_int(0)};
    review.card = CardId{row.column_int(1)};
    review.time_ms = row.column_int(2);
    review.rating = rating_from_int(static_cast<int>(row.column_int(3))).value_or(Rating::Good);
    review.phase_before = static_cast<CardPhase>(row.column_int(4));
    review.elapsed_days = static_cast<int32_t>(row.column_int(5));
    review.retrievability = row.column_double(6);
    review.stability = row.column_double(7);
    review.difficulty = row.column_double(8);
    review.scheduled_days = static_cast<int32_t>(row.column_int(9));
    review.due_ms = row.column_int(10);
    review.duration_ms = static_cast<int32_t>(row.column_int(11));
    return review;
}

// Steps `stmt` to the end, turning each row into a T.
template <typename T, typename FromRow>
Result<std::vector<T>> collect(Statement& stmt, FromRow from_row)
{
    std::vector<T> out;
    for (;;) {
        Result<bool> row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            return out;
        out.push_back(from_row(stmt));
    }
}

// The row `stmt` finds, if any.
template <typename T, typename FromRow>
Result<std::optional<T>> first(Statement& stmt, FromRow from_row)
{
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<T>();
    return std::optional<T>(from_row(stmt));
}

Result<int64_t> single_int(Statement& stmt)
{
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    VERIFY(*row); // only used for aggregate queries, which always return a row
    return stmt.column_int(0);
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
            TRY_STATUS((*update)->run());
            if (m_db->changes() == 0)
                return not_found(*this, "card " + std::to_string(updated.id.value));

            // Time-ordered and unique: a second answer in the same millisecond, or a clock that
            // went back, still gets an id after every earlier one.
            Result<CachedStatement> max_id = m_db->cached(sql::k_review_max_id);
            if (!max_id)
                return max_id.error();
            Result<int64_t> largest = single_int(**max_id);
            if (!largest)
                return largest.error();
            id = ReviewId{std::max(review.time_ms * 1000, *largest + 1)};

            Result<CachedStatement> insert = m_db->cached(sql::k_review_insert);
            if (!insert)
                return insert.error();
            (*insert)->bind_all(id.value, m_device_id, updated.id.value, review.time_ms,
                                static_cast<int>(review.rating), static_cast<int>(review.phase_before),
                                review.elapsed_days, review.retrievability, review.stability, review.difficulty,
                                review.scheduled_days, review.due_ms, review.duration_ms);
            return (*insert)->run();
        });
        if (!written)
            return written.error();
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
