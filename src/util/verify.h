// VERIFY: an always-on assertion for bugs (never for bad input, which gets a Result error).
#pragma once

namespace letopis::detail {
[[noreturn]] void verify_failed(const char* expression, const char* file, int line);
}

#define VERIFY(expr) \
    ((expr) ? static_cast<void>(0) : ::letopis::detail::verify_failed(#expr, __FILE__, __LINE__))
#define VERIFY_NOT_REACHED() ::letopis::detail::verify_failed("not reached", __FILE__, __LINE__)
