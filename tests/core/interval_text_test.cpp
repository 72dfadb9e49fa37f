// Interval labels for the grade buttons, at each unit boundary; learning steps as text.
#include "core/scheduler/interval_text.h"

#include <gtest/gtest.h>

namespace letopis {
namespace {

constexpr int64_t kSecond = 1000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

TEST(IntervalText, Table)
{
    struct Case {
        int64_t ms;
        const char* text;
    };
    const Case cases[] = {
        {-5 * kMinute, "1m"},      // overdue still reads as the shortest step
        {0, "1m"},
        {10 * kSecond, "1m"},
        {1 * kMinute, "1m"},
        {6 * kMinute, "6m"},
        {10 * kMinute, "10m"},
        {59 * kMinute, "59m"},
        {59 * kMinute + 29 * kSecond, "59m"},
        {59 * kMinute + 30 * kSecond, "1h"}, // rounds to 60 minutes: an hour
        {1 * kHour, "1h"},
        {90 * kMinute, "2h"},
        {89 * kMinute, "1h"},
        {23 * kHour, "23h"},
        {23 * kHour + 30 * kMinute, "1d"},
        {1 * kDay, "1d"},
        {3 * kDay, "3d"},
        {29 * kDay, "29d"},
        {30 * kDay, "1mo"},
        {36 * kDay, "1.2mo"},
        {46 * kDay, "1.5mo"},
        {91 * kDay, "3mo"},
        {300 * kDay, "9.9mo"},
        {364 * kDay, "12mo"},
        {365 * kDay, "1y"},
        {548 * kDay, "1.5y"},
        {3650 * kDay, "10y"},
        {36500 * kDay, "100y"},
        {INT64_MAX, "1000000y"},
    };
    for (const Case& c : cases)
        EXPECT_EQ(format_interval(c.ms), c.text) << c.ms << " ms";
}

TEST(StepsText, ParsesMinutesHoursAndDays)
{
    using Steps = std::vector<int32_t>;
    EXPECT_EQ(parse_steps("1m,10m"), Steps({1, 10}));
    EXPECT_EQ(parse_steps("1m 10m"), Steps({1, 10}));
    EXPECT_EQ(parse_steps(" 10m, 1h ,2d "), Steps({10, 60, 2880}));
    EXPECT_EQ(parse_steps(""), Steps{});
    EXPECT_EQ(parse_steps("  "), Steps{});
    EXPECT_EQ(parse_steps("365d"), Steps({365 * 1440}));
    for (const char* bad : {"10", "m", "0m", "-5m", "10x", "1m10m", "1.5h", "366d", "10m;1h", "1mm"})
        EXPECT_FALSE(parse_steps(bad).has_value()) << bad;
}

TEST(StepsText, FormatsInTheLargestWholeUnitAndReadsBack)
{
    const std::vector<int32_t> steps = {1, 10, 90, 60, 1440, 2 * 1440, 1500, 1501};
    EXPECT_EQ(format_steps(steps), "1m 10m 90m 1h 1d 2d 25h 1501m");
    EXPECT_EQ(parse_steps(format_steps(steps)), steps);
    EXPECT_EQ(format_steps({}), "");
}

} // namespace
} // namespace letopis
