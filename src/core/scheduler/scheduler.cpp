// The card phase machine. FSRS decides the memory state on every answer; the phase decides only
// when the card comes back: after a (re)learning step in minutes, or after a number of days.
#include "core/scheduler/scheduler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace letopis {

namespace {

constexpr int64_t kMsPerMinute = 60'000;
constexpr int64_t kMsPerDay = 86'400'000;
constexpr int32_t kMinutesPerDay = 1440;

int index_of(Rating rating)
{
    return static_cast<int>(rating) - 1;
}

constexpr unsigned kAllRatingsMask = 0xF;

unsigned rating_bit(Rating rating)
{
    return 1u << index_of(rating);
}

// `ratings` and every rating whose interval they are ordered against (see the phase rules below).
unsigned with_dependencies(unsigned ratings, const CardSchedule& card, const SchedulerConfig& config)
{
    const unsigned again = rating_bit(Rating::Again);
    const unsigned passes = kAllRatingsMask & ~again;
    if (config.steps_mode == StepsMode::LongTermOnly)
        return kAllRatingsMask; // again ≤ hard < good < easy ties all four together
    if (card.phase == CardPhase::Review)
        return (ratings & passes) != 0 ? ratings | passes : ratings; // hard ≤ good < easy
    const auto& steps =
        card.phase == CardPhase::Relearning ? config.relearning_steps_minutes : config.learning_steps_minutes;
    if (steps.empty())
        return kAllRatingsMask; // answered like the long-term scheduler
    // In steps each rating stands alone, except that with fuzz Easy stays beyond a graduating Good.
    if (config.fuzz == Fuzz::On && (ratings & rating_bit(Rating::Easy)) != 0)
        ratings |= rating_bit(Rating::Good);
    return ratings;
}

// The FSRS intervals of the four ratings: rounded to whole days, and exact (where fuzz starts).
struct Intervals {
    std::array<int32_t, 4> days{};
    std::array<double, 4> exact{};
};

// What the phase rules need besides the card: the config, the answer time and the fuzz factor
// (empty when fuzz is off).
struct AnswerContext {
    const SchedulerConfig& config;
    int64_t now_ms;
    std::optional<double> fuzz;
    int32_t last_interval_days; // the card's interval before this answer
};

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

int32_t cap(int32_t maximum)
{
    return std::max(maximum, 1);
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
        d = std::min(d, cap(maximum));
}

// The same ordering with fuzz: each interval is fuzzed inside what the ones before it leave.
std::array<int32_t, 4> fuzz_all(const std::array<double, 4>& exact, double factor, int32_t maximum)
{
    std::array<int32_t, 4> days{};
    auto& [again, hard, good, easy] = days;
    const auto& [e_again, e_hard, e_good, e_easy] = exact;
    again = fuzzed_interval(std::min(e_again, e_hard), factor, 1, maximum);
    hard = fuzzed_interval(e_hard, factor, again + 1, maximum);
    good = fuzzed_interval(e_good, factor, hard + 1, maximum);
    easy = fuzzed_interval(e_easy, factor, good + 1, maximum);
    return days;
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
        d = std::min(d, cap(maximum));
}

// The same with fuzz, as Anki: hard ≤ good < easy still, and an interval that has grown since
// the last one is not fuzzed back to or below it.
std::array<int32_t, 4> fuzz_passes(const std::array<double, 4>& exact, double factor, int32_t maximum,
                                   int32_t last_interval_days)
{
    const auto beyond_last = [&](double interval) {
        return std::lround(interval) > last_interval_days ? last_interval_days + 1 : 1;
    };
    std::array<int32_t, 4> days{};
    const double e_hard = std::min(exact[index_of(Rating::Hard)], exact[index_of(Rating::Good)]);
    const double e_good = exact[index_of(Rating::Good)];
    const double e_easy = exact[index_of(Rating::Easy)];
    days[index_of(Rating::Again)] = fuzzed_interval(exact[index_of(Rating::Again)], factor, 1, maximum);
    const int32_t hard = fuzzed_interval(e_hard, factor, beyond_last(e_hard), maximum);
    const int32_t good = fuzzed_interval(e_good, factor, std::max(beyond_last(e_good), hard + 1), maximum);
    const int32_t easy = fuzzed_interval(e_easy, factor, std::max(beyond_last(e_easy), good + 1), maximum);
    days[index_of(Rating::Hard)] = hard;
    days[index_of(Rating::Good)] = good;
    days[index_of(Rating::Easy)] = easy;
    return days;
}

void all_to_review(NextStates& states, const Intervals& intervals, const AnswerContext& context)
{
    std::array<int32_t, 4> days = intervals.days;
    if (context.fuzz)
        days = fuzz_all(intervals.exact, *context.fuzz, context.config.maximum_interval_days);
    else
        order_all(days, context.config.maximum_interval_days);
    for (Rating rating : kAllRatings)
        enter_review(states.outcomes[index_of(rating)], days[index_of(rating)], context.now_ms);
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
                     int32_t current_step, const Intervals& intervals, const AnswerContext& context)
{
    if (steps.empty()) {
        // Nothing to step through: behave like the long-term scheduler for this answer.
        all_to_review(states, intervals, context);
        return;
    }
    const int32_t maximum = context.config.maximum_interval_days;
    const int64_t now_ms = context.now_ms;
    const int32_t last = static_cast<int32_t>(steps.size()) - 1;
    // The steps may have been shortened since the card entered them.
    const int32_t step = std::clamp(current_step, 0, last);

    enter_step(states.outcomes[index_of(Rating::Again)], step_phase, 0, steps[0], now_ms);
    enter_step(states.outcomes[index_of(Rating::Hard)], step_phase, step, hard_step_minutes(steps, step), now_ms);
    Outcome& good = states.outcomes[index_of(Rating::Good)];
    const bool good_graduates = step >= last;
    if (!good_graduates)
        enter_step(good, step_phase, step + 1, steps[step + 1], now_ms);
    Outcome& easy = states.outcomes[index_of(Rating::Easy)];
    if (!context.fuzz) {
        if (good_graduates)
            enter_review(good, intervals.days[index_of(Rating::Good)], now_ms);
        enter_review(easy, intervals.days[index_of(Rating::Easy)], now_ms);
        return;
    }
    // With fuzz, Easy also stays beyond a graduating Good, so that fuzz cannot swap them.
    int32_t easy_minimum = 1;
    if (good_graduates) {
        const int32_t days = fuzzed_interval(intervals.exact[index_of(Rating::Good)], *context.fuzz, 1, maximum);
        enter_review(good, days, now_ms);
        easy_minimum = days + 1;
    }
    enter_review(easy, fuzzed_interval(intervals.exact[index_of(Rating::Easy)], *context.fuzz, easy_minimum, maximum),
                 now_ms);
}

// Review under StepsMode::WithSteps.
void answer_review(NextStates& states, const Intervals& intervals, const AnswerContext& context)
{
    const SchedulerConfig& config = context.config;
    std::array<int32_t, 4> days = intervals.days;
    if (context.fuzz)
        days = fuzz_passes(intervals.exact, *context.fuzz, config.maximum_interval_days, context.last_interval_days);
    else
        order_passes(days, config.maximum_interval_days);
    Outcome& again = states.outcomes[index_of(Rating::Again)];
    if (config.relearning_steps_minutes.empty())
        enter_review(again, days[index_of(Rating::Again)], context.now_ms);
    else
        enter_step(again, CardPhase::Relearning, 0, config.relearning_steps_minutes[0], context.now_ms);
    for (Rating rating : {Rating::Hard, Rating::Good, Rating::Easy})
        enter_review(states.outcomes[index_of(rating)], days[index_of(rating)], context.now_ms);
}

} // namespace

