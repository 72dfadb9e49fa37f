// The card phase machine. FSRS decides the memory state on every answer; the phase decides only
// when the card comes back: after a (re)learning step in minutes, or after a number of days.
#include "core/scheduler/scheduler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace letopis {

namespace {

constexpr int64_t kMsPerMinute = 60'000;
constexpr int64_t kMsPerDay = 86'400'000;
constexpr int32_t kMinutesPerDay = 1440;

int index_of(Rating rating)
{
    return static_cast<int>(rating) - 1;
}

// Puts the card into (re)learning step `step`, due `minutes` after the answer.
void enter_step(Outcome& outcome, CardPhase phase, int32_t step, int32_t minutes, int64_t now_ms)
{
    CardSchedule& s = outcome.schedule;
    s.phase = phase;
    s.step = step;
    const int32_t delay = std::max(minutes, 1);
    if (delay >= kMinutesPerDay) {
        // Like Anki, a step of a day or more is a day interval: rounded to whole days and due
        // like a review, while the card keeps its place in the steps.
        const auto rounded = static_cast<int32_t>(std::lround(static_cast<double>(delay) / kMinutesPerDay));
        const int32_t days = std::max<int32_t>(1, rounded);
        s.scheduled_days = days;
        outcome.interval_ms = days * kMsPerDay;
    } else {
        s.scheduled_days = 0;
        outcome.interval_ms = delay * kMsPerMinute;
    }
    s.due_ms = now_ms + outcome.interval_ms;
}

void enter_review(Outcome& outcome, int32_t days, int64_t now_ms)
{
    CardSchedule& s = outcome.schedule;
    s.phase = CardPhase::Review;
    s.step = 0;
    s.scheduled_days = days;
    outcome.interval_ms = days * kMsPerDay;
    s.due_ms = now_ms + outcome.interval_ms;
}

// The four FSRS intervals in days, indexed by rating − 1, before any ordering rule.
std::array<int32_t, 4> fsrs_intervals(const NextStates& states, const SchedulerConfig& config)
{
    std::array<int32_t, 4> days{};
    for (Rating rating : kAllRatings) {
        const MemoryState& memory = *states[rating].schedule.memory;
        days[index_of(rating)] = next_interval_days(memory.stability, config.desired_retention,
                                                    config.maximum_interval_days, config.params);
    }
    return days;
}

// Long-term ordering: again ≤ hard < good < easy.
void order_all(std::array<int32_t, 4>& days, int32_t maximum)
{
    auto& [again, hard, good, easy] = days;
    again = std::min(again, hard);
    hard = std::max(hard, again + 1);
    good = std::max(good, hard + 1);
    easy = std::max(easy, good + 1);
    for (int32_t& d : days)
        d = std::min(d, std::max(maximum, 1));
}

// Review ordering: Hard never beats Good, and good < easy. Again goes to relearning instead.
void order_passes(std::array<int32_t, 4>& days, int32_t maximum)
{
    int32_t& hard = days[index_of(Rating::Hard)];
    int32_t& good = days[index_of(Rating::Good)];
    int32_t& easy = days[index_of(Rating::Easy)];
    hard = std::min(hard, good);
    good = std::max(good, hard + 1);
    easy = std::max(easy, good + 1);
    for (int32_t& d : days)
        d = std::min(d, std::max(maximum, 1));
}

// Hard repeats the current step, except on the first step, where it sits halfway to the second
// (or at 1.5× a lone step, at most a day more) — Anki's rule.
int32_t hard_step_minutes(const std::vector<int32_t>& steps, int32_t step)
{
    if (step > 0)
        return steps[step];
    if (steps.size() == 1)
        return std::min(static_cast<int32_t>(std::lround(steps[0] * 1.5)), steps[0] + kMinutesPerDay);
    return static_cast<int32_t>(std::lround((steps[0] + steps[1]) / 2.0));
}

// New, Learning and Relearning under StepsMode::WithSteps.
void answer_in_steps(NextStates& states, const std::vector<int32_t>& steps, CardPhase step_phase,
                     int32_t current_step, std::array<int32_t, 4> days, const SchedulerConfig& config,
                     int64_t now_ms)
{
    if (steps.empty()) {
        // Nothing to step through: behave like the long-term scheduler for this answer.
        order_all(days, config.maximum_interval_days);
        for (Rating rating : kAllRatings)
            enter_review(states.outcomes[index_of(rating)], days[index_of(rating)], now_ms);
        return;
    }
    const int32_t last = static_cast<int32_t>(steps.size()) - 1;
    // The steps may have been shortened since the card entered them.
    const int32_t step = std::clamp(current_step, 0, last);

    enter_step(states.outcomes[index_of(Rating::Again)], step_phase, 0, steps[0], now_ms);
    enter_step(states.outcomes[index_of(Rating::Hard)], step_phase, step, hard_step_minutes(steps, step), now_ms);
    Outcome& good = states.outcomes[index_of(Rating::Good)];
    if (step < last)
        enter_step(good, step_phase, step + 1, steps[step + 1], now_ms);
    else
        enter_review(good, days[index_of(Rating::Good)], now_ms);
    enter_review(states.outcomes[index_of(Rating::Easy)], days[index_of(Rating::Easy)], now_ms);
}

// Review under StepsMode::WithSteps.
void answer_review(NextStates& states, std::array<int32_t, 4> days, const SchedulerConfig& config,
                   int64_t now_ms)
{
    order_passes(days, config.maximum_interval_days);
    Outcome& again = states.outcomes[index_of(Rating::Again)];
    if (config.relearning_steps_minutes.empty())
        enter_review(again, days[index_of(Rating::Again)], now_ms);
    else
        enter_step(again, CardPhase::Relearning, 0, config.relearning_steps_minutes[0], now_ms);
    for (Rating rating : {Rating::Hard, Rating::Good, Rating::Easy})
        enter_review(states.outcomes[index_of(rating)], days[index_of(rating)], now_ms);
}

} // namespace

