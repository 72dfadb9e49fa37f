// FSRS-6 formulas: known answers taken from the reference fixtures, clamps, intervals and the
// weight bounds check.
#include "core/fsrs/fsrs.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace letopis {
namespace {

constexpr double kTolerance = 1e-8;

FsrsParams custom_params()
{
    return FsrsParams{{0.4, 1.1, 3.0, 12.0, 6.2, 0.7, 2.8, 0.01, 1.6, 0.12, 0.9, 1.5, 0.08, 0.3, 1.8, 0.5, 2.2, 0.6,
                       0.1, 0.05, 0.2}};
}

TEST(Fsrs, DefaultsAreThePublishedWeights)
{
    const FsrsParams p = FsrsParams::defaults();
    const double expected[] = {0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                               0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                               1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
    for (int i = 0; i < kFsrsWeightCount; ++i)
        EXPECT_EQ(p.w[i], expected[i]) << "w" << i;
}

TEST(Fsrs, RetrievabilityIsNinetyPercentAfterStabilityDays)
{
    for (const FsrsParams& p : {FsrsParams::defaults(), custom_params()}) {
        for (double s : {0.1, 1.0, 2.3065, 17.5, 365.0, 36500.0})
            EXPECT_NEAR(retrievability(s, s, p), 0.9, kTolerance) << "S=" << s;
        EXPECT_EQ(retrievability(0, 5, p), 1.0);
    }
}

TEST(Fsrs, RetrievabilityFallsWithTime)
{
    const FsrsParams p = FsrsParams::defaults();
    double previous = 1.0;
    for (int t = 1; t < 1000; t *= 2) {
        const double r = retrievability(t, 10, p);
        EXPECT_LT(r, previous);
        EXPECT_GT(r, 0);
        previous = r;
    }
}

TEST(Fsrs, InitialStateUsesFirstWeightsAndClampedDifficulty)
{
    const FsrsParams p = FsrsParams::defaults();
    EXPECT_EQ(initial_state(Rating::Again, p), (MemoryState{0.212, 6.4133}));
    EXPECT_NEAR(initial_state(Rating::Good, p).stability, 2.3065, kTolerance);
    EXPECT_NEAR(initial_state(Rating::Good, p).difficulty, 2.11810397, kTolerance);
    EXPECT_NEAR(initial_state(Rating::Easy, p).stability, 8.2956, kTolerance);
    // D0(Easy) is negative with the default weights; the state clamps it, the formula does not.
    EXPECT_LT(initial_difficulty_unclamped(Rating::Easy, p), 0);
    EXPECT_EQ(initial_state(Rating::Easy, p).difficulty, 1.0);
}

TEST(Fsrs, InitialStabilityIsFlooredAtOneTenthOfADay)
{
    FsrsParams p = FsrsParams::defaults();
    p.w[0] = 0.01;
    EXPECT_EQ(initial_state(Rating::Again, p).stability, kMinInitialStability);
}

// Known answers from expected.default.csv (default weights, short-term on).
struct KnownAnswer {
    const char* what;
    MemoryState before;
    int32_t elapsed_days;
    double retrievability;
    Rating rating;
    MemoryState after;
};

TEST(Fsrs, NextMemoryStateMatchesReference)
{
    const KnownAnswer cases[] = {
        {"recall, Good", {2.3065, 2.11121424}, 8, 0.79574728, Rating::Good, {22.78405258, 2.1043314}},
        {"recall, Hard", {0.12584424, 8.77916217}, 8, 0.527474, Rating::Hard, {0.83076302, 9.17477933}},
        {"recall, Easy", {21.88163084, 9.59395627}, 22, 0.89962893, Rating::Easy, {40.52000999, 9.44350375}},
        {"lapse", {1.7899628, 9.16083292}, 4, 0.83617936, Rating::Again, {0.52521248, 9.70939985}},
        {"same day, Again", {0.212, 6.4133}, 0, 1.0, Rating::Again, {0.08335672, 8.80630447}},
        {"same day, Good", {2.3065, 2.11810397}, 0, 1.0, Rating::Good, {2.3065, 2.11121424}},
    };
    const FsrsParams p = FsrsParams::defaults();
    for (const KnownAnswer& c : cases) {
        EXPECT_NEAR(retrievability(c.elapsed_days, c.before.stability, p), c.retrievability, kTolerance) << c.what;
        const MemoryState after =
            next_memory_state(c.before, c.elapsed_days, c.rating, c.retrievability, ShortTerm::On, p);
        EXPECT_NEAR(after.stability, c.after.stability, kTolerance) << c.what;
        EXPECT_NEAR(after.difficulty, c.after.difficulty, kTolerance) << c.what;
    }
}

TEST(Fsrs, SameDayWithoutShortTermUsesLongTermFormulas)
{
    // From expected.longterm.csv: Again right after a first Again.
    const FsrsParams p = FsrsParams::defaults();
    const MemoryState after = next_memory_state({0.212, 6.4133}, 0, Rating::Again, 1.0, ShortTerm::Off, p);
    EXPECT_NEAR(after.stability, 0.06862175, kTolerance);
    // A pass at R = 1 leaves stability where it was.
    const MemoryState pass = next_memory_state({0.212, 6.4133}, 0, Rating::Good, 1.0, ShortTerm::Off, p);
    EXPECT_NEAR(pass.stability, 0.212, kTolerance);
}

TEST(Fsrs, SameDayPassNeverLowersStability)
{
    const FsrsParams p = FsrsParams::defaults();
    for (double s : {0.01, 0.5, 3.0, 40.0, 900.0}) {
        for (Rating rating : {Rating::Hard, Rating::Good, Rating::Easy})
            EXPECT_GE(next_memory_state({s, 5}, 0, rating, 1.0, ShortTerm::On, p).stability, s - kTolerance)
                << "S=" << s << " " << rating_name(rating);
    }
}

TEST(Fsrs, LapseNeverRaisesStability)
{
    const FsrsParams p = FsrsParams::defaults();
    for (double s : {0.01, 0.5, 3.0, 40.0, 900.0}) {
        for (int t : {1, 5, 100}) {
            const double r = retrievability(t, s, p);
            const MemoryState after = next_memory_state({s, 5}, t, Rating::Again, r, ShortTerm::On, p);
            EXPECT_LE(after.stability, s / std::exp(p.w[17] * p.w[18]) + kTolerance) << "S=" << s << " t=" << t;
        }
    }
}

TEST(Fsrs, RecallStabilityIsOrderedByRating)
{
    const FsrsParams p = FsrsParams::defaults();
    const MemoryState before{10, 5};
    const double r = retrievability(12, 10, p);
    const double hard = next_memory_state(before, 12, Rating::Hard, r, ShortTerm::On, p).stability;
    const double good = next_memory_state(before, 12, Rating::Good, r, ShortTerm::On, p).stability;
    const double easy = next_memory_state(before, 12, Rating::Easy, r, ShortTerm::On, p).stability;
    EXPECT_LT(hard, good);
    EXPECT_LT(good, easy);
}

TEST(Fsrs, OutOfRangeStateIsClamped)
{
    const FsrsParams p = FsrsParams::defaults();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const MemoryState wild[] = {{1e9, 50}, {-3, -3}, {0, 0}, {nan, nan}};
    for (const MemoryState& m : wild) {
        for (Rating rating : kAllRatings) {
            for (int t : {0, 3}) {
                const MemoryState after = next_memory_state(m, t, rating, 0.5, ShortTerm::On, p);
                EXPECT_GE(after.stability, kMinStability);
                EXPECT_LE(after.stability, kMaxStability);
                EXPECT_GE(after.difficulty, kMinDifficulty);
                EXPECT_LE(after.difficulty, kMaxDifficulty);
            }
        }
    }
    EXPECT_EQ(next_memory_state({36000, 1}, 3000, Rating::Easy, 0.01, ShortTerm::On, p).stability, kMaxStability);
}

TEST(Fsrs, DifficultyMovesTowardTenOnAgainAndDownOnEasy)
{
    const FsrsParams p = FsrsParams::defaults();
    EXPECT_GT(next_difficulty(5, Rating::Again, p), 5);
    EXPECT_GT(next_difficulty(5, Rating::Hard, p), 5);
    EXPECT_LT(next_difficulty(5, Rating::Easy, p), 5);
    // At the ends the clamp holds; mean reversion (toward a negative D0(Easy)) still nudges 10 down.
    EXPECT_LE(next_difficulty(10, Rating::Again, p), 10);
    EXPECT_GT(next_difficulty(10, Rating::Again, p), 9.9);
    EXPECT_EQ(next_difficulty(1, Rating::Easy, p), 1);
}

TEST(Fsrs, IntervalAtNinetyPercentIsStabilityRoundedHalfUp)
{
    const FsrsParams p = FsrsParams::defaults();
    EXPECT_EQ(next_interval_days(2.3065, 0.9, 36500, p), 2);
    EXPECT_EQ(next_interval_days(2.5, 0.9, 36500, p), 3);
    EXPECT_EQ(next_interval_days(2.49999999, 0.9, 36500, p), 2);
    EXPECT_EQ(next_interval_days(22.78405258, 0.9, 36500, p), 23);
    EXPECT_EQ(next_interval_days(0.2, 0.9, 36500, p), 1);     // at least one day
    EXPECT_EQ(next_interval_days(30000, 0.9, 365, p), 365);  // at most the maximum
    EXPECT_EQ(next_interval_days(36500, 0.9, 36500, p), 36500);
}

TEST(Fsrs, LowerRetentionGivesLongerIntervals)
{
    const FsrsParams p = custom_params();
    // From expected.default.r085.custom.csv: S 3.01524677 at 0.85 → 5 days.
    EXPECT_EQ(next_interval_days(3.01524677, 0.85, 36500, p), 5);
    for (double s : {10.0, 100.0}) {
        EXPECT_GT(next_interval_days(s, 0.8, 36500, p), next_interval_days(s, 0.9, 36500, p));
        EXPECT_LT(next_interval_days(s, 0.97, 36500, p), next_interval_days(s, 0.9, 36500, p));
    }
    // Short intervals bottom out at one day whatever the retention.
    EXPECT_EQ(next_interval_days(0.5, 0.97, 36500, p), 1);
}

// FsrsInference works the weight-only terms out once; its results must be the free functions'
// to the last bit, or a replay through it would drift from the reference.
TEST(FsrsInference, BitIdenticalToTheFreeFunctions)
{
    for (const FsrsParams& p : {FsrsParams::defaults(), custom_params()}) {
        for (double retention : {0.7, 0.85, 0.9, 0.97}) {
            const FsrsInference fsrs(p, retention);
            for (Rating rating : kAllRatings)
                EXPECT_EQ(fsrs.initial_state(rating), initial_state(rating, p));
            for (double s : {0.001, 0.05, 0.3, 1.0, 2.3065, 9.7, 40.0, 300.0, 5000.0, 36500.0, -1.0, 1e9}) {
                EXPECT_EQ(fsrs.interval_days(s, 36500), next_interval_days(s, retention, 36500, p)) << s;
                EXPECT_EQ(fsrs.interval_days(s, 30), next_interval_days(s, retention, 30, p)) << s;
                for (double d : {1.0, 2.5, 5.0, 7.77, 10.0, 0.0, 11.0}) {
                    for (int32_t t : {0, 1, 2, 7, 30, 400, 10000, -3}) {
                        const double r = retrievability(t, s, p);
                        ASSERT_EQ(fsrs.retrievability(t, s), r);
                        std::array<MemoryState, 4> all;
                        for (ShortTerm st : {ShortTerm::On, ShortTerm::Off}) {
                            fsrs.next_states(MemoryState{s, d}, t, r, st, all);
                            for (Rating rating : kAllRatings) {
                                const MemoryState expected = next_memory_state(MemoryState{s, d}, t, rating, r, st, p);
                                ASSERT_EQ(fsrs.next_state(MemoryState{s, d}, t, rating, r, st), expected)
                                    << "S=" << s << " D=" << d << " t=" << t;
                                ASSERT_EQ(all[static_cast<int>(rating) - 1], expected);
                            }
                        }
                    }
                    ASSERT_EQ(fsrs.next_difficulty(d, Rating::Hard), next_difficulty(d, Rating::Hard, p));
                }
            }
        }
    }
}

TEST(FsrsInference, ExactIntervalIsTheUnroundedInterval)
{
    const FsrsInference fsrs(FsrsParams::defaults(), 0.9);
    EXPECT_DOUBLE_EQ(fsrs.exact_interval_days(12.4, 36500), 12.4); // at 90 % the interval is S
    EXPECT_EQ(fsrs.exact_interval_days(0.2, 36500), 1.0);            // at least a day
    EXPECT_EQ(fsrs.exact_interval_days(500, 100), 100.0);            // at most the maximum
    const FsrsInference low(FsrsParams::defaults(), 0.8);
    EXPECT_GT(low.exact_interval_days(10, 36500), 10.0);
    EXPECT_EQ(std::lround(low.exact_interval_days(10, 36500)), low.interval_days(10, 36500));
}

TEST(FsrsBounds, DefaultAndCustomWeightsAreInBounds)
{
    EXPECT_EQ(find_weight_out_of_bounds(FsrsParams::defaults()), std::nullopt);
    EXPECT_EQ(find_weight_out_of_bounds(custom_params()), std::nullopt);
}

TEST(FsrsBounds, ReportsTheFirstWeightOutOfRange)
{
    FsrsParams p = FsrsParams::defaults();
    p.w[20] = 0.05;
    EXPECT_EQ(find_weight_out_of_bounds(p), 20);
    p.w[7] = 0.8;
    EXPECT_EQ(find_weight_out_of_bounds(p), 7);
    p.w[0] = 0;
    EXPECT_EQ(find_weight_out_of_bounds(p), 0);

    FsrsParams q = FsrsParams::defaults();
    q.w[4] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(find_weight_out_of_bounds(q), 4);

    // The bounds themselves are inside.
    FsrsParams edge;
    for (int i = 0; i < kFsrsWeightCount; ++i)
        edge.w[i] = fsrs_weight_bounds()[i].high;
    EXPECT_EQ(find_weight_out_of_bounds(edge), std::nullopt);
}

} // namespace
} // namespace letopis
