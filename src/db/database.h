// Database: one SQLite connection (RAII) with a cache of prepared statements.
// SQLite errors become Error values naming the file; sqlite3.h stays inside src/db/*.cpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "db/statement.h"
#include "util/result.h"

struct sqlite3;

namespace letopis {

enum class DbOpen {
    ReadOnly,          // never writes the file (it may create -wal/-shm files beside a WAL database)
    ReadOnlyImmutable, // reads the main file alone: no locks, no -wal/-shm files are created;
                       // only correct when no other connection is writing the file
    ReadWrite,         // the file must exist
    Create,            // read-write, creating the file if missing
    Memory,            // a private, empty database in memory; the path only names it in messages
};

// A statement from the cache, reset (and its bindings cleared) when the lease ends, so a
// half-read SELECT never keeps a read transaction open.
class CachedStatement {
public:
    CachedStatement(CachedStatement&& other) noexcept;
    CachedStatement& operator=(CachedStatement&&) = delete;
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    ~CachedStatement();

    Statement& operator*() { return *m_stmt; }
    Statement* operator->() { return m_stmt; }

private:
    friend class Database;
    CachedStatement(Statement* stmt, bool* in_use, std::unique_ptr<Statement> owned)
        : m_stmt(stmt), m_in_use(in_use), m_owned(std::move(owned)) {}

    Statement* m_stmt;
    bool* m_in_use;                    // the cache slot's flag, or nullptr for a one-off statement
    std::unique_ptr<Statement> m_owned; // set when the cached one was already leased
};

// Use a Database (and its statements) from one thread at a time: the cache is not locked.
class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path, DbOpen mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    // Runs one or more statements that return no rows we need (schema scripts, pragmas).
    Status exec(std::string_view sql);
    // A fresh statement owned by the caller. Only the first statement in `sql` is compiled.
    Result<Statement> prepare(std::string_view sql);
    // A statement from the cache (compiled once per connection); see CachedStatement.
    Result<CachedStatement> cached(std::string_view sql);

    // First column of the first row of `sql` (an error if there is no row).
    Result<int64_t> query_int(std::string_view sql);
    Result<std::string> query_text(std::string_view sql);

    int64_t last_insert_rowid() const;
    int64_t changes() const; // rows changed by the last INSERT/UPDATE/DELETE
    bool in_transaction() const;

    // Registers a deterministic SQL function of one TEXT argument returning TEXT (NULL in, NULL
    // out), e.g. fold_key(), so SQL such as migrations can use our text rules.
    Status register_text_function(const std::string& name,
                                  std::function<std::string(std::string_view)> fn);
    // Registers a collation for `COLLATE name` in SQL. `compare` gets UTF-8 text and returns
    // <0, 0 or >0; it must be a total order and must not throw.
    Status register_collation(const std::string& name,
                              std::function<int(std::string_view, std::string_view)> compare);

    // Calls `hook` after each commit of this connection in WAL mode, with the number of pages
    // now in the WAL. Replaces SQLite's automatic checkpoints: the hook decides when to
    // checkpoint. The hook runs inside the commit call and must not throw.
    Status set_wal_hook(std::function<void(int64_t wal_pages)> hook);
    // Copies the WAL into the main file as far as readers allow (PASSIVE) or, with Truncate,
    // waits for readers and empties the WAL. Returns the pages left in the WAL afterwards.
    enum class Checkpoint { Passive, Truncate };
    Result<int64_t> checkpoint(Checkpoint mode);

    // Copies this database, as of one consistent moment, into a new file `dest` with SQLite's
    // online backup API (other connections may keep writing meanwhile). The copy is written to a
    // temporary file beside `dest`, switched to a rollback journal so it is one self-contained
    // file, synced and renamed into place: `dest` is never seen half-written. An existing `dest`
    // is replaced.
    Status backup_to(const std::filesystem::path& dest);
    // Replaces the whole content of this database with that of the database file `source`, in one
    // write transaction of this connection (on failure nothing changes). `source` is only read.
    // Both must have the same page size when this database is in WAL mode.
    Status restore_from(const std::filesystem::path& source);

    // An Error for SQLite result code `rc` (primary or extended), naming the file and `what`.
    Error error(int rc, std::string_view what) const;

private:
    Database(std::filesystem::path path, sqlite3* db) : m_path(std::move(path)), m_db(db) {}

    struct CacheSlot {
        std::unique_ptr<Statement> stmt;
        bool in_use = false;
    };

    std::filesystem::path m_path;
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, CacheSlot> m_cache;
    std::function<void(int64_t)> m_wal_hook;
};

// Kind of error for an SQLite result code: BUSY/LOCKED → Locked, READONLY → ReadOnly,
// FULL → DiskFull, NOTADB → NotACollection, CORRUPT → Corrupt, IOERR/CANTOPEN → Io,
// anything else → Database. With the operating system's errno of an IOERR/CANTOPEN, a file
// system that is full (ENOSPC, EDQUOT) gives DiskFull and one that refuses writes (EROFS,
// EACCES, EPERM) gives ReadOnly.
ErrorKind error_kind_for_sqlite(int rc, int system_errno = 0);

} // namespace letopis
