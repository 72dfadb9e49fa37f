// Collection: undoing answers (a row in undone_reviews plus the schedule from the undo journal)
// and searching notes by fold key in Russian order.
#include "db/database.h"
#include "db/statement.h"
#include "storage/collection.h"
#include "storage/embedded_sql.h"
#include "storage/rows.h"
#include "text/normalize.h"

namespace letopis {

using namespace rows;

namespace {

Error undo_error(ErrorKind kind, const std::filesystem::path& path, ReviewId id, const std::string& why)
{
    return make_error(kind, path.string() + ": answer " + std::to_string(id.value) + " cannot be undone: " + why);
}

} // namespace

Result<Card> Collection::undo_in_transaction(ReviewId id, int64_t now_ms)
{
    VERIFY(m_transaction_depth > 0);
    CardId card_id;
    {
        Result<CachedStatement> facts = m_db->cached(sql::k_review_undo_facts);
        if (!facts)
            return facts.error();
        (*facts)->bind_all(id.value);
        Result<bool> row = (*facts)->step();
        if (!row)
            return row.error();
        if (!*row)
            return undo_error(ErrorKind::NotFound, m_path, id, "there is no such answer");
        card_id = CardId{(*facts)->column_int(0)};
        if ((*facts)->column_int(1) != 0)
            return undo_error(ErrorKind::InvalidInput, m_path, id, "it was undone already");
        if ((*facts)->column_int(2) != 0)
            return undo_error(ErrorKind::InvalidInput, m_path, id,
                              "a later answer of the same card counts; undo that one first");
    }
    CardSchedule before;
    bool suspended = false;
    {
        Result<CachedStatement> journal = m_db->cached(sql::k_undo_journal_get);
        if (!journal)
            return journal.error();
        (*journal)->bind_all(id.value);
        Result<bool> row = (*journal)->step();
        if (!row)
            return row.error();
        if (!*row)
            return undo_error(ErrorKind::Unsupported, m_path, id,
                              "it is too old (only the latest answers keep the schedule they replaced)");
        const Statement& j = **journal;
        before.phase = static_cast<CardPhase>(j.column_int(0));
        std::optional<double> stability = j.column_optional_double(1);
        std::optional<double> difficulty = j.column_optional_double(2);
        if (stability && difficulty)
            before.memory = MemoryState{*stability, *difficulty};
        before.due_ms = j.column_int(3);
        before.last_review_ms = j.column_int(4);
        before.step = static_cast<int32_t>(j.column_int(5));
        before.reps = static_cast<int32_t>(j.column_int(6));
        before.lapses = static_cast<int32_t>(j.column_int(7));
        before.scheduled_days = static_cast<int32_t>(j.column_int(8));
        suspended = j.column_int(9) != 0;
    }

    Result<CachedStatement> undone = m_db->cached(sql::k_undone_insert);
    if (!undone)
        return undone.error();
    TRY_STATUS((*undone)->bind_all(id.value, m_device_id, now_ms).run());

    Result<CachedStatement> update = m_db->cached(sql::k_card_update_schedule);
    if (!update)
        return update.error();
    (*update)->bind_all(card_id.value, static_cast<int>(before.phase),
                        before.memory ? std::optional(before.memory->stability) : std::nullopt,
                        before.memory ? std::optional(before.memory->difficulty) : std::nullopt, before.due_ms,
                        before.last_review_ms, before.step, before.reps, before.lapses, before.scheduled_days,
                        suspended);
    TRY_STATUS((*update)->run());
    return card(card_id);
}

Result<Card> Collection::undo_answer(ReviewId id, int64_t now_ms)
{
    return guarded(m_path, [&]() -> Result<Card> {
        std::optional<Card> restored;
        Status done = transact([&]() -> Status {
            Result<Card> card = undo_in_transaction(id, now_ms);
            if (!card)
                return card.error();
            restored = *card;
            return {};
        });
        if (!done)
            return m_file_lost ? *m_file_lost : done.error();
        return *restored;
    });
}

Result<std::optional<ReviewId>> Collection::last_answer(ReviewId since)
{
    return guarded(m_path, [&]() -> Result<std::optional<ReviewId>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_review_last_live);
        if (!stmt)
            return stmt.error();
        (*stmt)->bind_all(since.value, m_device_id);
        return first<ReviewId>(**stmt, [](const Statement& row) { return ReviewId{row.column_int(0)}; });
    });
}

Result<std::optional<Card>> Collection::undo_last_answer(ReviewId since, int64_t now_ms)
{
    return guarded(m_path, [&]() -> Result<std::optional<Card>> {
        std::optional<Card> restored;
        Status done = transact([&]() -> Status {
            Result<std::optional<ReviewId>> last = last_answer(since);
            if (!last)
                return last.error();
            if (!last->has_value())
                return {};
            Result<Card> card = undo_in_transaction(**last, now_ms);
            if (!card)
                return card.error();
            restored = *card;
            return {};
        });
        if (!done)
            return m_file_lost ? *m_file_lost : done.error();
        return restored;
    });
}

Result<std::vector<Note>> Collection::find_notes(const std::string& prefix, int32_t limit)
{
    return guarded(m_path, [&]() -> Result<std::vector<Note>> {
        Result<CachedStatement> stmt = m_db->cached(sql::k_notes_find);
        if (!stmt)
            return stmt.error();
        const std::string low = fold_key(prefix);
        // 0xFF never occurs in UTF-8, so every key that starts with `low` sorts below this.
        const std::string high = low + '\xFF';
        (*stmt)->bind_all(low, high, limit < 0 ? 0 : limit);
        return collect<Note>(**stmt, note_from_row);
    });
}

} // namespace letopis
