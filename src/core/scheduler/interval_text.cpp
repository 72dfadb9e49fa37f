// Short interval labels for the grade buttons. Each unit is chosen after rounding, so 59.6
// minutes reads "1h", not "60m".
#include "core/scheduler/interval_text.h"

#include <cmath>
#include <cstdio>

namespace letopis {

namespace {

constexpr int64_t kMsPerMinute = 60'000;
constexpr int64_t kMsPerHour = 60 * kMsPerMinute;
constexpr int64_t kMsPerDay = 24 * kMsPerHour;
constexpr double kDaysPerYear = 365;
constexpr double kDaysPerMonth = kDaysPerYear / 12;

// Rounds half up for the non-negative intervals we label.
int64_t round_div(int64_t value, int64_t unit)
{
    return (value + unit / 2) / unit;
}

// "3" for 3.0, "1.2" for 1.23: one decimal only where it says something.
std::string one_decimal(double value)
{
    const double rounded = std::round(value * 10) / 10;
    char buffer[32];
    if (rounded == std::floor(rounded))
        std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
    return buffer;
}

} // namespace

std::string format_interval(int64_t interval_ms)
{
    // A due-now or slightly negative interval still reads as the shortest step; the upper cap
    // only keeps the rounding below from overflowing.
    constexpr int64_t kMaxMs = kMsPerDay * 365 * 1'000'000;
    const int64_t ms = interval_ms < 0 ? 0 : (interval_ms > kMaxMs ? kMaxMs : interval_ms);
    const int64_t minutes = round_div(ms, kMsPerMinute);
    if (minutes < 60)
        return std::to_string(minutes < 1 ? 1 : minutes) + "m";
    const int64_t hours = round_div(ms, kMsPerHour);
    if (hours < 24)
        return std::to_string(hours) + "h";
    const int64_t days = round_div(ms, kMsPerDay);
    if (days < 30)
        return std::to_string(days) + "d";
    if (days < 365)
        return one_decimal(static_cast<double>(days) / kDaysPerMonth) + "mo";
    return one_decimal(static_cast<double>(days) / kDaysPerYear) + "y";
}

} // namespace letopis
