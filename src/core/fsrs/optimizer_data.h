// The review log as the FSRS optimizer sees it: each card's ratings and whole elapsed days, and the
// training items (one per review at least a day after the card's previous one), in time order.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/model/card.h"
#include "core/scheduler/day_clock.h"

namespace letopis {

// One answer of a review log.
struct ReviewLogEntry {
    int64_t card_id = 0;
    int64_t time_ms = 0; // UTC ms
    Rating rating = Rating::Good;
};

// Review `review` (≥ 1) of card `card`: its label is whether it was recalled (rating > Again), its
// prediction the recall probability left by the card's reviews before it.
struct TrainingItem {
    uint32_t card = 0;   // index into ReviewDataset::card_ids
    uint32_t review = 0; // index of the review within its card
    int64_t time_ms = 0; // when it was answered
};

struct ReviewDataset {
    std::vector<int64_t> card_ids;     // ascending
    std::vector<uint32_t> card_begin;  // card c's reviews are [card_begin[c], card_begin[c + 1])
    std::vector<uint8_t> ratings;      // per review, 1..4, each card's in time order
    std::vector<int32_t> elapsed_days; // learner's days since the card's previous review; 0 on its first
    std::vector<TrainingItem> items;   // every review with elapsed_days > 0, by time, then card, then review

    size_t card_count() const { return card_ids.size(); }
    size_t review_count() const { return ratings.size(); }
    uint32_t card_length(uint32_t card) const { return card_begin[card + 1] - card_begin[card]; }
    std::span<const uint8_t> card_ratings(uint32_t card) const
    {
        return {ratings.data() + card_begin[card], card_length(card)};
    }
    std::span<const int32_t> card_days(uint32_t card) const
    {
        return {elapsed_days.data() + card_begin[card], card_length(card)};
    }
};

// Groups the log by card (in any input order; answers of a card are ordered by time, ties kept in
// input order) and counts elapsed days in the learner's calendar (`clock`).
ReviewDataset build_review_dataset(std::span<const ReviewLogEntry> log, const DayClock& clock);

// Indices into ReviewDataset::items; ascending, so also in time order.
using ItemSubset = std::vector<uint32_t>;

ItemSubset all_items(const ReviewDataset& dataset);

// The first `train_fraction` of the items (by time) to fit on, the rest to evaluate on.
struct TimeSplit {
    ItemSubset train;
    ItemSubset test;
};
TimeSplit split_items_by_time(const ReviewDataset& dataset, double train_fraction);

} // namespace letopis
