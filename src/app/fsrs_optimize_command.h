// `letopis fsrs optimize`: fits the FSRS weights to a review log (a CSV, or the collection's own log)
// and prints them, with held-out figures under --json (docs/fsrs.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace letopis {

struct FsrsOptimizeOptions {
    std::string input;                 // card_id,review_time_ms,rating; empty: the collection's log
    std::filesystem::path collection;  // read when there is no input
    bool json = false;
    std::optional<int> utc_offset_minutes; // default: this computer's
    std::optional<int> rollover_hour;      // default: 4
};

// Returns the exit status: 0 done, 2 bad input or an unreadable collection (message on stderr).
int run_fsrs_optimize(const FsrsOptimizeOptions& options);

} // namespace letopis
