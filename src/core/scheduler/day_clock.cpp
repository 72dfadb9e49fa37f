// The learner's day number: local time minus the rollover hour, floored to whole days.
#include "core/scheduler/day_clock.h"

namespace letopis {

namespace {

constexpr int64_t kMsPerDay = 86'400'000;
constexpr int64_t kMsPerHour = 3'600'000;
constexpr int64_t kMsPerMinute = 60'000;

// Floor division: answers before 1970 (or shifted before it by the offset) still land on the
// right day instead of being rounded toward zero.
int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

int64_t shift_ms(const DayClock& clock)
{
    return static_cast<int64_t>(clock.utc_offset_minutes) * kMsPerMinute -
           static_cast<int64_t>(clock.rollover_hour) * kMsPerHour;
}

} // namespace

int64_t day_number(int64_t time_ms, const DayClock& clock)
{
    return floor_div(time_ms + shift_ms(clock), kMsPerDay);
}

int64_t day_start_ms(int64_t day, const DayClock& clock)
{
    return day * kMsPerDay - shift_ms(clock);
}

} // namespace letopis
