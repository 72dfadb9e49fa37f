// Checkpointer: one waiting thread; a PASSIVE checkpoint per request, which never blocks the
// writer (SQLite lets commits append to the WAL while a checkpoint copies older frames).
#include "storage/checkpointer.h"

#include <exception>
#include <system_error>

#include "db/database.h"

namespace letopis {

Result<std::unique_ptr<Checkpointer>> Checkpointer::start(const std::filesystem::path& file)
{
    Result<std::unique_ptr<Database>> db = Database::open(file, DbOpen::ReadWrite);
    if (!db)
        return db.error();
    // A checkpoint never waits for the writer: it copies what it can and tries again next time.
    TRY_STATUS((*db)->exec("PRAGMA busy_timeout = 0"));
    // A connection learns that the file is in WAL mode only when it first reads it; until then
    // a checkpoint would do nothing.
    Result<std::string> mode = (*db)->query_text("PRAGMA journal_mode");
    if (!mode)
        return mode.error();
    if (*mode != "wal")
        return make_error(ErrorKind::Unsupported, file.string() + " is not in WAL mode: no checkpoints to make");
    try {
        std::unique_ptr<Checkpointer> checkpointer(new Checkpointer(std::move(db).value()));
        checkpointer->m_thread = std::thread([raw = checkpointer.get()] { raw->run(); });
        return checkpointer;
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, file.string() + ": cannot start the checkpoint thread: " + e.what());
    }
}

Checkpointer::Checkpointer(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
    m_db.reset();
}

void Checkpointer::request()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_one();
}

void Checkpointer::run()
{
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [&] { return m_requested || m_stopping; });
            if (m_stopping)
                return;
            m_requested = false;
        }
        // Failure (busy, I/O) is not fatal: the frames stay in the WAL, which stays correct, and
        // the next request or the close tries again.
        (void)m_db->checkpoint(Database::Checkpoint::Passive);
    }
}

} // namespace letopis
