// Makes large collections for benchmarks, tests and `letopis dev generate`: N cards over a few
// decks, with a realistic mix of new, learning and review cards and a review history behind the
// studied ones.
#pragma once

#include <cstdint>
#include <filesystem>

#include "util/result.h"

namespace letopis {

// Writes a collection with `cards` cards (two per note) at `path`, as of `now_ms`.
Status generate_collection(const std::filesystem::path& path, int64_t cards, int64_t now_ms, uint64_t seed);

} // namespace letopis
