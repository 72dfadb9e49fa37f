// The card phase machine: every rating from every phase, interval ordering, steps of unusual
// lengths, and elapsed days across the learner's day boundary.
#include "core/scheduler/scheduler.h"

#include <cmath>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace letopis {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kJan1 = 1'704'067'200'000; // 2024-01-01T00:00Z
constexpr int64_t kNow = kJan1 + 12 * kHour;
constexpr DayClock kUtc{0, 0};

int index_of(Rating rating)
{
    return static_cast<int>(rating) - 1;
}

CardSchedule answer(const CardSchedule& card, Rating rating, int64_t at, const SchedulerConfig& config = {})
{
    return next_states(card, at, config, kUtc)[rating].schedule;
}

CardSchedule new_card()
{
    return CardSchedule{};
}

CardSchedule review_card()
{
    CardSchedule card;
    card.phase = CardPhase::Review;
    card.memory = MemoryState{10, 5};
    card.last_review_ms = kNow - 10 * kDay;
    card.due_ms = kNow;
    card.reps = 5;
    card.lapses = 1;
    card.scheduled_days = 10;
    return card;
}

// Expected interval of an outcome: a step in minutes, or graduation to FSRS's days.
struct Expect {
    CardPhase phase;
    int32_t step;
    int64_t step_minutes; // 0: graduates to Review with the interval FSRS gives
    int32_t lapses;
};

struct PhaseCase {
    const char* name;
    CardSchedule before;
    std::array<Expect, 4> expected; // by rating − 1
};

TEST(Scheduler, EveryRatingFromEveryPhase)
{
    const CardSchedule learning0 = answer(new_card(), Rating::Again, kNow - 2 * kMinute);
    const CardSchedule learning1 = answer(new_card(), Rating::Good, kNow - 11 * kMinute);
    const CardSchedule relearning = answer(review_card(), Rating::Again, kNow - 15 * kMinute);
    ASSERT_EQ(learning0.phase, CardPhase::Learning);
    ASSERT_EQ(learning0.step, 0);
    ASSERT_EQ(learning1.phase, CardPhase::Learning);
    ASSERT_EQ(learning1.step, 1);
    ASSERT_EQ(relearning.phase, CardPhase::Relearning);
    ASSERT_EQ(relearning.lapses, 2);

    using P = CardPhase;
    const PhaseCase cases[] = {
        {"new", new_card(),
         {{{P::Learning, 0, 1, 0}, {P::Learning, 0, 6, 0}, {P::Learning, 1, 10, 0}, {P::Review, 0, 0, 0}}}},
        {"learning step 0", learning0,
         {{{P::Learning, 0, 1, 0}, {P::Learning, 0, 6, 0}, {P::Learning, 1, 10, 0}, {P::Review, 0, 0, 0}}}},
        {"learning step 1", learning1,
         {{{P::Learning, 0, 1, 0}, {P::Learning, 1, 10, 0}, {P::Review, 0, 0, 0}, {P::Review, 0, 0, 0}}}},
        {"review", review_card(),
         {{{P::Relearning, 0, 10, 2}, {P::Review, 0, 0, 1}, {P::Review, 0, 0, 1}, {P::Review, 0, 0, 1}}}},
        {"relearning step 0", relearning,
         {{{P::Relearning, 0, 10, 2}, {P::Relearning, 0, 15, 2}, {P::Review, 0, 0, 2}, {P::Review, 0, 0, 2}}}},
    };
    const SchedulerConfig config;
    for (const PhaseCase& c : cases) {
        const NextStates states = next_states(c.before, kNow, config, kUtc);
        for (Rating rating : kAllRatings) {
            const std::string where = std::string(c.name) + ", " + std::string(rating_name(rating));
            const Outcome& o = states[rating];
            const Expect& e = c.expected[index_of(rating)];
            EXPECT_EQ(o.schedule.phase, e.phase) << where;
            EXPECT_EQ(o.schedule.step, e.step) << where;
            EXPECT_EQ(o.schedule.lapses, e.lapses) << where;
            EXPECT_EQ(o.schedule.reps, c.before.reps + 1) << where;
            EXPECT_EQ(o.schedule.last_review_ms, kNow) << where;
            EXPECT_EQ(o.schedule.due_ms, kNow + o.interval_ms) << where;
            ASSERT_TRUE(o.schedule.memory.has_value()) << where;
            if (e.step_minutes > 0) {
                EXPECT_EQ(o.interval_ms, e.step_minutes * kMinute) << where;
                EXPECT_EQ(o.schedule.scheduled_days, 0) << where;
            } else {
                EXPECT_GE(o.schedule.scheduled_days, 1) << where;
                EXPECT_EQ(o.interval_ms, o.schedule.scheduled_days * kDay) << where;
            }
        }
    }
}

