// The card phase machine: New → Learning → Review ⇄ Relearning, driven by FSRS-6.
// Pure: the time of the answer and the learner's day settings are passed in.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/fsrs/fsrs.h"
#include "core/model/card.h"
#include "core/scheduler/day_clock.h"
#include "core/scheduler/fuzz.h"
#include "util/ids.h"

namespace letopis {

enum class StepsMode : uint8_t {
    WithSteps,    // learning and relearning steps in minutes (Anki's default behaviour)
    LongTermOnly, // no steps: every answer gives an interval of at least one day
};

inline constexpr int32_t kDefaultLeechThreshold = 8;

struct SchedulerConfig {
    FsrsParams params = FsrsParams::defaults();
    double desired_retention = 0.9;        // 0.70 .. 0.99
    int32_t maximum_interval_days = 36500;
    StepsMode steps_mode = StepsMode::WithSteps;
    std::vector<int32_t> learning_steps_minutes{1, 10};
    std::vector<int32_t> relearning_steps_minutes{10};
    bool short_term = true;                // same-day answers use the FSRS-6 short-term formula
    Fuzz fuzz = Fuzz::Off;                 // the app turns it on (StudySettings)
    // Lapses that make a card a leech: at this count, then every half of it again (8, 12, 16, …,
    // as Anki). 0 turns leeches off.
    int32_t leech_threshold = kDefaultLeechThreshold;
};

// What one rating would do to a card answered at a given moment.
struct Outcome {
    CardSchedule schedule;      // the card after the answer
    double retrievability = 0;  // recall probability just before the answer (0 if never answered)
    int32_t elapsed_days = 0;   // learner's days since the previous answer
    int64_t interval_ms = 0;    // schedule.due_ms − answer time
    bool leech = false;         // this lapse makes the card a leech: suspend it, tag its note
};

struct NextStates {
    std::array<Outcome, 4> outcomes; // indexed by rating − 1
    const Outcome& operator[](Rating rating) const { return outcomes[static_cast<int>(rating) - 1]; }
};

// True when a card that has just lapsed for the `lapses`-th time is a leech.
bool is_leech(int32_t lapses, int32_t leech_threshold);

// A SchedulerConfig with the FSRS constants for its weights and retention worked out once. Keep one
// for as long as the config holds (a session, a replay); the free next_states below builds one on
// each call.
class Scheduler {
public:
    explicit Scheduler(SchedulerConfig config);

    const SchedulerConfig& config() const { return m_config; }
    const FsrsInference& fsrs() const { return m_fsrs; }

    // The four possible outcomes of answering `card` at `now_ms`. Same input, same output: with
    // fuzz on, the fuzz comes from `card_id` and the card's review count.
    NextStates next_states(const CardSchedule& card, int64_t now_ms, const DayClock& clock,
                           CardId card_id = {}) const;

    // next_states(…)[rating], working out only what that rating's outcome depends on (a Good
    // review needs no lapse formula, an Again no recall): for replays and committing answers.
    Outcome answer(const CardSchedule& card, Rating rating, int64_t now_ms, const DayClock& clock,
                   CardId card_id = {}) const;

private:
    // The outcomes of the ratings in `ratings` (bit G−1 for grade G) and of those they depend on;
    // the other outcomes are left unfinished.
    NextStates compute(const CardSchedule& card, int64_t now_ms, const DayClock& clock, CardId card_id,
                       unsigned ratings) const;

    SchedulerConfig m_config;
    FsrsInference m_fsrs;
};

// Scheduler(config).next_states(card, now_ms, clock, card_id).
NextStates next_states(const CardSchedule& card, int64_t now_ms, const SchedulerConfig& config,
                       const DayClock& clock, CardId card_id = {});

// The review-log entry for answering with `rating` (id, card and duration left for the caller).
ReviewRecord make_review_record(const CardSchedule& before, const Outcome& outcome, Rating rating,
                                int64_t now_ms);

} // namespace letopis
