// The card phase machine: New → Learning → Review ⇄ Relearning, driven by FSRS-6.
// Pure: the time of the answer and the learner's day settings are passed in.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/fsrs/fsrs.h"
#include "core/model/card.h"
#include "core/scheduler/day_clock.h"

namespace letopis {

enum class StepsMode : uint8_t {
    WithSteps,    // learning and relearning steps in minutes (Anki's default behaviour)
    LongTermOnly, // no steps: every answer gives an interval of at least one day
};

struct SchedulerConfig {
    FsrsParams params = FsrsParams::defaults();
    double desired_retention = 0.9;        // 0.70 .. 0.99
    int32_t maximum_interval_days = 36500;
    StepsMode steps_mode = StepsMode::WithSteps;
    std::vector<int32_t> learning_steps_minutes{1, 10};
    std::vector<int32_t> relearning_steps_minutes{10};
    bool short_term = true;                // same-day answers use the FSRS-6 short-term formula
};

// What one rating would do to a card answered at a given moment.
struct Outcome {
    CardSchedule schedule;      // the card after the answer
    double retrievability = 0;  // recall probability just before the answer (0 if never answered)
    int32_t elapsed_days = 0;   // learner's days since the previous answer
    int64_t interval_ms = 0;    // schedule.due_ms − answer time
};

struct NextStates {
    std::array<Outcome, 4> outcomes; // indexed by rating − 1
    const Outcome& operator[](Rating rating) const { return outcomes[static_cast<int>(rating) - 1]; }
};

// The four possible outcomes of answering `card` at `now_ms`. Same input, same output.
NextStates next_states(const CardSchedule& card, int64_t now_ms, const SchedulerConfig& config,
                       const DayClock& clock);

// The review-log entry for answering with `rating` (id, card and duration left for the caller).
ReviewRecord make_review_record(const CardSchedule& before, const Outcome& outcome, Rating rating,
                                int64_t now_ms);

} // namespace letopis