TEST(Scheduler, GraduationUsesTheFsrsInterval)
{
    const SchedulerConfig config;
    const NextStates from_new = next_states(new_card(), kNow, config, kUtc);
    EXPECT_EQ(from_new[Rating::Easy].schedule.scheduled_days, 8); // S0(Easy) = 8.2956

    const CardSchedule learning1 = answer(new_card(), Rating::Good, kNow - 11 * kMinute);
    const NextStates states = next_states(learning1, kNow, config, kUtc);
    for (Rating rating : {Rating::Good, Rating::Easy}) {
        const MemoryState& m = *states[rating].schedule.memory;
        EXPECT_EQ(states[rating].schedule.scheduled_days,
                  next_interval_days(m.stability, 0.9, 36500, config.params))
            << rating_name(rating);
    }
}

TEST(Scheduler, MemoryIsUpdatedOnEveryAnswerIncludingSteps)
{
    const SchedulerConfig config;
    const CardSchedule learning0 = answer(new_card(), Rating::Again, kNow - 2 * kMinute);
    for (const CardSchedule& before : {learning0, review_card()}) {
        const NextStates states = next_states(before, kNow, config, kUtc);
        const int32_t elapsed = static_cast<int32_t>(day_number(kNow, kUtc) - day_number(before.last_review_ms, kUtc));
        const double r = retrievability(elapsed, before.memory->stability, config.params);
        for (Rating rating : kAllRatings) {
            const Outcome& o = states[rating];
            EXPECT_EQ(o.elapsed_days, elapsed);
            EXPECT_EQ(o.retrievability, r);
            EXPECT_EQ(*o.schedule.memory,
                      next_memory_state(*before.memory, elapsed, rating, r, ShortTerm::On, config.params));
        }
    }
}

TEST(Scheduler, FirstAnswerHasNoRetrievabilityAndNoElapsedDays)
{
    const NextStates states = next_states(new_card(), kNow, SchedulerConfig{}, kUtc);
    for (Rating rating : kAllRatings) {
        EXPECT_EQ(states[rating].retrievability, 0);
        EXPECT_EQ(states[rating].elapsed_days, 0);
        EXPECT_EQ(*states[rating].schedule.memory, initial_state(rating, FsrsParams::defaults()));
    }
}

TEST(Scheduler, HardNeverBeatsGood)
{
    for (StepsMode mode : {StepsMode::WithSteps, StepsMode::LongTermOnly}) {
        for (double retention : {0.7, 0.85, 0.9, 0.97}) {
            SchedulerConfig config;
            config.steps_mode = mode;
            config.desired_retention = retention;
            for (double s : {0.05, 0.3, 1.0, 2.6, 9.0, 40.0, 300.0, 5000.0}) {
                for (double d : {1.0, 3.0, 5.5, 8.0, 10.0}) {
                    for (int t : {0, 1, 3, 10, 100, 1000}) {
                        CardSchedule card = review_card();
                        card.memory = MemoryState{s, d};
                        card.last_review_ms = kNow - t * kDay;
                        const NextStates st = next_states(card, kNow, config, kUtc);
                        const std::string where = "S=" + std::to_string(s) + " D=" + std::to_string(d) +
                                                  " t=" + std::to_string(t) + " r=" + std::to_string(retention);
                        EXPECT_LE(st[Rating::Hard].interval_ms, st[Rating::Good].interval_ms) << where;
                        const int32_t hard = st[Rating::Hard].schedule.scheduled_days;
                        const int32_t good = st[Rating::Good].schedule.scheduled_days;
                        const int32_t easy = st[Rating::Easy].schedule.scheduled_days;
                        // Strictly apart, except where the maximum interval squeezes them together.
                        EXPECT_TRUE(hard < good || good == config.maximum_interval_days) << where;
                        EXPECT_TRUE(good < easy || easy == config.maximum_interval_days) << where;
                        EXPECT_LE(hard, good) << where;
                        EXPECT_LE(good, easy) << where;
                        EXPECT_LE(st[Rating::Again].interval_ms, st[Rating::Hard].interval_ms) << where;
                    }
                }
            }
        }
    }
}

