// Wall-clock time and the local UTC offset.
#include "app/clock.h"

#include <chrono>
#include <ctime>

namespace letopis {

int64_t now_utc_ms()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

DayClock local_day_clock(int64_t time_ms)
{
    const std::time_t seconds = static_cast<std::time_t>(time_ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return DayClock{static_cast<int32_t>(local.tm_gmtoff / 60), 4};
}

} // namespace letopis
