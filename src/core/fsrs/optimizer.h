// Fits the 21 FSRS-6 weights to a learner's review log the way the reference optimizer (fsrs-rs 6.5)
// does: outlier filter, first stabilities per first rating, then Adam with a cosine learning rate
// over recency-weighted items, an L2 pull toward the starting weights, each weight clipped to its
// published bounds after every step, and the best epoch kept. Pure and deterministic.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/fsrs/fsrs.h"
#include "core/fsrs/optimizer_data.h"
#include "core/fsrs/optimizer_eval.h"

namespace letopis {

struct OptimizerOptions {
    int32_t epochs = 5;
    // Items per Adam step. A batch takes whole cards (one pass over a card serves all its items)
    // and closes once it holds at least this many items.
    int32_t batch_size = 512;
    double learning_rate = 0.04;        // cosine-annealed toward 0 over all steps
    int32_t max_history = 256;          // items with a longer history (reviews incl. itself) are not trained on
    double l2_strength = 1.0;           // pull toward the starting weights, scaled by the data's size
    uint64_t seed = 2023;               // shuffles the cards of each epoch
    // Worker threads for the gradient of each batch (1: the calling thread alone). Each batch is cut
    // into the same fixed lanes whatever this is, and lanes are summed in order, so the weights
    // come out identical for every value.
    int32_t threads = 1;
};

// Below kMinItemsToFit training items the defaults are returned; below kMinItemsToFitAll only the
// first stabilities w0..w3 are fitted (the reference's thresholds). An item is a review answered at
// least a day after the card's previous one.
inline constexpr int64_t kMinItemsToFit = 8;
inline constexpr int64_t kMinItemsToFitAll = 64;

enum class FitScope : uint8_t {
    Defaults,         // too little data: the default weights
    InitialStability, // only w0..w3 fitted, the rest default
    All,              // every weight fitted
};

struct OptimizerFit {
    FsrsParams params = FsrsParams::defaults();
    FitScope scope = FitScope::Defaults;
    int64_t items = 0;        // training items after the outlier filter
    int64_t items_needed = 0; // more items needed before every weight is fitted; 0 when scope is All
    int32_t best_epoch = 0;   // the epoch whose weights were kept (1-based; 0 when not trained)
};

// Called with the progress in [0, 1]; returning false cancels the fit.
using OptimizerProgress = std::function<bool(double)>;

// Fits to `items` (a time-ordered subset of dataset.items). nullopt only when cancelled.
std::optional<OptimizerFit> fit_fsrs_params(const ReviewDataset& dataset, const ItemSubset& items,
                                            const OptimizerOptions& options = {},
                                            const OptimizerProgress& progress = {});

// What `letopis fsrs optimize` and the deck options show.
struct OptimizationReport {
    OptimizerFit fit; // on every item: the weights to apply
    // On the last 20 % of the items by time, which the weights compared here were not fitted on:
    // weights fitted to the first 80 %, the defaults, and the learner's current weights. Absent when
    // there are too few items to hold any back.
    std::optional<FsrsMetrics> fitted, defaults, current;
    int64_t reviews = 0;
    int64_t cards = 0;
    int64_t items = 0;
};

inline constexpr double kHeldOutFraction = 0.2;

// Both fits and the evaluation. nullopt only when cancelled.
std::optional<OptimizationReport> optimize_fsrs(const ReviewDataset& dataset, const FsrsParams& current,
                                                const OptimizerOptions& options = {},
                                                const OptimizerProgress& progress = {});

} // namespace letopis
