// Short interval labels for the grade buttons. Each unit is chosen after rounding, so 59.6
// minutes reads "1h", not "60m".
#include "core/scheduler/interval_text.h"

#include <charconv>
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

std::optional<std::vector<int32_t>> parse_steps(std::string_view text)
{
    constexpr int64_t kMaxStepMinutes = 365 * 1440;
    std::vector<int32_t> minutes;
    size_t pos = 0;
    while (true) {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',' || text[pos] == '\t'))
            ++pos;
        if (pos == text.size())
            return minutes;
        int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), value);
        if (ec != std::errc() || end == text.data() + text.size())
            return std::nullopt;
        const char unit = *end;
        const int64_t factor = unit == 'm' ? 1 : unit == 'h' ? 60 : unit == 'd' ? 1440 : 0;
        if (factor == 0 || value <= 0 || value * factor > kMaxStepMinutes)
            return std::nullopt;
        minutes.push_back(static_cast<int32_t>(value * factor));
        pos = static_cast<size_t>(end - text.data()) + 1;
        if (pos < text.size() && text[pos] != ' ' && text[pos] != ',' && text[pos] != '\t')
            return std::nullopt;
    }
}

std::string format_steps(const std::vector<int32_t>& minutes)
{
    std::string text;
    for (int32_t step : minutes) {
        if (!text.empty())
            text += ' ';
        if (step > 0 && step % 1440 == 0)
            text += std::to_string(step / 1440) + "d";
        else if (step > 0 && step % 60 == 0)
            text += std::to_string(step / 60) + "h";
        else
            text += std::to_string(step) + "m";
    }
    return text;
}

} // namespace letopis