TEST(Scheduler, HardNeverBeatsGoodInSteps)
{
    const SchedulerConfig config;
    const CardSchedule learning0 = answer(new_card(), Rating::Again, kNow - 2 * kMinute);
    const CardSchedule learning1 = answer(new_card(), Rating::Good, kNow - 11 * kMinute);
    const CardSchedule relearning = answer(review_card(), Rating::Again, kNow - 15 * kMinute);
    for (const CardSchedule& card : {new_card(), learning0, learning1, relearning}) {
        const NextStates st = next_states(card, kNow, config, kUtc);
        EXPECT_LE(st[Rating::Again].interval_ms, st[Rating::Hard].interval_ms);
        EXPECT_LE(st[Rating::Hard].interval_ms, st[Rating::Good].interval_ms);
        EXPECT_LE(st[Rating::Good].interval_ms, st[Rating::Easy].interval_ms);
    }
}

TEST(Scheduler, SingleStepHardIsOneAndAHalfSteps)
{
    SchedulerConfig config;
    config.learning_steps_minutes = {10};
    const NextStates st = next_states(new_card(), kNow, config, kUtc);
    EXPECT_EQ(st[Rating::Again].interval_ms, 10 * kMinute);
    EXPECT_EQ(st[Rating::Hard].interval_ms, 15 * kMinute);
    EXPECT_EQ(st[Rating::Good].schedule.phase, CardPhase::Review); // no second step: graduates
}

TEST(Scheduler, StepOfADayOrMoreIsCountedInDays)
{
    SchedulerConfig config;
    config.learning_steps_minutes = {1, 2 * 1440};
    const Outcome good = next_states(new_card(), kNow, config, kUtc)[Rating::Good];
    EXPECT_EQ(good.schedule.phase, CardPhase::Learning);
    EXPECT_EQ(good.schedule.step, 1);
    EXPECT_EQ(good.schedule.scheduled_days, 2);
    EXPECT_EQ(good.interval_ms, 2 * kDay);

    config.learning_steps_minutes = {1, 2000}; // 1.4 days
    EXPECT_EQ(next_states(new_card(), kNow, config, kUtc)[Rating::Good].schedule.scheduled_days, 1);

    // Hard on the first step: halfway between 1 day and 3 days is 2 days.
    config.learning_steps_minutes = {1440, 3 * 1440};
    const Outcome hard = next_states(new_card(), kNow, config, kUtc)[Rating::Hard];
    EXPECT_EQ(hard.schedule.scheduled_days, 2);
    EXPECT_EQ(hard.schedule.phase, CardPhase::Learning);
}

TEST(Scheduler, WithoutRelearningStepsAgainStaysInReview)
{
    SchedulerConfig config;
    config.relearning_steps_minutes = {};
    const Outcome again = next_states(review_card(), kNow, config, kUtc)[Rating::Again];
    EXPECT_EQ(again.schedule.phase, CardPhase::Review);
    EXPECT_GE(again.schedule.scheduled_days, 1);
    EXPECT_EQ(again.schedule.lapses, 2);
}

TEST(Scheduler, WithoutLearningStepsNewCardsGoStraightToReview)
{
    SchedulerConfig config;
    config.learning_steps_minutes = {};
    const NextStates st = next_states(new_card(), kNow, config, kUtc);
    for (Rating rating : kAllRatings)
        EXPECT_EQ(st[rating].schedule.phase, CardPhase::Review) << rating_name(rating);
    EXPECT_LT(st[Rating::Hard].schedule.scheduled_days, st[Rating::Good].schedule.scheduled_days);
}

