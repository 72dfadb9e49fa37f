// Replays a review log through the scheduler, text in and text out, for `letopis fsrs replay`
// and for comparing our FSRS with the reference implementation's output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/card.h"
#include "core/scheduler/scheduler.h"
#include "util/result.h"

namespace letopis {

// One line of the input CSV `card_id,review_time_ms,rating` (UTC Unix ms).
struct ReplayReview {
    int64_t card_id = 0;
    int64_t review_time_ms = 0;
    Rating rating = Rating::Good;
};

// One line of the output CSV.
struct ReplayRow {
    int64_t card_id = 0;
    int64_t review_time_ms = 0;
    Rating rating = Rating::Good;
    double stability = 0;      // days, after the review
    double difficulty = 0;     // after the review
    double retrievability = 0; // just before the review; 0 on a card's first review
    int32_t scheduled_days = 0; // after the review; 0 while in a minutes-long step
};

inline constexpr std::string_view kReplayInputHeader = "card_id,review_time_ms,rating";
inline constexpr std::string_view kReplayOutputHeader =
    "card_id,review_time_ms,rating,stability,difficulty,retrievability,scheduled_days";

// The configuration of a reference mode: "default" (learning steps, short-term on) or
// "longterm" (no steps, short-term off, as the reference's long-term scheduler). Weights,
// retention and maximum interval stay at their defaults for the caller to change.
std::optional<SchedulerConfig> replay_config(std::string_view mode);

// Parses the input CSV. The header line must be exactly kReplayInputHeader; a trailing empty line
// and CRLF line ends are accepted. Errors are ErrorKind::Parse with "FILE:LINE: what is wrong".
Result<std::vector<ReplayReview>> parse_replay_csv(std::string_view text, std::string_view file_name);

// Runs each card's reviews, in input order, through next_states with the learner's day in UTC
// (DayClock{0, 0}). Rows come out in input order.
std::vector<ReplayRow> replay_reviews(const std::vector<ReplayReview>& reviews, const SchedulerConfig& config);

// parse_replay_csv, then replay_reviews.
Result<std::vector<ReplayRow>> replay_csv(std::string_view text, std::string_view file_name,
                                          const SchedulerConfig& config);

// The output CSV: kReplayOutputHeader, then one line per row, each ending in '\n'. Numbers are
// printed like the reference: at most 8 decimals, trailing zeros dropped.
std::string format_replay_csv(const std::vector<ReplayRow>& rows);

} // namespace letopis
