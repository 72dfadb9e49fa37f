// Fuzz ranges as Anki applies them to review intervals, and a seeded factor that needs no RNG.
#include "core/scheduler/fuzz.h"

#include <algorithm>
#include <cmath>

namespace letopis {

namespace {

struct FuzzBand {
    double start; // days
    double end;   // days
    double factor;
};

// The share of each day of the interval, band by band, that may move.
constexpr FuzzBand kFuzzBands[] = {
    {2.5, 7.0, 0.15},
    {7.0, 20.0, 0.10},
    {20.0, 1e300, 0.05},
};

constexpr double kMinFuzzedInterval = 2.5; // days

// How far the interval may move either way.
double fuzz_delta(double interval_days)
{
    if (interval_days < kMinFuzzedInterval)
        return 0;
    double delta = 1;
    for (const FuzzBand& band : kFuzzBands)
        delta += band.factor * std::max(std::min(interval_days, band.end) - band.start, 0.0);
    return delta;
}

int32_t rounded_days(double days)
{
    // Negative lower ends (impossible above 2.5 days, but cheap to guard) count as 0.
    return static_cast<int32_t>(std::max(std::round(days), 0.0));
}

// SplitMix64's finaliser: every input bit affects every output bit, so consecutive card ids and
// review counts give unrelated factors.
uint64_t mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

double fuzz_factor(CardId card, int32_t reviews)
{
    const uint64_t seed = mix(static_cast<uint64_t>(card.value)) ^ static_cast<uint64_t>(static_cast<uint32_t>(reviews));
    // The top 53 bits make a double in [0, 1) with every value equally likely.
    return static_cast<double>(mix(seed) >> 11) * 0x1.0p-53;
}

FuzzRange fuzz_range(double interval_days, int32_t minimum, int32_t maximum)
{
    maximum = std::max(maximum, 1);
    minimum = std::clamp(minimum, 1, maximum);
    const double interval = std::isnan(interval_days)
                                ? static_cast<double>(minimum)
                                : std::clamp(interval_days, static_cast<double>(minimum), static_cast<double>(maximum));
    const double delta = fuzz_delta(interval);
    FuzzRange range{std::clamp(rounded_days(interval - delta), minimum, maximum),
                    std::clamp(rounded_days(interval + delta), minimum, maximum)};
    // A limit that squeezed the range to one day would leave no fuzz at all; widen it by a day.
    if (range.upper == range.lower && range.upper > 2 && range.upper < maximum)
        range.upper = range.lower + 1;
    return range;
}

int32_t fuzzed_interval(double interval_days, double factor, int32_t minimum, int32_t maximum)
{
    const FuzzRange range = fuzz_range(interval_days, minimum, maximum);
    const double f = std::isnan(factor) ? 0.0 : std::clamp(factor, 0.0, 0.999999999);
    const auto chosen = static_cast<int32_t>(std::floor(range.lower + f * (1 + range.upper - range.lower)));
    return std::clamp(chosen, range.lower, range.upper);
}

} // namespace letopis