TEST(Scheduler, StepBeyondShortenedStepsCountsAsTheLastStep)
{
    CardSchedule card = answer(new_card(), Rating::Good, kNow - 11 * kMinute);
    card.step = 7; // the learner removed steps since
    const NextStates st = next_states(card, kNow, SchedulerConfig{}, kUtc);
    EXPECT_EQ(st[Rating::Good].schedule.phase, CardPhase::Review);
    EXPECT_EQ(st[Rating::Hard].interval_ms, 10 * kMinute);
}

TEST(Scheduler, MaximumIntervalCapsEveryRating)
{
    for (StepsMode mode : {StepsMode::WithSteps, StepsMode::LongTermOnly}) {
        SchedulerConfig config;
        config.steps_mode = mode;
        config.maximum_interval_days = 30;
        CardSchedule card = review_card();
        card.memory = MemoryState{400, 3};
        card.last_review_ms = kNow - 400 * kDay;
        const NextStates st = next_states(card, kNow, config, kUtc);
        for (Rating rating : {Rating::Hard, Rating::Good, Rating::Easy})
            EXPECT_LE(st[rating].schedule.scheduled_days, 30) << rating_name(rating);
    }
}

TEST(Scheduler, SameInputSameOutput)
{
    const SchedulerConfig config;
    const NextStates a = next_states(review_card(), kNow, config, kUtc);
    const NextStates b = next_states(review_card(), kNow, config, kUtc);
    for (Rating rating : kAllRatings) {
        EXPECT_EQ(a[rating].schedule, b[rating].schedule);
        EXPECT_EQ(a[rating].interval_ms, b[rating].interval_ms);
    }
}

TEST(Scheduler, AnswerBeforeThePreviousOneCountsAsSameDay)
{
    CardSchedule card = review_card();
    card.last_review_ms = kNow + 3 * kDay;
    EXPECT_EQ(next_states(card, kNow, SchedulerConfig{}, kUtc)[Rating::Good].elapsed_days, 0);
}

// UTC ms of a local wall-clock time `day` days after 2024-01-01 in a zone `offset_minutes` ahead.
int64_t local_ms(int day, int hour, int minute, int32_t offset_minutes)
{
    return kJan1 + day * kDay + hour * kHour + minute * kMinute - offset_minutes * kMinute;
}

TEST(Scheduler, ElapsedDaysFollowTheLearnersDay)
{
    struct Case {
        int32_t offset_minutes;
        int32_t rollover_hour;
        int next_day, next_hour, next_minute; // the second answer, local time
        int32_t elapsed;
    };
    // The first answer is always at 23:59 local on 2024-01-01.
    const Case cases[] = {
        {0, 4, 1, 4, 1, 1},      // 23:59 → 04:01 next day: a new learning day
        {0, 4, 1, 3, 59, 0},     // 23:59 → 03:59: still the same learning day
        {0, 0, 1, 0, 1, 1},      // rollover at midnight: 23:59 → 00:01 is a day
        {840, 4, 1, 4, 1, 1},    // UTC+14: both answers fall on the same UTC date
        {840, 4, 1, 3, 59, 0},
        {-840, 4, 1, 4, 1, 1},   // UTC−14: the two answers straddle a UTC date
        {-840, 4, 1, 3, 59, 0},
        {180, 4, 3, 4, 0, 3},    // Moscow, exactly at the rollover three days later
    };
    for (const Case& c : cases) {
        const DayClock clock{c.offset_minutes, c.rollover_hour};
        CardSchedule card = review_card();
        card.last_review_ms = local_ms(0, 23, 59, c.offset_minutes);
        const int64_t now = local_ms(c.next_day, c.next_hour, c.next_minute, c.offset_minutes);
        const Outcome o = next_states(card, now, SchedulerConfig{}, clock)[Rating::Good];
        EXPECT_EQ(o.elapsed_days, c.elapsed) << "offset " << c.offset_minutes << " rollover " << c.rollover_hour
                                             << " next " << c.next_hour << ":" << c.next_minute;
    }
}

