// Short interval labels for the grade buttons: "1m", "10m", "3h", "3d", "1.2mo", "2.5y"; and
// learning steps as text ("1m, 10m") for options and the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace letopis {

std::string format_interval(int64_t interval_ms);

// "1m,10m" or "1m 10m" → {1, 10} minutes; units m, h, d; each step a whole number from 1 minute to
// 365 days. An empty or blank text is no steps. nullopt for anything else.
std::optional<std::vector<int32_t>> parse_steps(std::string_view text);
// {1, 10, 1440} → "1m 10m 1d": each step in the largest unit that divides it.
std::string format_steps(const std::vector<int32_t>& minutes);

} // namespace letopis
