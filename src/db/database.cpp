// Database: opening a connection, the statement cache, one-shot queries, SQL functions, and
// turning SQLite result codes into our Error values.
#include "db/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <system_error>

namespace letopis {

namespace {

// SQLite URIs need '%', '?' and '#' escaped; escaping everything outside a safe set is simplest
// and keeps any file name (spaces, Cyrillic) intact.
std::string file_uri(const std::filesystem::path& path)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : path.native()) {
        bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
        if (safe) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 0xF];
        }
    }
    return uri;
}

// Makes a rename or a new file in `folder` durable: the directory entry is synced too.
void sync_folder(const std::filesystem::path& folder)
{
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return; // best effort: the file's own content is already synced
    (void)::fsync(fd);
    ::close(fd);
}

std::filesystem::path with_suffix(const std::filesystem::path& path, std::string_view suffix)
{
    std::filesystem::path out = path;
    out += std::string(suffix);
    return out;
}

} // namespace

ErrorKind error_kind_for_sqlite(int rc, int system_errno)
{
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorKind::Locked;
    case SQLITE_READONLY:
    case SQLITE_PERM: return ErrorKind::ReadOnly;
    case SQLITE_FULL: return ErrorKind::DiskFull;
    case SQLITE_NOTADB: return ErrorKind::NotACollection;
    case SQLITE_CORRUPT: return ErrorKind::Corrupt;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        // SQLite reports some failed writes and syncs as I/O errors; the errno says why.
        if (system_errno == ENOSPC || system_errno == EDQUOT)
            return ErrorKind::DiskFull;
        if (system_errno == EROFS || system_errno == EACCES || system_errno == EPERM)
            return ErrorKind::ReadOnly;
        return ErrorKind::Io;
    default: return ErrorKind::Database;
    }
}

// --- CachedStatement ---

CachedStatement::CachedStatement(CachedStatement&& other) noexcept
    : m_stmt(other.m_stmt), m_in_use(other.m_in_use), m_owned(std::move(other.m_owned))
{
    other.m_stmt = nullptr;
    other.m_in_use = nullptr;
}

CachedStatement::~CachedStatement()
{
    if (m_stmt)
        m_stmt->reset();
    if (m_in_use)
        *m_in_use = false;
}

// --- Database ---

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, DbOpen mode)
{
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (ec)
        absolute = path;

    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE;
    std::string uri = file_uri(absolute);
    switch (mode) {
    case DbOpen::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case DbOpen::ReadOnlyImmutable:
        flags |= SQLITE_OPEN_READONLY;
        uri += "?immutable=1";
        break;
    case DbOpen::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case DbOpen::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case DbOpen::Memory:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY;
        uri = ":memory:";
        absolute = path;
        break;
    }

    sqlite3* handle = nullptr;
    int rc = sqlite3_open_v2(uri.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string detail = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        int system_errno = handle ? sqlite3_system_errno(handle) : 0;
        sqlite3_close_v2(handle);
        return make_error(error_kind_for_sqlite(rc, system_errno),
                          absolute.string() + ": cannot open the database: " + detail);
    }
    sqlite3_extended_result_codes(handle, 1);
    return std::unique_ptr<Database>(new Database(std::move(absolute), handle));
}

Database::~Database()
{
    // Statements must be finalised before the connection closes.
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

Error Database::error(int rc, std::string_view what) const
{
    std::string detail;
    if (m_db && sqlite3_extended_errcode(m_db) == rc)
        detail = sqlite3_errmsg(m_db);
    else
        detail = sqlite3_errstr(rc);
    std::string message = m_path.string();
    message += ": ";
    message += what;
    message += ": ";
    message += detail;
    return make_error(error_kind_for_sqlite(rc, m_db ? sqlite3_system_errno(m_db) : 0), std::move(message));
}

Status Database::exec(std::string_view sql)
{
    std::string text(sql); // sqlite3_exec needs a terminating NUL
    char* message = nullptr;
    int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return make_error(error_kind_for_sqlite(rc, sqlite3_system_errno(m_db)),
                      m_path.string() + ": cannot run SQL: " + detail);
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error(rc, "cannot prepare statement");
    }
    if (!stmt) // only white space or comments
        return make_error(ErrorKind::Database, m_path.string() + ": empty SQL statement");
    return Statement(this, stmt);
}

