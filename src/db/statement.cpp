// Statement: binding, stepping and reading columns of one prepared SQLite statement.
#include "db/statement.h"

#include <sqlite3.h>

#include "db/database.h"

namespace letopis {

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_bind_error(std::move(other.m_bind_error))
{
    other.m_db = nullptr;
    other.m_stmt = nullptr;
    other.m_bind_error.reset();
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_bind_error = std::move(other.m_bind_error);
        other.m_db = nullptr;
        other.m_stmt = nullptr;
        other.m_bind_error.reset();
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::note_bind_result(int rc, int index)
{
    if (rc != SQLITE_OK && !m_bind_error)
        m_bind_error = m_db->error(rc, "cannot bind parameter " + std::to_string(index) + " of " + sql());
}

Statement& Statement::bind_int(int index, int64_t value)
{
    VERIFY(m_stmt);
    note_bind_result(sqlite3_bind_int64(m_stmt, index, value), index);
    return *this;
}

Statement& Statement::bind_double(int index, double value)
{
    VERIFY(m_stmt);
    note_bind_result(sqlite3_bind_double(m_stmt, index, value), index);
    return *this;
}

Statement& Statement::bind_text(int index, std::string_view value)
{
    VERIFY(m_stmt);
    // A null data pointer would bind NULL, but an empty string must stay an empty TEXT.
    const char* data = value.data() ? value.data() : "";
    note_bind_result(sqlite3_bind_text64(m_stmt, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
                     index);
    return *this;
}

Statement& Statement::bind_null(int index)
{
    VERIFY(m_stmt);
    note_bind_result(sqlite3_bind_null(m_stmt, index), index);
    return *this;
}

Result<bool> Statement::step()
{
    VERIFY(m_stmt);
    if (m_bind_error)
        return *m_bind_error;
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = m_db->error(rc, "cannot run " + sql());
    // Reset now so a failed statement does not keep a transaction or lock alive.
    sqlite3_reset(m_stmt);
    return error;
}

Status Statement::run()
{
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

void Statement::reset()
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bind_error.reset();
}

int Statement::column_count() const { return sqlite3_column_count(m_stmt); }

bool Statement::column_is_null(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int64_t Statement::column_int(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::column_text(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return std::string(text, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<double> Statement::column_optional_double(int column) const
{
    if (column_is_null(column))
        return std::nullopt;
    return column_double(column);
}

std::string Statement::sql() const
{
    const char* text = m_stmt ? sqlite3_sql(m_stmt) : nullptr;
    if (!text)
        return {};
    // The first line of SQL (after any comment lines) is enough to recognise the statement.
    std::string_view view(text);
    for (;;) {
        while (!view.empty() && (view.front() == '\n' || view.front() == ' '))
            view.remove_prefix(1);
        size_t end = view.find('\n');
        if (view.substr(0, 2) == "--" && end != std::string_view::npos) {
            view.remove_prefix(end + 1);
            continue;
        }
        view = view.substr(0, end);
        break;
    }
    return std::string(view);
}

} // namespace letopis
