// Today's queue for one deck, assembled from candidate cards: learning cards first, then reviews
// by lowest retrievability with new cards spread evenly among them, within the daily limits and
// with at most one card of a note (its two directions are siblings) a day. Pure: the caller
// fetches the candidates and passes the time in.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_set>
#include <vector>

#include "core/fsrs/fsrs.h"
#include "core/model/card.h"
#include "core/scheduler/day_clock.h"

namespace letopis {

// What is left of today's limits (the deck's limit minus what was studied today), never negative.
struct DailyLimits {
    int32_t new_cards = 20;
    int32_t reviews = 200;
};

struct QueueCandidates {
    // Learning, Relearning and Review cards due before today ends, in any order.
    std::span<const Card> due;
    // New cards in the order they are to be introduced (deck order).
    std::span<const Card> fresh;
    // Notes with an answer today: their other cards wait for another day.
    const std::unordered_set<NoteId>* studied_notes = nullptr;
};

struct DailyQueue {
    // Learning cards to show now: steps due by now, and steps of a day or more due today; by due.
    std::vector<Card> learning;
    // Learning steps due later today, by due time (shown when they come due, or early when
    // nothing else is left).
    std::vector<Card> later;
    // Reviews, lowest retrievability first, with the new cards spread evenly among them.
    std::vector<Card> main;
    int32_t review_count = 0; // reviews in `main`
    int32_t new_count = 0;    // new cards in `main`
    // How many of `fresh` were looked at; when it is all of them and new_count is still below the
    // limit, more new cards might fill the gap.
    size_t fresh_examined = 0;
};

// True when a learning card is in a step of a day or more, due by the day rather than the minute.
bool in_day_step(const CardSchedule& card);

// Builds the queue at `now_ms`. Retrievability for ordering reviews is the scheduler's: whole
// learner days since the last answer. Ties go to the card due first, then the lower id.
DailyQueue build_daily_queue(const QueueCandidates& candidates, const DailyLimits& limits, int64_t now_ms,
                             const DayClock& clock, const FsrsInference& fsrs);

// Spreads `new_cards` new cards evenly among `reviews` reviews: for each position of the merged
// sequence, whether it is a new card. The runs of reviews before, between and after the new cards
// differ in length by one at most.
std::vector<bool> interleave_pattern(int32_t reviews, int32_t new_cards);

} // namespace letopis