TEST(SchedulerLongTerm, NewCardIntervalsAreForcedApart)
{
    SchedulerConfig config;
    config.steps_mode = StepsMode::LongTermOnly;
    config.short_term = false;
    const NextStates st = next_states(new_card(), kNow, config, kUtc);
    // FSRS alone gives 1, 1, 2, 8 days; the ordering makes it 1, 2, 3, 8 (expected.longterm.csv).
    EXPECT_EQ(st[Rating::Again].schedule.scheduled_days, 1);
    EXPECT_EQ(st[Rating::Hard].schedule.scheduled_days, 2);
    EXPECT_EQ(st[Rating::Good].schedule.scheduled_days, 3);
    EXPECT_EQ(st[Rating::Easy].schedule.scheduled_days, 8);
    for (Rating rating : kAllRatings) {
        EXPECT_EQ(st[rating].schedule.phase, CardPhase::Review);
        EXPECT_EQ(st[rating].interval_ms, st[rating].schedule.scheduled_days * kDay);
    }
}

TEST(SchedulerLongTerm, AgainFromReviewCountsALapseAndStaysInReview)
{
    SchedulerConfig config;
    config.steps_mode = StepsMode::LongTermOnly;
    const Outcome again = next_states(review_card(), kNow, config, kUtc)[Rating::Again];
    EXPECT_EQ(again.schedule.phase, CardPhase::Review);
    EXPECT_EQ(again.schedule.lapses, 2);
    EXPECT_GE(again.schedule.scheduled_days, 1);
}

TEST(Scheduler, MakeReviewRecordCopiesTheOutcome)
{
    const CardSchedule before = review_card();
    const NextStates st = next_states(before, kNow, SchedulerConfig{}, kUtc);
    const Outcome& o = st[Rating::Hard];
    const ReviewRecord record = make_review_record(before, o, Rating::Hard, kNow);
    EXPECT_EQ(record.time_ms, kNow);
    EXPECT_EQ(record.rating, Rating::Hard);
    EXPECT_EQ(record.phase_before, CardPhase::Review);
    EXPECT_EQ(record.elapsed_days, 10);
    EXPECT_EQ(record.retrievability, o.retrievability);
    EXPECT_EQ(record.stability, o.schedule.memory->stability);
    EXPECT_EQ(record.difficulty, o.schedule.memory->difficulty);
    EXPECT_EQ(record.scheduled_days, o.schedule.scheduled_days);
    EXPECT_EQ(record.due_ms, o.schedule.due_ms);
}

TEST(Leech, ThresholdThenEveryHalfThreshold)
{
    struct Case {
        int32_t lapses, threshold;
        bool leech;
    };
    const Case cases[] = {
        {7, 8, false}, {8, 8, true},  {9, 8, false}, {11, 8, false}, {12, 8, true}, {16, 8, true},
        {14, 8, false}, {5, 5, true}, {6, 5, false}, {8, 5, true},   {1, 1, true},  {2, 1, true},
        {100, 0, false}, {3, -1, false},
    };
    for (const Case& c : cases)
        EXPECT_EQ(is_leech(c.lapses, c.threshold), c.leech) << c.lapses << " lapses, threshold " << c.threshold;
}

TEST(Leech, TheEighthLapseMakesALeech)
{
    const SchedulerConfig config; // threshold 8
    CardSchedule card = review_card();
    card.lapses = 7;
    const NextStates st = next_states(card, kNow, config, kUtc);
    EXPECT_TRUE(st[Rating::Again].leech);
    EXPECT_EQ(st[Rating::Again].schedule.lapses, 8);
    for (Rating rating : {Rating::Hard, Rating::Good, Rating::Easy})
        EXPECT_FALSE(st[rating].leech) << rating_name(rating);

    card.lapses = 6;
    EXPECT_FALSE(next_states(card, kNow, config, kUtc)[Rating::Again].leech);

    // Again in relearning is no new lapse.
    CardSchedule relearning = answer(review_card(), Rating::Again, kNow - 15 * kMinute);
    relearning.lapses = 7;
    EXPECT_FALSE(next_states(relearning, kNow, config, kUtc)[Rating::Again].leech);

    SchedulerConfig custom;
    custom.leech_threshold = 3;
    card.lapses = 2;
    EXPECT_TRUE(next_states(card, kNow, custom, kUtc)[Rating::Again].leech);
    custom.leech_threshold = 0;
    card.lapses = 7;
    EXPECT_FALSE(next_states(card, kNow, custom, kUtc)[Rating::Again].leech);

    // The long-term scheduler counts lapses too.
    SchedulerConfig long_term;
    long_term.steps_mode = StepsMode::LongTermOnly;
    card.lapses = 7;
    EXPECT_TRUE(next_states(card, kNow, long_term, kUtc)[Rating::Again].leech);
}