NextStates next_states(const CardSchedule& card, int64_t now_ms, const SchedulerConfig& config,
                       const DayClock& clock)
{
    const FsrsParams& params = config.params;
    const bool first = !card.memory.has_value();
    int32_t elapsed = 0;
    double recall = 0;
    if (!first) {
        // An answer recorded before the previous one (clock skew) counts as the same day.
        const int64_t days = day_number(now_ms, clock) - day_number(card.last_review_ms, clock);
        elapsed = static_cast<int32_t>(std::clamp<int64_t>(days, 0, std::numeric_limits<int32_t>::max()));
        recall = retrievability(elapsed, card.memory->stability, params);
    }
    const ShortTerm short_term = config.short_term ? ShortTerm::On : ShortTerm::Off;

    NextStates states;
    for (Rating rating : kAllRatings) {
        Outcome& outcome = states.outcomes[index_of(rating)];
        outcome.schedule = card;
        outcome.schedule.memory = first ? initial_state(rating, params)
                                        : next_memory_state(*card.memory, elapsed, rating, recall, short_term, params);
        outcome.schedule.reps = card.reps + 1;
        outcome.schedule.last_review_ms = now_ms;
        outcome.retrievability = recall;
        outcome.elapsed_days = elapsed;
    }
    const std::array<int32_t, 4> days = fsrs_intervals(states, config);

    if (card.phase == CardPhase::Review)
        states.outcomes[index_of(Rating::Again)].schedule.lapses = card.lapses + 1;

    if (config.steps_mode == StepsMode::LongTermOnly) {
        std::array<int32_t, 4> ordered = days;
        order_all(ordered, config.maximum_interval_days);
        for (Rating rating : kAllRatings)
            enter_review(states.outcomes[index_of(rating)], ordered[index_of(rating)], now_ms);
        return states;
    }

    switch (card.phase) {
    case CardPhase::New:
        answer_in_steps(states, config.learning_steps_minutes, CardPhase::Learning, 0, days, config, now_ms);
        break;
    case CardPhase::Learning:
        answer_in_steps(states, config.learning_steps_minutes, CardPhase::Learning, card.step, days, config, now_ms);
        break;
    case CardPhase::Relearning:
        answer_in_steps(states, config.relearning_steps_minutes, CardPhase::Relearning, card.step, days, config,
                        now_ms);
        break;
    case CardPhase::Review:
        answer_review(states, days, config, now_ms);
        break;
    }
    return states;
}

ReviewRecord make_review_record(const CardSchedule& before, const Outcome& outcome, Rating rating,
                                int64_t now_ms)
{
    ReviewRecord record;
    record.time_ms = now_ms;
    record.rating = rating;
    record.phase_before = before.phase;
    record.elapsed_days = outcome.elapsed_days;
    record.retrievability = outcome.retrievability;
    if (outcome.schedule.memory) {
        record.stability = outcome.schedule.memory->stability;
        record.difficulty = outcome.schedule.memory->difficulty;
    }
    record.scheduled_days = outcome.schedule.scheduled_days;
    record.due_ms = outcome.schedule.due_ms;
    return record;
}

} // namespace letopis
