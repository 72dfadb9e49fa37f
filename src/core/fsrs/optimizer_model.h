// The FSRS-6 memory model as the optimizer trains it: one forward pass over a card's reviews gives
// the predicted recall at each of its items, one reverse pass the gradient over all 21 weights.
// It is the reference optimizer's training model (double precision, no 8-decimal rounding, no 0.1-day
// floor on a first stability, same-day answers always through the short-term formula).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/fsrs/fsrs.h"

namespace letopis {

using FsrsGradient = std::array<double, kFsrsWeightCount>;

// The weights and the constants derived from them, computed once per weight update.
struct FsrsModel {
    explicit FsrsModel(const FsrsParams& params);

    std::array<double, kFsrsWeightCount> w;
    double exp_w8;                 // e^w8
    double factor;                 // 0.9^(−1/w20) − 1
    double factor_dw20;            // d factor / d w20
    double exp_3w5;                // e^(3·w5)
    double easy_difficulty;        // D0(Easy) unclamped: w4 − e^(3·w5) + 1
    double lapse_ceiling;          // e^(−w17·w18): a lapse keeps at most this share of S
    std::array<double, 4> short_term;   // e^(w17·(G − 3 + w18)) for G = 1..4
    std::array<double, 4> initial_exp;  // e^(w5·(G − 1)) for G = 1..4
};

// One item of a card to train on: its review index within the card and its loss weight.
struct ItemTarget {
    uint32_t review = 0;
    double weight = 1;
};

// What the reverse pass needs from each step of the forward pass.
struct ModelStep {
    double s_prev = 0, d_prev = 0; // state before the review
    double r = 1, base = 1, ln_base = 0; // forgetting curve at this review's elapsed days
    double s_raw = 0, d_raw = 0;   // state after the review, before clamping
    double ln_s = 0, ln_d = 0, ln_s1 = 0;
    double p = 0, q = 0, e = 0;    // branch intermediates (see optimizer_model.cpp)
    uint8_t kind = 0;
    bool s_active = true, d_active = true; // false where a clamp cut the gradient
};

// Reused between cards so a fit allocates nothing per card.
struct ModelScratch {
    std::vector<ModelStep> steps;
};

// Sum of weighted binary cross-entropy over `targets` (ascending review indices ≥ 1, each with
// elapsed days > 0). `ratings` and `days` are the card's reviews in time order.
double card_loss(const FsrsModel& model, std::span<const uint8_t> ratings, std::span<const int32_t> days,
                 std::span<const ItemTarget> targets);

// The same loss; adds its gradient over the weights into `gradient`.
double card_loss_gradient(const FsrsModel& model, std::span<const uint8_t> ratings, std::span<const int32_t> days,
                          std::span<const ItemTarget> targets, FsrsGradient& gradient, ModelScratch& scratch);

// Predicted recall just before each review (R(t_k, S_(k−1))); 1 for the first and same-day reviews.
// `out` is resized to the card's length.
void card_retrievability(const FsrsModel& model, std::span<const uint8_t> ratings, std::span<const int32_t> days,
                         std::vector<double>& out);

// Single steps of the same model, for the simulator: the state after a card's first answer, after a
// later answer `days` whole days after the previous one, and recall after `days` (may be fractional).
MemoryState model_first_state(const FsrsModel& model, Rating rating);
MemoryState model_next_state(const FsrsModel& model, const MemoryState& state, int32_t days, Rating rating);
double model_retrievability(const FsrsModel& model, double days, double stability);

// A prediction kept inside (0, 1) so a confident miss costs a large but finite loss.
double clamp_probability(double p);

} // namespace letopis