TEST(Scheduler, EveryRatingFromEveryPhaseLongTerm)
{
    SchedulerConfig config;
    config.steps_mode = StepsMode::LongTermOnly;
    const CardSchedule learning = answer(new_card(), Rating::Again, kNow - 2 * kMinute);
    CardSchedule relearning = answer(review_card(), Rating::Again, kNow - 15 * kMinute);
    for (const CardSchedule& before : {new_card(), learning, review_card(), relearning}) {
        const NextStates st = next_states(before, kNow, config, kUtc);
        for (Rating rating : kAllRatings) {
            const Outcome& o = st[rating];
            EXPECT_EQ(o.schedule.phase, CardPhase::Review) << phase_name(before.phase) << " " << rating_name(rating);
            EXPECT_GE(o.schedule.scheduled_days, 1);
            EXPECT_EQ(o.interval_ms, o.schedule.scheduled_days * kDay);
            const int32_t lapses = before.lapses + (before.phase == CardPhase::Review && rating == Rating::Again);
            EXPECT_EQ(o.schedule.lapses, lapses);
        }
    }
}

TEST(Scheduler, DayStepsKeepTheCardInItsStepsAndCountWholeDays)
{
    SchedulerConfig config;
    config.learning_steps_minutes = {1440, 3 * 1440};
    config.relearning_steps_minutes = {2 * 1440};
    const CardSchedule step1 = answer(new_card(), Rating::Good, kNow - 1 * kDay, config);
    ASSERT_EQ(step1.phase, CardPhase::Learning);
    ASSERT_EQ(step1.step, 1);
    ASSERT_EQ(step1.scheduled_days, 3);
    const NextStates st = next_states(step1, kNow, config, kUtc);
    EXPECT_EQ(st[Rating::Again].schedule.scheduled_days, 1);
    EXPECT_EQ(st[Rating::Again].schedule.step, 0);
    EXPECT_EQ(st[Rating::Hard].schedule.scheduled_days, 3); // repeats the current step
    EXPECT_EQ(st[Rating::Good].schedule.phase, CardPhase::Review);
    EXPECT_EQ(st[Rating::Good].elapsed_days, 1); // the memory state sees the day that passed
    const Outcome lapse = next_states(review_card(), kNow, config, kUtc)[Rating::Again];
    EXPECT_EQ(lapse.schedule.phase, CardPhase::Relearning);
    EXPECT_EQ(lapse.schedule.scheduled_days, 2);
    EXPECT_EQ(lapse.interval_ms, 2 * kDay);
}

