// Makes large collections for benchmarks, tests and `letopis dev generate`: N cards over a few
// decks, with a realistic mix of new, learning and review cards and a review history behind the
// studied ones.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/scheduler/day_clock.h"
#include "util/result.h"

namespace letopis {

// Writes a collection with `cards` cards (two per note) at `path`, as of `now_ms`. Each answer is
// scheduled with the learner's day `clock_at` gives for its moment (default: UTC, 4:00 rollover);
// `letopis dev generate` passes the local one, as `letopis check --rebuild` replays with it.
Status generate_collection(const std::filesystem::path& path, int64_t cards, int64_t now_ms, uint64_t seed,
                           const std::function<DayClock(int64_t time_ms)>& clock_at = {});

} // namespace letopis
