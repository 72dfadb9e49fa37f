// Reading rows into domain values: one from_row function per type, and small helpers to step a
// statement to its rows. Internal to storage/ (its .cpp files share them).
#pragma once

#include <exception>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/model/card.h"
#include "core/model/deck.h"
#include "db/statement.h"
#include "util/result.h"

namespace letopis::rows {

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
inline DeckInfo deck_from_row(const Statement& row)
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
inline Note note_from_row(const Statement& row)
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
// `first` is the index of the id column, for rows that hold more than a card.
inline Card card_from_row_at(const Statement& row, int first)
{
    Card card;
    card.id = CardId{row.column_int(first + 0)};
    card.note = NoteId{row.column_int(first + 1)};
    card.deck = DeckId{row.column_int(first + 2)};
    card.direction = static_cast<Direction>(row.column_int(first + 3));
    CardSchedule& s = card.schedule;
    s.phase = static_cast<CardPhase>(row.column_int(first + 4));
    std::optional<double> stability = row.column_optional_double(first + 5);
    std::optional<double> difficulty = row.column_optional_double(first + 6);
    if (stability && difficulty)
        s.memory = MemoryState{*stability, *difficulty};
    s.due_ms = row.column_int(first + 7);
    s.last_review_ms = row.column_int(first + 8);
    s.step = static_cast<int32_t>(row.column_int(first + 9));
    s.reps = static_cast<int32_t>(row.column_int(first + 10));
    s.lapses = static_cast<int32_t>(row.column_int(first + 11));
    s.scheduled_days = static_cast<int32_t>(row.column_int(first + 12));
    card.suspended = row.column_int(first + 13) != 0;
    return card;
}

inline Card card_from_row(const Statement& row) { return card_from_row_at(row, 0); }

// Columns: id, card_id, time_ms, rating, phase_before, elapsed_days, retrievability,
// stability, difficulty, scheduled_days, due_ms, duration_ms.
inline ReviewRecord review_from_row_at(const Statement& row, int first)
{
    ReviewRecord review;
    review.id = ReviewId{row.column_int(first + 0)};
    review.card = CardId{row.column_int(first + 1)};
    review.time_ms = row.column_int(first + 2);
    review.rating = rating_from_int(static_cast<int>(row.column_int(first + 3))).value_or(Rating::Good);
    review.phase_before = static_cast<CardPhase>(row.column_int(first + 4));
    review.elapsed_days = static_cast<int32_t>(row.column_int(first + 5));
    review.retrievability = row.column_double(first + 6);
    review.stability = row.column_double(first + 7);
    review.difficulty = row.column_double(first + 8);
    review.scheduled_days = static_cast<int32_t>(row.column_int(first + 9));
    review.due_ms = row.column_int(first + 10);
    review.duration_ms = static_cast<int32_t>(row.column_int(first + 11));
    return review;
}

inline ReviewRecord review_from_row(const Statement& row) { return review_from_row_at(row, 0); }

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

inline Result<int64_t> single_int(Statement& stmt)
{
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    VERIFY(*row); // only used for aggregate queries, which always return a row
    return stmt.column_int(0);
}

} // namespace letopis::rows