// Daylight-saving time: the UTC offset passed in is today's. Across a jump, answers before and
// after it still fall on the learner's days as the clock on the wall shows them.
TEST(Scheduler, ElapsedDaysAcrossDaylightSavingJumps)
{
    struct Case {
        const char* what;
        int64_t first_ms;    // UTC
        int64_t second_ms;   // UTC
        int32_t offset_now;  // minutes, in effect at the second answer
        int32_t elapsed;
    };
    // Central Europe, 2024: summer time starts 31 March 01:00Z (02:00 CET → 03:00 CEST) and ends
    // 27 October 01:00Z (03:00 CEST → 02:00 CET).
    constexpr int64_t kMar30 = 1'711'756'800'000; // 2024-03-30T00:00Z
    constexpr int64_t kOct26 = 1'729'900'800'000; // 2024-10-26T00:00Z
    const Case cases[] = {
        // Saturday 23:59 CET → Sunday 04:01 CEST: one day.
        {"spring, 23:59 -> 04:01", kMar30 + 22 * kHour + 59 * kMinute, kMar30 + kDay + 2 * kHour + 1 * kMinute, 120, 1},
        // Saturday 23:59 CET → Sunday 03:59 CEST: still Saturday's learning day.
        {"spring, 23:59 -> 03:59", kMar30 + 22 * kHour + 59 * kMinute, kMar30 + kDay + 1 * kHour + 59 * kMinute, 120, 0},
        // Saturday 23:59 CEST → Sunday 04:01 CET: one day.
        {"autumn, 23:59 -> 04:01", kOct26 + 21 * kHour + 59 * kMinute, kOct26 + kDay + 3 * kHour + 1 * kMinute, 60, 1},
        // Saturday 23:59 CEST → Sunday 03:59 CET (the hour that happens twice has passed): same day.
        {"autumn, 23:59 -> 03:59", kOct26 + 21 * kHour + 59 * kMinute, kOct26 + kDay + 2 * kHour + 59 * kMinute, 60, 0},
        // A week of summer time later, at the same wall-clock time.
        {"spring, a week", kMar30 + 9 * kHour, kMar30 + 7 * kDay + 8 * kHour, 120, 7},
    };
    for (const Case& c : cases) {
        CardSchedule card = review_card();
        card.last_review_ms = c.first_ms;
        const Outcome o = next_states(card, c.second_ms, SchedulerConfig{}, DayClock{c.offset_now, 4})[Rating::Good];
        EXPECT_EQ(o.elapsed_days, c.elapsed) << c.what;
    }
}

// Scheduler::answer works out only what one rating needs; it must agree with the full preview in
// every field, whatever the phase, mode, steps, fuzz and short-term switch.
TEST(Scheduler, AnswerIsThePreviewOfThatRating)
{
    std::mt19937_64 random(2024);
    std::uniform_real_distribution<double> unit(0, 1);
    const std::vector<std::vector<int32_t>> step_sets = {{}, {1, 10}, {10}, {1440, 4320}, {5, 30, 2000}};
    int checked = 0;
    for (int i = 0; i < 4000; ++i) {
        SchedulerConfig config;
        config.steps_mode = random() % 4 == 0 ? StepsMode::LongTermOnly : StepsMode::WithSteps;
        config.short_term = random() % 3 != 0;
        config.fuzz = random() % 2 == 0 ? Fuzz::On : Fuzz::Off;
        config.learning_steps_minutes = step_sets[random() % step_sets.size()];
        config.relearning_steps_minutes = step_sets[random() % step_sets.size()];
        config.desired_retention = 0.7 + 0.29 * unit(random);
        config.maximum_interval_days = random() % 5 == 0 ? 30 : 36500;
        config.leech_threshold = static_cast<int32_t>(random() % 10);
        const Scheduler scheduler(config);

        CardSchedule card;
        card.phase = static_cast<CardPhase>(random() % 4);
        if (card.phase != CardPhase::New || random() % 5 == 0) {
            card.memory = MemoryState{std::exp(unit(random) * 12 - 4), 1 + 9 * unit(random)};
            card.last_review_ms = kNow - static_cast<int64_t>(unit(random) * 400 * kDay);
            card.reps = static_cast<int32_t>(random() % 30) + 1;
            card.lapses = static_cast<int32_t>(random() % 12);
            card.step = static_cast<int32_t>(random() % 4);
            card.scheduled_days = static_cast<int32_t>(random() % 300);
        }
        const CardId id{static_cast<int64_t>(random() % 100000)};
        const NextStates all = scheduler.next_states(card, kNow, kUtc, id);
        for (Rating rating : kAllRatings) {
            const Outcome one = scheduler.answer(card, rating, kNow, kUtc, id);
            const Outcome& expected = all[rating];
            ASSERT_EQ(one.schedule, expected.schedule) << "case " << i << " " << rating_name(rating);
            ASSERT_EQ(one.retrievability, expected.retrievability);
            ASSERT_EQ(one.elapsed_days, expected.elapsed_days);
            ASSERT_EQ(one.interval_ms, expected.interval_ms);
            ASSERT_EQ(one.leech, expected.leech);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 16000);
}

} // namespace
} // namespace letopis
