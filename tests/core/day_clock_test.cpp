// The learner's day number and its inverse, around midnight, the rollover hour, extreme UTC
// offsets and times before 1970.
#include "core/scheduler/day_clock.h"

#include <gtest/gtest.h>

namespace letopis {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kJan1 = 1'704'067'200'000; // 2024-01-01T00:00Z
constexpr int64_t kJan1Day = 19'723;         // days from 1970-01-01 to 2024-01-01

TEST(DayClock, UtcWithMidnightRolloverIsTheCalendarDate)
{
    const DayClock utc{0, 0};
    EXPECT_EQ(day_number(kJan1, utc), kJan1Day);
    EXPECT_EQ(day_number(kJan1 - 1, utc), kJan1Day - 1);
    EXPECT_EQ(day_number(kJan1 + kDay - 1, utc), kJan1Day);
    EXPECT_EQ(day_number(0, utc), 0);
}

TEST(DayClock, DayStartsAtTheRolloverHour)
{
    const DayClock clock{0, 4};
    EXPECT_EQ(day_number(kJan1 + 4 * kHour, clock), kJan1Day);
    EXPECT_EQ(day_number(kJan1 + 4 * kHour - 1, clock), kJan1Day - 1);
    EXPECT_EQ(day_number(kJan1 + 23 * kHour + 59 * kMinute, clock), kJan1Day);
    EXPECT_EQ(day_number(kJan1 + kDay + 3 * kHour + 59 * kMinute, clock), kJan1Day);
    EXPECT_EQ(day_number(kJan1 + kDay + 4 * kHour + 1 * kMinute, clock), kJan1Day + 1);
}

TEST(DayClock, ExtremeUtcOffsets)
{
    // UTC+14 (Kiribati): 10:00Z on Jan 1 is midnight of Jan 2 there.
    const DayClock east{14 * 60, 0};
    EXPECT_EQ(day_number(kJan1 + 10 * kHour, east), kJan1Day + 1);
    EXPECT_EQ(day_number(kJan1 + 10 * kHour - 1, east), kJan1Day);
    // UTC−14: 14:00Z on Jan 1 is midnight of Jan 1 there; just before it is still Dec 31.
    const DayClock west{-14 * 60, 0};
    EXPECT_EQ(day_number(kJan1 + 14 * kHour, west), kJan1Day);
    EXPECT_EQ(day_number(kJan1 + 14 * kHour - 1, west), kJan1Day - 1);
    // With a 4:00 rollover on top.
    const DayClock west4{-14 * 60, 4};
    EXPECT_EQ(day_number(kJan1 + 18 * kHour, west4), kJan1Day);
    EXPECT_EQ(day_number(kJan1 + 18 * kHour - 1, west4), kJan1Day - 1);
}

TEST(DayClock, FloorsBeforeNineteenSeventy)
{
    const DayClock utc{0, 0};
    EXPECT_EQ(day_number(-1, utc), -1);
    EXPECT_EQ(day_number(-kDay, utc), -1);
    EXPECT_EQ(day_number(-kDay - 1, utc), -2);
    EXPECT_EQ(day_number(kHour, DayClock{0, 4}), -1);
}

TEST(DayClock, DayStartIsTheInverse)
{
    const DayClock clocks[] = {{0, 0}, {0, 4}, {180, 4}, {840, 4}, {-840, 4}, {-840, 23}, {330, 0}};
    for (const DayClock& clock : clocks) {
        for (int64_t day : {int64_t{-800}, int64_t{-1}, int64_t{0}, kJan1Day, kJan1Day + 365}) {
            const int64_t start = day_start_ms(day, clock);
            EXPECT_EQ(day_number(start, clock), day) << clock.utc_offset_minutes << "/" << clock.rollover_hour;
            EXPECT_EQ(day_number(start - 1, clock), day - 1);
            EXPECT_EQ(day_start_ms(day + 1, clock) - start, kDay);
        }
    }
    // Moscow, rollover 4:00: the learning day of 2024-01-01 starts at 01:00Z.
    EXPECT_EQ(day_start_ms(kJan1Day, DayClock{180, 4}), kJan1 + 1 * kHour);
}

TEST(DayClock, MidnightToFourIsStillYesterday)
{
    // 23:59 → 04:01 is a new learning day; 23:59 → 03:59 is not; in every zone the same.
    for (int32_t offset : {-14 * 60, -9 * 60 - 30, -5 * 60, 0, 3 * 60, 5 * 60 + 45, 14 * 60}) {
        const DayClock clock{offset, 4};
        const int64_t local_midnight = kJan1 + kDay - offset * kMinute; // 2024-01-02 00:00 local
        const int64_t before = local_midnight - kMinute;                  // 01-01 23:59
        EXPECT_EQ(day_number(local_midnight + 4 * kHour + kMinute, clock), day_number(before, clock) + 1) << offset;
        EXPECT_EQ(day_number(local_midnight + 3 * kHour + 59 * kMinute, clock), day_number(before, clock)) << offset;
        EXPECT_EQ(day_number(local_midnight + 4 * kHour, clock), day_number(before, clock) + 1) << offset;
    }
}

TEST(DayClock, DaylightSavingDaysAreAnHourShorterOrLonger)
{
    // The clock is given the offset in effect; a day that starts under one offset and ends under
    // the next is 23 or 25 hours long. Central Europe, 2024: summer time from 31 March.
    const DayClock winter{60, 4}, summer{120, 4};
    constexpr int64_t kMar31Day = 19'813; // 2024-03-31
    const int64_t starts = day_start_ms(kMar31Day, winter);
    const int64_t ends = day_start_ms(kMar31Day + 1, summer);
    EXPECT_EQ(ends - starts, 23 * kHour);
    EXPECT_EQ(day_number(starts, winter), kMar31Day);
    EXPECT_EQ(day_number(ends - 1, summer), kMar31Day);
    EXPECT_EQ(day_start_ms(kMar31Day + 1, winter) - day_start_ms(kMar31Day, summer), 25 * kHour);
}

} // namespace
} // namespace letopis
