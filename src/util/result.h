// Result<T>: the value of an operation that can fail in an expected way (I/O, parse, bad input).
// Errors carry a kind and context; the UI alone turns them into sentences for the learner.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "util/verify.h"

namespace letopis {

enum class ErrorKind {
    Io,             // a file could not be read or written
    NotFound,       // a file or record that should exist does not
    Parse,          // text that does not follow its format
    InvalidInput,   // well-formed input with a value out of range
    Database,       // SQLite reported an error
    NotACollection, // the file is not a Letopis collection
    Corrupt,        // the collection failed an integrity check
    TooNew,         // the collection was written by a newer Letopis
    Locked,         // another Letopis has the collection open
    ReadOnly,       // the file or folder cannot be written
    DiskFull,
    Unsupported,
};

const char* to_string(ErrorKind kind);

struct Error {
    ErrorKind kind;
    std::string message; // what went wrong, in one sentence, naming the file or item

    std::string describe() const { return message; }
};

inline Error make_error(ErrorKind kind, std::string message) { return Error{kind, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { VERIFY(ok()); return std::get<0>(m_data); }
    const T& value() const& { VERIFY(ok()); return std::get<0>(m_data); }
    T&& value() && { VERIFY(ok()); return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { VERIFY(!ok()); return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { VERIFY(!m_ok); return m_error; }

private:
    Error m_error{ErrorKind::Io, {}};
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace letopis

// Propagates an error from an expression returning Result<...>.
#define TRY_STATUS(expr)                                  \
    do {                                                  \
        auto&& try_result_ = (expr);                      \
        if (!try_result_.ok()) return try_result_.error(); \
    } while (0)
