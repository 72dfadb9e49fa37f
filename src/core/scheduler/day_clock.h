// The learner's day: local time shifted by a rollover hour. "Today" is a pure function of the
// answer time, the UTC offset and the rollover hour.
#pragma once

#include <cstdint>

namespace letopis {

struct DayClock {
    int32_t utc_offset_minutes = 0; // local time − UTC, e.g. +180 for Moscow
    int32_t rollover_hour = 4;      // a new learning day starts at this local hour (0..23)
};

// Days since 1970-01-01 in the learner's calendar (a day starts at the rollover hour).
int64_t day_number(int64_t time_ms, const DayClock& clock);
// UTC ms at which the learner's day `day` starts.
int64_t day_start_ms(int64_t day, const DayClock& clock);

} // namespace letopis
