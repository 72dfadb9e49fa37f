// Interval fuzz: spreads cards learned together over nearby days so that they do not keep coming
// back on the same day. Deterministic: the same card at the same review count always gets the same
// fuzz, so a preview and the answer that follows it agree, and a replay gives the same days.
#pragma once

#include <cstdint>

#include "util/ids.h"

namespace letopis {

// Whether the scheduler fuzzes intervals of 2.5 days and more. On in the app; off in replays and
// in tests unless a test turns it on.
enum class Fuzz : uint8_t { Off, On };

// A number in [0, 1) fixed by the card and the number of answers it has had before this one.
double fuzz_factor(CardId card, int32_t reviews);

struct FuzzRange {
    int32_t lower = 0; // days, inclusive
    int32_t upper = 0; // days, inclusive
};

// The days an interval of `interval_days` may be fuzzed to, kept inside [minimum, maximum]:
// ±(1 day + 15 % of the part between 2.5 and 7 days + 10 % of the part between 7 and 20 +
// 5 % of the part above 20), rounded; no fuzz below 2.5 days. Where the limits allow it, the range
// is at least two days wide once the interval is over two days.
FuzzRange fuzz_range(double interval_days, int32_t minimum, int32_t maximum);

// The day chosen in fuzz_range by `factor` (0 picks the lower end; just below 1 the upper end).
int32_t fuzzed_interval(double interval_days, double factor, int32_t minimum, int32_t maximum);

} // namespace letopis
