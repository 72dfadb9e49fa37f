// How well a set of weights predicts recall on a set of items: log loss and RMSE over bins, the two
// figures the reference benchmark reports. One evaluator for every weight set being compared.
#pragma once

#include <cstdint>

#include "core/fsrs/fsrs.h"
#include "core/fsrs/optimizer_data.h"

namespace letopis {

struct FsrsMetrics {
    double log_loss = 0;  // mean binary cross-entropy of the predicted recall
    double rmse_bins = 0; // see evaluate_fsrs_params
    int64_t items = 0;
};

// Predicts each item from its card's earlier reviews (the optimizer's model). RMSE(bins): items are
// binned by (elapsed days, long-term review count, long-term lapse count) on the reference's
// logarithmic scales; the root of the count-weighted mean squared gap between mean prediction and
// recall rate per bin. Zeros when `items` is empty.
FsrsMetrics evaluate_fsrs_params(const ReviewDataset& dataset, const ItemSubset& items, const FsrsParams& params);

} // namespace letopis
