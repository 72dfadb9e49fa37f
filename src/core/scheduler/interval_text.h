// Short interval labels for the grade buttons: "1m", "10m", "3h", "3d", "1.2mo", "2.5y".
#pragma once

#include <cstdint>
#include <string>

namespace letopis {

std::string format_interval(int64_t interval_ms);

} // namespace letopis
