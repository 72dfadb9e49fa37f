// The app's only window on real time: the core and services are given these values.
#pragma once

#include <cstdint>

#include "core/scheduler/day_clock.h"

namespace letopis {

int64_t now_utc_ms();
// The learner's day with the local UTC offset at `time_ms` and a 4:00 rollover.
DayClock local_day_clock(int64_t time_ms);

} // namespace letopis