Result<CachedStatement> Database::cached(std::string_view sql)
{
    try {
        auto it = m_cache.find(std::string(sql));
        if (it == m_cache.end()) {
            sqlite3_stmt* stmt = nullptr;
            int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
            if (rc != SQLITE_OK) {
                sqlite3_finalize(stmt);
                return error(rc, "cannot prepare statement");
            }
            if (!stmt)
                return make_error(ErrorKind::Database, m_path.string() + ": empty SQL statement");
            CacheSlot slot;
            slot.stmt = std::make_unique<Statement>(Statement(this, stmt));
            it = m_cache.emplace(std::string(sql), std::move(slot)).first;
        }
        CacheSlot& slot = it->second;
        if (slot.in_use) {
            // The same SQL is already being stepped further up the stack: use a one-off copy
            // rather than resetting the caller's statement under its feet.
            Result<Statement> fresh = prepare(sql);
            if (!fresh)
                return fresh.error();
            auto owned = std::make_unique<Statement>(std::move(fresh).value());
            Statement* raw = owned.get();
            return CachedStatement(raw, nullptr, std::move(owned));
        }
        slot.in_use = true;
        slot.stmt->reset();
        return CachedStatement(slot.stmt.get(), &slot.in_use, nullptr);
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Database, m_path.string() + ": " + e.what());
    }
}

Result<int64_t> Database::query_int(std::string_view sql)
{
    Result<Statement> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    Result<bool> row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return make_error(ErrorKind::Database, m_path.string() + ": no result from: " + std::string(sql));
    return stmt->column_int(0);
}

Result<std::string> Database::query_text(std::string_view sql)
{
    Result<Statement> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    Result<bool> row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return make_error(ErrorKind::Database, m_path.string() + ": no result from: " + std::string(sql));
    return stmt->column_text(0);
}

int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db); }

int64_t Database::changes() const { return sqlite3_changes64(m_db); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(m_db) == 0; }

namespace {

using TextFunction = std::function<std::string(std::string_view)>;

void call_text_function(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    int size = sqlite3_value_bytes(argv[0]);
    auto* fn = static_cast<TextFunction*>(sqlite3_user_data(context));
    try {
        std::string out = (*fn)(std::string_view(text ? text : "", static_cast<size_t>(size)));
        sqlite3_result_text64(context, out.data(), out.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } catch (const std::exception& e) {
        sqlite3_result_error(context, e.what(), -1);
    }
}

void destroy_text_function(void* fn) { delete static_cast<TextFunction*>(fn); }

} // namespace

Status Database::register_text_function(const std::string& name, TextFunction fn)
{
    TextFunction* heap = nullptr;
    try {
        heap = new TextFunction(std::move(fn));
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Database, m_path.string() + ": " + e.what());
    }
    // SQLite calls the destructor even when registration fails.
    int rc = sqlite3_create_function_v2(m_db, name.c_str(), 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, heap,
                                        call_text_function, nullptr, nullptr, destroy_text_function);
    if (rc != SQLITE_OK)
        return error(rc, "cannot register SQL function " + name);
    return {};
}

namespace {

using CompareFunction = std::function<int(std::string_view, std::string_view)>;

int call_collation(void* fn, int size_a, const void* a, int size_b, const void* b)
{
    auto* compare = static_cast<CompareFunction*>(fn);
    std::string_view left(static_cast<const char*>(a), static_cast<size_t>(size_a));
    std::string_view right(static_cast<const char*>(b), static_cast<size_t>(size_b));
    try {
        return (*compare)(left, right);
    } catch (const std::exception&) {
        // SQLite has no way to report a failed comparison; bytewise order is still a total order.
        return left.compare(right);
    }
}

void destroy_collation(void* fn) { delete static_cast<CompareFunction*>(fn); }

} // namespace

