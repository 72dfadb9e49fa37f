// Interval fuzz: Anki's ranges at their edges, the seeded factor's determinism and spread, and
// the scheduler with fuzz on (ordering kept, short intervals untouched, preview = answer).
#include "core/scheduler/fuzz.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/scheduler/scheduler.h"

namespace letopis {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kDay = 86'400'000;
constexpr int64_t kNow = 1'704'067'200'000 + 12 * 3'600'000; // 2024-01-01T12:00Z
constexpr DayClock kUtc{0, 0};

struct RangeCase {
    double interval;
    int32_t minimum, maximum;
    int32_t lower, middle, upper; // the day at factor 0, 0.5 and 0.99
};

TEST(Fuzz, RangesFollowAnkisBands)
{
    const RangeCase cases[] = {
        // No fuzz below 2.5 days.
        {1.0, 1, 1000, 1, 1, 1},
        {2.49, 1, 1000, 2, 2, 2},
        // From 2.5 days: ±1 day, plus 15 % of the days from 2.5 to 7 …
        {2.5, 1, 1000, 2, 3, 4},
        {7.0, 1, 1000, 5, 7, 9},
        // … plus 10 % of the days from 7 to 20 …
        {17.0, 1, 1000, 14, 17, 20},
        // … plus 5 % of the days above 20.
        {37.0, 1, 1000, 33, 37, 41},
        {365.0, 1, 36500, 345, 365, 385},
        // Continuous across the band edges.
        {6.9, 3, 1000, 5, 7, 9},
        {7.1, 3, 1000, 5, 7, 9},
        {19.9, 3, 1000, 17, 20, 23},
        {20.1, 3, 1000, 17, 20, 23},
        // A minimum above the interval leaves at least two days to choose from, if allowed.
        {2.0, 2, 1000, 2, 2, 2},
        {2.0, 3, 1000, 3, 4, 4},
        {2.0, 3, 3, 3, 3, 3},
        // Limits cut the range, and the choice stays uniform over what is left.
        {100.0, 101, 1000, 101, 105, 108},
        {100.0, 1, 99, 92, 96, 99},
        {100.0, 97, 103, 97, 100, 103},
        {40000.0, 1, 36500, 34673, 35587, 36482},
    };
    for (const RangeCase& c : cases) {
        const std::string where = std::to_string(c.interval) + " in [" + std::to_string(c.minimum) + ", " +
                                  std::to_string(c.maximum) + "]";
        EXPECT_EQ(fuzzed_interval(c.interval, 0.0, c.minimum, c.maximum), c.lower) << where;
        EXPECT_EQ(fuzzed_interval(c.interval, 0.5, c.minimum, c.maximum), c.middle) << where;
        EXPECT_EQ(fuzzed_interval(c.interval, 0.99, c.minimum, c.maximum), c.upper) << where;
        const FuzzRange range = fuzz_range(c.interval, c.minimum, c.maximum);
        EXPECT_EQ(range.lower, c.lower) << where;
        EXPECT_GE(range.upper, c.upper) << where;
        EXPECT_EQ(fuzzed_interval(c.interval, 0.999999, c.minimum, c.maximum), range.upper) << where;
    }
}

TEST(Fuzz, BadInputIsClampedNotFatal)
{
    EXPECT_EQ(fuzz_range(1.0, 3, 2).lower, 2); // minimum above maximum
    EXPECT_EQ(fuzz_range(1.0, 3, 2).upper, 2);
    EXPECT_EQ(fuzzed_interval(-5.0, 0.5, 1, 100), 1);
    EXPECT_EQ(fuzzed_interval(std::nan(""), 0.5, 1, 100), 1);
    EXPECT_EQ(fuzzed_interval(10.0, 1.0, 1, 100), fuzz_range(10.0, 1, 100).upper);
    EXPECT_EQ(fuzzed_interval(10.0, -1.0, 1, 100), fuzz_range(10.0, 1, 100).lower);
}

TEST(Fuzz, FactorIsDeterministicAndSpreadEvenly)
{
    EXPECT_EQ(fuzz_factor(CardId{42}, 7), fuzz_factor(CardId{42}, 7));
    EXPECT_NE(fuzz_factor(CardId{42}, 7), fuzz_factor(CardId{42}, 8));
    EXPECT_NE(fuzz_factor(CardId{42}, 7), fuzz_factor(CardId{43}, 7));
    // Card 5 at review 3 and card 6 at review 2 are different cards: no shared seed.
    EXPECT_NE(fuzz_factor(CardId{5}, 3), fuzz_factor(CardId{6}, 2));

    std::array<int, 10> deciles{};
    double sum = 0;
    constexpr int kCards = 20'000;
    for (int64_t id = 1; id <= kCards; ++id) {
        const double f = fuzz_factor(CardId{id}, static_cast<int32_t>(id % 7));
        ASSERT_GE(f, 0.0);
        ASSERT_LT(f, 1.0);
        sum += f;
        ++deciles[static_cast<size_t>(f * 10)];
    }
    EXPECT_NEAR(sum / kCards, 0.5, 0.01);
    for (int count : deciles) {
        EXPECT_GT(count, kCards / 10 * 9 / 10);
        EXPECT_LT(count, kCards / 10 * 11 / 10);
    }
}

CardSchedule review_card(double stability, int32_t last_interval, int32_t reps)
{
    CardSchedule card;
    card.phase = CardPhase::Review;
    card.memory = MemoryState{stability, 5};
    card.last_review_ms = kNow - last_interval * kDay;
    card.due_ms = kNow;
    card.reps = reps;
    card.scheduled_days = last_interval;
    return card;
}

SchedulerConfig fuzzed_config()
{
    SchedulerConfig config;
    config.fuzz = Fuzz::On;
    return config;
}

TEST(FuzzedScheduler, SameCardSameReviewCountSameDays)
{
    const Scheduler scheduler(fuzzed_config());
    const CardSchedule card = review_card(30, 20, 6);
    const NextStates a = scheduler.next_states(card, kNow, kUtc, CardId{1234});
    const NextStates b = scheduler.next_states(card, kNow, kUtc, CardId{1234});
    for (Rating rating : kAllRatings)
        EXPECT_EQ(a[rating].schedule, b[rating].schedule) << rating_name(rating);
    // The preview shown at 12:00 and an answer given a minute later agree on the day.
    const NextStates later = scheduler.next_states(card, kNow + kMinute, kUtc, CardId{1234});
    EXPECT_EQ(later[Rating::Good].schedule.scheduled_days, a[Rating::Good].schedule.scheduled_days);
}

TEST(FuzzedScheduler, IntervalsStayInTheirRangeAndSpreadOverIt)
{
    const Scheduler fuzzed(fuzzed_config());
    const Scheduler plain{SchedulerConfig{}};
    const CardSchedule card = review_card(40, 30, 6);
    const NextStates exact = plain.next_states(card, kNow, kUtc);
    const double exact_good = fuzzed.fsrs().exact_interval_days(exact[Rating::Good].schedule.memory->stability, 36500);
    ASSERT_GT(exact_good, 20);
    const FuzzRange full = fuzz_range(exact_good, 1, 36500);
    std::map<int32_t, int> seen;
    for (int64_t id = 1; id <= 2000; ++id) {
        const NextStates st = fuzzed.next_states(card, kNow, kUtc, CardId{id});
        const int32_t hard = st[Rating::Hard].schedule.scheduled_days;
        const int32_t days = st[Rating::Good].schedule.scheduled_days;
        // Good stays beyond Hard and beyond the last interval, inside its fuzz range.
        const FuzzRange range = fuzz_range(exact_good, std::max(card.scheduled_days + 1, hard + 1), 36500);
        EXPECT_GE(days, range.lower);
        EXPECT_LE(days, range.upper);
        ++seen[days];
        // Fuzz moves the due day only; the memory state is the same.
        EXPECT_EQ(st[Rating::Good].schedule.memory, exact[Rating::Good].schedule.memory);
        EXPECT_EQ(st[Rating::Good].interval_ms, days * kDay);
    }
    EXPECT_EQ(seen.begin()->first, full.lower);
    EXPECT_EQ(seen.rbegin()->first, full.upper);
    EXPECT_EQ(static_cast<int32_t>(seen.size()), full.upper - full.lower + 1) << "every day of the range is used";
}

TEST(FuzzedScheduler, KeepsHardGoodEasyApartAndShortIntervalsExact)
{
    const Scheduler fuzzed(fuzzed_config());
    const Scheduler plain{SchedulerConfig{}};
    for (double s : {0.2, 0.5, 1.0, 2.0, 3.0, 8.0, 30.0, 400.0, 30000.0}) {
        for (int32_t last : {1, 5, 30}) {
            for (int64_t id = 1; id <= 200; ++id) {
                const CardSchedule card = review_card(s, last, 4);
                const NextStates st = fuzzed.next_states(card, kNow, kUtc, CardId{id});
                const NextStates ref = plain.next_states(card, kNow, kUtc, CardId{id});
                const std::string where = "S=" + std::to_string(s) + " last=" + std::to_string(last);
                const int32_t hard = st[Rating::Hard].schedule.scheduled_days;
                const int32_t good = st[Rating::Good].schedule.scheduled_days;
                const int32_t easy = st[Rating::Easy].schedule.scheduled_days;
                EXPECT_LE(hard, good) << where;
                EXPECT_TRUE(good < easy || easy == 36500) << where;
                EXPECT_LE(easy, 36500) << where;
                // Each interval is inside its own fuzz range, kept beyond the rating before it and,
                // when it has grown, beyond the last interval (Anki's rules).
                const auto exact = [&](Rating rating) {
                    return fuzzed.fsrs().exact_interval_days(ref[rating].schedule.memory->stability, 36500);
                };
                const auto beyond_last = [&](double interval) { return std::lround(interval) > last ? last + 1 : 1; };
                const auto in_range = [](int32_t days, double interval, int32_t minimum) {
                    const FuzzRange range = fuzz_range(interval, minimum, 36500);
                    return days >= range.lower && days <= range.upper;
                };
                const double exact_hard = std::min(exact(Rating::Hard), exact(Rating::Good));
                EXPECT_TRUE(in_range(hard, exact_hard, beyond_last(exact_hard))) << where << " hard " << hard;
                EXPECT_TRUE(in_range(good, exact(Rating::Good), std::max(hard + 1, beyond_last(exact(Rating::Good)))))
                    << where << " good " << good;
                EXPECT_TRUE(in_range(easy, exact(Rating::Easy), std::max(good + 1, beyond_last(exact(Rating::Easy)))))
                    << where << " easy " << easy;
                // Fuzz never moves an interval by more than its band allows plus the push from the
                // rating before it: within a quarter of the exact interval, or 5 days.
                EXPECT_LE(std::abs(good - exact(Rating::Good)), std::max(5.0, exact(Rating::Good) / 4)) << where;
                // Below 2.5 days nothing is fuzzed: Hard and Good come out as without fuzz.
                if (exact(Rating::Hard) < 2.5 && exact(Rating::Good) < 2.5) {
                    EXPECT_EQ(hard, ref[Rating::Hard].schedule.scheduled_days) << where;
                    EXPECT_EQ(good, ref[Rating::Good].schedule.scheduled_days) << where;
                }
                // Again goes to relearning in minutes: nothing to fuzz.
                EXPECT_EQ(st[Rating::Again].schedule, ref[Rating::Again].schedule) << where;
            }
        }
    }
}

TEST(FuzzedScheduler, GraduationIsFuzzedAndEasyStaysBeyondGood)
{
    SchedulerConfig config = fuzzed_config();
    config.learning_steps_minutes = {10};
    const Scheduler fuzzed(config);
    std::set<int32_t> easy_days;
    for (int64_t id = 1; id <= 500; ++id) {
        CardSchedule learning;
        learning.phase = CardPhase::Learning;
        learning.memory = MemoryState{20, 4};
        learning.last_review_ms = kNow - 10 * kMinute;
        learning.reps = 1;
        const NextStates st = fuzzed.next_states(learning, kNow, kUtc, CardId{id});
        ASSERT_EQ(st[Rating::Good].schedule.phase, CardPhase::Review);
        EXPECT_GT(st[Rating::Easy].schedule.scheduled_days, st[Rating::Good].schedule.scheduled_days);
        easy_days.insert(st[Rating::Easy].schedule.scheduled_days);
    }
    EXPECT_GT(easy_days.size(), 3u);
}

TEST(FuzzedScheduler, LongTermOrderingHoldsWithFuzz)
{
    SchedulerConfig config = fuzzed_config();
    config.steps_mode = StepsMode::LongTermOnly;
    const Scheduler fuzzed(config);
    for (int64_t id = 1; id <= 300; ++id) {
        for (const CardSchedule& card : {CardSchedule{}, review_card(12, 10, 3), review_card(200, 150, 9)}) {
            const NextStates st = fuzzed.next_states(card, kNow, kUtc, CardId{id});
            EXPECT_LT(st[Rating::Again].schedule.scheduled_days, st[Rating::Hard].schedule.scheduled_days);
            EXPECT_LT(st[Rating::Hard].schedule.scheduled_days, st[Rating::Good].schedule.scheduled_days);
            EXPECT_LT(st[Rating::Good].schedule.scheduled_days, st[Rating::Easy].schedule.scheduled_days);
        }
    }
}

TEST(FuzzedScheduler, OffByDefaultAndInReplayModes)
{
    EXPECT_EQ(SchedulerConfig{}.fuzz, Fuzz::Off);
}

} // namespace
} // namespace letopis
