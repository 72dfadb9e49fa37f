// Statement: one prepared SQLite statement (RAII), with typed binding and column getters.
// Parameters are bound by 1-based index, columns read by 0-based index, as in SQLite itself.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "util/result.h"

struct sqlite3_stmt;

namespace letopis {

class Database;

class Statement {
public:
    Statement() = default;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool valid() const { return m_stmt != nullptr; }

    // Binding never fails on its own: a bad index (a bug in our SQL) or an out-of-memory error
    // is remembered and reported by the next step() or run().
    Statement& bind_int(int index, int64_t value);
    Statement& bind_double(int index, double value);
    Statement& bind_text(int index, std::string_view value); // copied; UTF-8
    Statement& bind_null(int index);

    // Binds `values` to parameters 1, 2, … : integers and bools as INTEGER, floating point as
    // REAL, strings as TEXT, std::nullopt/nullptr as NULL, std::optional<T> as T or NULL.
    template <typename... Values>
    Statement& bind_all(const Values&... values)
    {
        int index = 0;
        (bind_value(++index, values), ...);
        return *this;
    }

    // Advances to the next row: true if a row is available, false when done.
    Result<bool> step();
    // Steps until done, ignoring any rows (for INSERT/UPDATE/DELETE).
    Status run();
    // Ready to run again; bindings are cleared.
    void reset();

    int column_count() const;
    bool column_is_null(int column) const;
    int64_t column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const; // "" for NULL
    std::optional<double> column_optional_double(int column) const;

    std::string sql() const;

private:
    friend class Database;
    Statement(Database* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}

    template <typename T>
    void bind_value(int index, const T& value)
    {
        if constexpr (std::is_same_v<T, std::nullopt_t> || std::is_same_v<T, std::nullptr_t>) {
            bind_null(index);
        } else if constexpr (std::is_integral_v<T>) {
            bind_int(index, static_cast<int64_t>(value));
        } else if constexpr (std::is_floating_point_v<T>) {
            bind_double(index, static_cast<double>(value));
        } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
            bind_text(index, std::string_view(value));
        } else {
            // std::optional<U>: the value, or NULL when empty.
            if (value.has_value())
                bind_value(index, *value);
            else
                bind_null(index);
        }
    }

    void note_bind_result(int rc, int index);

    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::optional<Error> m_bind_error;
};

} // namespace letopis
