// A learner simulated from known weights: deterministic review logs for the optimizer's tests
// (recovering the weights a log was made with) and for its benchmark.
#pragma once

#include <cstdint>
#include <vector>

#include "core/fsrs/fsrs.h"
#include "core/fsrs/optimizer_data.h"
#include "core/scheduler/day_clock.h"

namespace letopis {

struct SimulationConfig {
    FsrsParams truth = FsrsParams::defaults();     // the learner's memory, in the optimizer's model
    FsrsParams scheduler = FsrsParams::defaults(); // the weights the learner's app schedules with
    int32_t days = 365;
    int32_t new_cards_per_day = 20;
    int64_t max_cards = 0;               // no new cards after this many (0: no limit)
    int64_t max_reviews = 0;             // the log ends after this many answers (0: no limit)
    double desired_retention = 0.9;
    double skip_day_probability = 0.1;   // days without a session: reviews come late
    int64_t start_ms = 1'672'531'200'000; // 2023-01-01T00:00:00Z
    DayClock clock{180, 4};
    uint64_t seed = 42;
};

// One session a day (8:00–20:00 local time): due cards first, then new ones. Every answer is drawn
// from the true recall probability; learning steps 1m, 10m and a 10m relearning step give same-day
// answers. Intervals come from the scheduler weights with ±5 % fuzz. The same config always gives
// the same log, ordered by time.
std::vector<ReviewLogEntry> simulate_review_log(const SimulationConfig& config);

} // namespace letopis
