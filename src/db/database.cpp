// Database: opening a connection, the statement cache, one-shot queries, SQL functions, and
// turning SQLite result codes into our Error values.
#include "db/database.h"

#include <sqlite3.h>

#include <exception>

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

} // namespace

ErrorKind error_kind_for_sqlite(int rc)
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
    case SQLITE_CANTOPEN: return ErrorKind::Io;
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
    }

    sqlite3* handle = nullptr;
    int rc = sqlite3_open_v2(uri.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string detail = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        sqlite3_close_v2(handle);
        return make_error(error_kind_for_sqlite(rc),
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
    return make_error(error_kind_for_sqlite(rc), std::move(message));
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
    return make_error(error_kind_for_sqlite(rc), m_path.string() + ": cannot run SQL: " + detail);
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

} // namespace letopis