Status Database::register_collation(const std::string& name, CompareFunction compare)
{
    CompareFunction* heap = nullptr;
    try {
        heap = new CompareFunction(std::move(compare));
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Database, m_path.string() + ": " + e.what());
    }
    int rc = sqlite3_create_collation_v2(m_db, name.c_str(), SQLITE_UTF8, heap, call_collation, destroy_collation);
    if (rc != SQLITE_OK) {
        // Unlike every other registration, a failed create_collation_v2 leaves the pointer to us.
        delete heap;
        return error(rc, "cannot register the collation " + name);
    }
    return {};
}

namespace {

// Copies database "main" of `from` into "main" of `to` in one step (one read transaction on
// `from`, one write transaction on `to`). Returns an SQLite result code.
int copy_database(sqlite3* to, sqlite3* from)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return sqlite3_extended_errcode(to);
    int rc = sqlite3_backup_step(backup, -1);
    int finished = sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE)
        rc = finished;
    return rc;
}

} // namespace

Status Database::backup_to(const std::filesystem::path& dest)
{
    const std::filesystem::path partial = with_suffix(dest, ".partial");
    std::error_code ec;
    // A partial copy left by a crash is worthless; so is its journal.
    std::filesystem::remove(partial, ec);
    std::filesystem::remove(with_suffix(partial, "-journal"), ec);

    auto fail = [&](ErrorKind kind, const std::string& detail) -> Status {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        std::filesystem::remove(with_suffix(partial, "-journal"), ignored);
        return make_error(kind, dest.string() + ": cannot write the backup of " + m_path.string() + ": " + detail);
    };
    {
        Result<std::unique_ptr<Database>> opened = Database::open(partial, DbOpen::Create);
        if (!opened)
            return fail(opened.error().kind, opened.error().message);
        Database& copy = **opened;
        if (Status synced = copy.exec("PRAGMA synchronous = FULL"); !synced)
            return fail(synced.error().kind, synced.error().message);
        int rc = copy_database(copy.m_db, m_db);
        if (rc != SQLITE_OK) {
            ErrorKind kind = error_kind_for_sqlite(rc, sqlite3_system_errno(copy.m_db));
            std::string detail = sqlite3_errmsg(copy.m_db);
            if (detail == "not an error")
                detail = sqlite3_errstr(rc);
            return fail(kind, detail);
        }
        // The copy inherits the WAL mark of a WAL source; a backup is better as one plain file.
        Result<std::string> mode = copy.query_text("PRAGMA journal_mode = DELETE");
        if (!mode)
            return fail(mode.error().kind, mode.error().message);
    }
    std::filesystem::rename(partial, dest, ec);
    if (ec)
        return fail(ErrorKind::Io, ec.message());
    sync_folder(dest.parent_path());
    return {};
}

Status Database::restore_from(const std::filesystem::path& source)
{
    Result<std::unique_ptr<Database>> opened = Database::open(source, DbOpen::ReadOnly);
    if (!opened)
        return opened.error();
    int rc = copy_database(m_db, (*opened)->m_db);
    if (rc != SQLITE_OK) {
        Error failed = error(rc, "cannot restore from " + source.string());
        return failed;
    }
    return {};
}

namespace {

int call_wal_hook(void* hook, sqlite3*, const char*, int pages)
{
    (*static_cast<std::function<void(int64_t)>*>(hook))(pages);
    return SQLITE_OK;
}

} // namespace

Status Database::set_wal_hook(std::function<void(int64_t wal_pages)> hook)
{
    m_wal_hook = std::move(hook);
    sqlite3_wal_hook(m_db, m_wal_hook ? call_wal_hook : nullptr, &m_wal_hook);
    return {};
}

Result<int64_t> Database::checkpoint(Checkpoint mode)
{
    int log_pages = 0, copied = 0;
    const int sqlite_mode = mode == Checkpoint::Truncate ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE;
    int rc = sqlite3_wal_checkpoint_v2(m_db, "main", sqlite_mode, &log_pages, &copied);
    if (rc != SQLITE_OK)
        return error(rc, "cannot checkpoint the WAL");
    return static_cast<int64_t>(log_pages < 0 ? 0 : log_pages - copied);
}

} // namespace letopis
