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
};

// Kind of error for an SQLite result code: BUSY/LOCKED → Locked, READONLY → ReadOnly,
// FULL → DiskFull, NOTADB → NotACollection, CORRUPT → Corrupt, IOERR/CANTOPEN → Io,
// anything else → Database.
ErrorKind error_kind_for_sqlite(int rc);

} // namespace letopis