bool is_leech(int32_t lapses, int32_t leech_threshold)
{
    if (leech_threshold <= 0 || lapses < leech_threshold)
        return false;
    // Anki's rule: at the threshold, then every half threshold (rounded up) after it, so a leech
    // that the learner unsuspends is flagged again after a few more lapses, not at every one.
    const int32_t half = std::max((leech_threshold + 1) / 2, 1);
    return (lapses - leech_threshold) % half == 0;
}

Scheduler::Scheduler(SchedulerConfig config)
    : m_config(std::move(config)), m_fsrs(m_config.params, m_config.desired_retention)
{
}

NextStates Scheduler::next_states(const CardSchedule& card, int64_t now_ms, const DayClock& clock,
                                  CardId card_id) const
{
    return compute(card, now_ms, clock, card_id, kAllRatingsMask);
}

Outcome Scheduler::answer(const CardSchedule& card, Rating rating, int64_t now_ms, const DayClock& clock,
                          CardId card_id) const
{
    return compute(card, now_ms, clock, card_id, rating_bit(rating)).outcomes[index_of(rating)];
}

NextStates Scheduler::compute(const CardSchedule& card, int64_t now_ms, const DayClock& clock, CardId card_id,
                              unsigned ratings) const
{
    const SchedulerConfig& config = m_config;
    ratings = with_dependencies(ratings, card, config);
    const bool first = !card.memory.has_value();
    int32_t elapsed = 0;
    double recall = 0;
    std::array<MemoryState, 4> memories;
    if (first) {
        for (Rating rating : kAllRatings)
            memories[index_of(rating)] = m_fsrs.initial_state(rating);
    } else {
        // An answer recorded before the previous one (clock skew) counts as the same day.
        const int64_t days = day_number(now_ms, clock) - day_number(card.last_review_ms, clock);
        elapsed = static_cast<int32_t>(std::clamp<int64_t>(days, 0, std::numeric_limits<int32_t>::max()));
        recall = m_fsrs.retrievability(elapsed, card.memory->stability);
        // Ratings not asked for keep a placeholder state; nothing asked for depends on them.
        m_fsrs.next_states(*card.memory, elapsed, recall, config.short_term ? ShortTerm::On : ShortTerm::Off,
                           memories, ratings);
    }

    NextStates states;
    Intervals intervals;
    for (Rating rating : kAllRatings) {
        const int i = index_of(rating);
        if ((ratings >> i & 1u) == 0)
            continue;
        Outcome& outcome = states.outcomes[i];
        outcome.schedule = card;
        outcome.schedule.memory = memories[i];
        outcome.schedule.reps = card.reps + 1;
        outcome.schedule.last_review_ms = now_ms;
        outcome.retrievability = recall;
        outcome.elapsed_days = elapsed;
        intervals.days[i] = m_fsrs.interval_days(memories[i].stability, config.maximum_interval_days);
        if (config.fuzz == Fuzz::On)
            intervals.exact[i] = m_fsrs.exact_interval_days(memories[i].stability, config.maximum_interval_days);
    }

    if (card.phase == CardPhase::Review) {
        Outcome& again = states.outcomes[index_of(Rating::Again)];
        again.schedule.lapses = card.lapses + 1;
        again.leech = is_leech(again.schedule.lapses, config.leech_threshold);
    }

    AnswerContext context{config, now_ms, std::nullopt, card.scheduled_days};
    if (config.fuzz == Fuzz::On)
        context.fuzz = fuzz_factor(card_id, card.reps);

    if (config.steps_mode == StepsMode::LongTermOnly) {
        all_to_review(states, intervals, context);
        return states;
    }

    switch (card.phase) {
    case CardPhase::New:
        answer_in_steps(states, config.learning_steps_minutes, CardPhase::Learning, 0, intervals, context);
        break;
    case CardPhase::Learning:
        answer_in_steps(states, config.learning_steps_minutes, CardPhase::Learning, card.step, intervals, context);
        break;
    case CardPhase::Relearning:
        answer_in_steps(states, config.relearning_steps_minutes, CardPhase::Relearning, card.step, intervals,
                        context);
        break;
    case CardPhase::Review:
        answer_review(states, intervals, context);
        break;
    }
    return states;
}

NextStates next_states(const CardSchedule& card, int64_t now_ms, const SchedulerConfig& config,
                       const DayClock& clock, CardId card_id)
{
    return Scheduler(config).next_states(card, now_ms, clock, card_id);
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
