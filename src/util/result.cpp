// Out-of-line parts of util: error-kind names and the VERIFY failure path.
#include "util/result.h"

#include <cstdio>
#include <cstdlib>

namespace letopis {

const char* to_string(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Io: return "io";
    case ErrorKind::NotFound: return "not-found";
    case ErrorKind::Parse: return "parse";
    case ErrorKind::InvalidInput: return "invalid-input";
    case ErrorKind::Database: return "database";
    case ErrorKind::NotACollection: return "not-a-collection";
    case ErrorKind::Corrupt: return "corrupt";
    case ErrorKind::TooNew: return "too-new";
    case ErrorKind::Locked: return "locked";
    case ErrorKind::ReadOnly: return "read-only";
    case ErrorKind::DiskFull: return "disk-full";
    case ErrorKind::Unsupported: return "unsupported";
    }
    return "unknown";
}

namespace detail {
void verify_failed(const char* expression, const char* file, int line)
{
    std::fprintf(stderr, "letopis: internal error: VERIFY(%s) failed at %s:%d\n", expression, file, line);
    std::abort();
}
} // namespace detail

} // namespace letopis
