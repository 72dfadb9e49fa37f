// `letopis fsrs replay`: replays a review log through the scheduler, for comparison with the
// reference implementations (semantics in docs/fsrs.md).
#pragma once

#include <optional>
#include <string>

namespace letopis {

struct FsrsReplayOptions {
    std::string input;
    std::string mode = "default";
    std::string params;            // 21 comma-separated weights, empty for the defaults
    std::optional<double> retention;
    std::optional<int> max_interval;
    std::optional<std::string> learning_steps;   // e.g. "1m,10m"
    std::optional<std::string> relearning_steps; // e.g. "10m"
    std::string out;               // empty: stdout
};

// Returns the exit status: 0 done, 2 bad input (message on stderr, nothing on stdout).
int run_fsrs_replay(const FsrsReplayOptions& options);

} // namespace letopis
