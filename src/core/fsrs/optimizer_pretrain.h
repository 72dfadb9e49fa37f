// Before gradient descent, as the reference optimizer does: drop cards whose first interval of a day
// or more is rare or very long for their first rating, and fit the first stabilities w0..w3 from how
// often each first rating was recalled at its first long-term review.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "core/fsrs/optimizer_data.h"

namespace letopis {

struct OutlierFilterResult {
    ItemSubset train;   // the items kept, in time order
    ItemSubset initial; // those of them that are their card's first review after a day or more
};

// Groups the first long-term reviews by (first rating, elapsed days). Per first rating the smallest
// groups holding together under 5 % of its items (at least 20) are removed, and so is every group
// under 6 items or beyond 100 days (365 for Easy); every item of a removed group's cards goes too.
OutlierFilterResult filter_outliers(const ReviewDataset& dataset, const ItemSubset& items);

struct InitialStability {
    std::array<double, 4> stability{};   // w0..w3, days
    std::array<int64_t, 4> count{};      // first long-term reviews per first rating
    bool fitted = false;                 // false when there was no first long-term review at all
};

// Fits each first rating's stability to its first long-term reviews (recall smoothed toward
// `average_recall`, a light pull toward the default), then smooth_initial_stability.
InitialStability fit_initial_stability(const ReviewDataset& dataset, const ItemSubset& initial, double average_recall);

// Keeps only ratings with data (`count` > 0), orders them so a better first rating never means a
// shorter memory, fills the ratings without data from the others by the published ratios, and clamps
// to [0.001, 100]. nullopt when no rating has data.
std::optional<std::array<double, 4>> smooth_initial_stability(const std::array<std::optional<double>, 4>& stability,
                                                              const std::array<int64_t, 4>& count);

} // namespace letopis
