// Collection: the file underneath — noticing it was deleted or moved while open (and saving what
// was committed), backups and restores through SQLite's backup API, and the whole-collection
// passes of `letopis check --rebuild`.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "db/database.h"
#include "db/statement.h"
#include "storage/backup_files.h"
#include "storage/collection.h"
#include "storage/embedded_sql.h"
#include "storage/file_lock.h"
#include "storage/rows.h"

namespace letopis {

using namespace rows;
namespace fs = std::filesystem;

Status Collection::remember_file_identity()
{
    struct stat info {};
    if (::stat(m_path.c_str(), &info) != 0) {
        int err = errno;
        return make_error(ErrorKind::Io, "cannot read " + m_path.string() + ": " + std::strerror(err));
    }
    m_file_device = static_cast<uint64_t>(info.st_dev);
    m_file_inode = static_cast<uint64_t>(info.st_ino);
    return {};
}

Status Collection::check_file_in_place()
{
    if (m_file_lost)
        return *m_file_lost;
    struct stat info {};
    if (::stat(m_path.c_str(), &info) == 0 && static_cast<uint64_t>(info.st_dev) == m_file_device &&
        static_cast<uint64_t>(info.st_ino) == m_file_inode)
        return {};

    // Our connection still reads the old file, so everything committed can be saved: fold the
    // WAL into it (leaving an empty -wal, which cannot be mistaken for part of another file),
    // then copy it where the collection was — or, if something else is there now, into backups/.
    (void)m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::error_code ec;
    fs::path rescue = m_path;
    if (fs::exists(m_path, ec) || ec) {
        rescue = unused_backup_path(m_path, "rescued");
        fs::create_directories(rescue.parent_path(), ec);
    }
    Status copied = m_db->backup_to(rescue);
    if (copied && rescue == m_path) {
        // Our connection keeps its -wal and -shm open; by name they now sit beside the copy, and a
        // -wal there would be replayed into it. (SQLite neither checkpoints nor deletes them when
        // it closes a moved file.)
        for (std::string_view suffix : {"-wal", "-shm"}) {
            fs::path side = m_path;
            side += std::string(suffix);
            fs::remove(side, ec);
        }
    }
    std::string what = m_path.string() + " was deleted or moved while Letopis had it open, so the last change was "
                                         "not saved and nothing more can be. ";
    if (copied)
        what += "Everything saved before was copied to " + rescue.string() + "; close Letopis and open that file.";
    else
        what += "A copy of everything saved before could not be written (" + copied.error().message +
                "); keep Letopis open and make room for the file or its folder, then try again.";
    m_file_lost = make_error(ErrorKind::Io, what);
    Error lost = *m_file_lost;
    if (!copied)
        m_file_lost.reset(); // the next write tries the rescue again
    return lost;
}

Status Collection::backup_to(const fs::path& dest)
{
    return guarded(m_path, [&]() -> Status { return m_db->backup_to(dest); });
}

Status Collection::restore_from(const fs::path& source)
{
    return guarded(m_path, [&]() -> Status {
        TRY_STATUS(check_file_in_place());
        VERIFY(m_transaction_depth == 0);
        return m_db->restore_from(source);
    });
}

Status Collection::replace_file(const fs::path& path, const fs::path& source, const fs::path& old_copy)
{
    try {
        std::error_code ec;
        const fs::path file = fs::absolute(path, ec).lexically_normal();
        fs::path lock_path = file;
        lock_path += ".lock";
        fs::create_directories(file.parent_path(), ec);
        Result<std::unique_ptr<FileLock>> lock = FileLock::acquire(lock_path, file);
        if (!lock)
            return lock.error();
        if (fs::exists(file, ec)) {
            fs::create_directories(old_copy.parent_path(), ec);
            // The -wal first: a main file without its WAL would lose commits, while a WAL left
            // beside the new file would be replayed into it.
            for (std::string_view suffix : {"-wal", ""}) {
                fs::path from = file, to = old_copy;
                from += std::string(suffix);
                to += std::string(suffix);
                if (!fs::exists(from, ec))
                    continue;
                fs::rename(from, to, ec);
                if (ec)
                    return make_error(ErrorKind::Io, "cannot move " + from.string() + " to " + to.string() + ": " +
                                                         ec.message());
            }
            fs::path shm = file;
            shm += "-shm";
            fs::remove(shm, ec);
        }
        Result<std::unique_ptr<Database>> from = Database::open(source, DbOpen::ReadOnly);
        if (!from)
            return from.error();
        return (*from)->backup_to(file);
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, "cannot replace " + path.string() + ": " + e.what());
    }
}

Status Collection::for_each_card_history(
    const std::function<Status(const Card&, const std::vector<ReviewRecord>&)>& fn)
{
    return guarded(m_path, [&]() -> Status {
        // A statement of its own: `fn` may use the cached ones.
        Result<Statement> stmt = m_db->prepare(sql::k_card_histories);
        if (!stmt)
            return stmt.error();
        constexpr int kReviewColumns = 14;
        std::optional<Card> card;
        std::vector<ReviewRecord> reviews;
        for (;;) {
            Result<bool> row = stmt->step();
            if (!row)
                return row.error();
            const bool next_card = *row && (!card || card->id.value != stmt->column_int(0));
            if ((!*row || next_card) && card) {
                TRY_STATUS(fn(*card, reviews));
                reviews.clear();
            }
            if (!*row)
                return {};
            if (next_card)
                card = card_from_row(*stmt);
            if (!stmt->column_is_null(kReviewColumns))
                reviews.push_back(review_from_row_at(*stmt, kReviewColumns));
        }
    });
}

Status Collection::replace_schedules(const std::vector<Card>& cards)
{
    return guarded(m_path, [&]() -> Status {
        return transact([&]() -> Status {
            for (const Card& card : cards) {
                // The suspension is not part of the log: keep the stored one.
                Result<Card> stored = this->card(card.id);
                if (!stored)
                    return stored.error();
                const CardSchedule& s = card.schedule;
                Result<CachedStatement> update = m_db->cached(sql::k_card_update_schedule);
                if (!update)
                    return update.error();
                (*update)->bind_all(card.id.value, static_cast<int>(s.phase),
                                    s.memory ? std::optional(s.memory->stability) : std::nullopt,
                                    s.memory ? std::optional(s.memory->difficulty) : std::nullopt, s.due_ms,
                                    s.last_review_ms, s.step, s.reps, s.lapses, s.scheduled_days, stored->suspended);
                TRY_STATUS((*update)->run());
            }
            return {};
        });
    });
}

} // namespace letopis
