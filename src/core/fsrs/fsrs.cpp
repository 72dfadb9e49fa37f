// FSRS-6 formulas. Every intermediate the reference rounds to 8 decimals is rounded here too,
// at the same place, so that replays agree with it to the last printed digit.
#include "core/fsrs/fsrs.h"

#include <algorithm>
#include <cmath>

namespace letopis {

namespace {

constexpr std::array<WeightBounds, kFsrsWeightCount> kWeightBounds{{
    {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100}, // w0..w3: first-answer stability
    {1, 10},                                                // w4
    {0.001, 4},                                             // w5
    {0.001, 4},                                             // w6
    {0.001, 0.75},                                          // w7
    {0, 4.5},                                               // w8
    {0, 0.8},                                               // w9
    {0.001, 3.5},                                           // w10
    {0.001, 5},                                             // w11
    {0.001, 0.25},                                          // w12
    {0.001, 0.9},                                           // w13
    {0, 4},                                                 // w14
    {0, 1},                                                 // w15
    {1, 6},                                                 // w16
    {0, 2},                                                 // w17
    {0, 2},                                                 // w18
    {0.01, 0.8},                                            // w19
    {0.1, 0.8},                                             // w20
}};

// The reference keeps states at 8 decimals (JavaScript's toFixed(8)); doing the same keeps
// long replays from drifting apart in the last digits or flipping an interval at a .5 boundary.
double round8(double x)
{
    return std::round(x * 1e8) / 1e8;
}

double clamp_stability(double s)
{
    if (std::isnan(s))
        return kMinStability;
    return std::clamp(s, kMinStability, kMaxStability);
}

double clamp_difficulty(double d)
{
    if (std::isnan(d))
        return kMaxDifficulty;
    return std::clamp(d, kMinDifficulty, kMaxDifficulty);
}

int grade(Rating rating)
{
    return static_cast<int>(rating);
}

double initial_stability(Rating rating, const FsrsParams& params)
{
    return std::max(params.w[grade(rating) - 1], kMinInitialStability);
}

double recall_stability(double d, double s, double r, Rating rating, const FsrsParams& params)
{
    const auto& w = params.w;
    const double hard_penalty = rating == Rating::Hard ? w[15] : 1.0;
    const double easy_bonus = rating == Rating::Easy ? w[16] : 1.0;
    const double growth = std::exp(w[8]) * (11 - d) * std::pow(s, -w[9]) * (std::exp(w[10] * (1 - r)) - 1) *
                          hard_penalty * easy_bonus;
    return round8(clamp_stability(s * (1 + growth)));
}

double forget_stability(double d, double s, double r, const FsrsParams& params)
{
    const auto& w = params.w;
    const double sf = w[11] * std::pow(d, -w[12]) * (std::pow(s + 1, w[13]) - 1) * std::exp(w[14] * (1 - r));
    return round8(clamp_stability(sf));
}

double short_term_stability(double s, Rating rating, const FsrsParams& params)
{
    const auto& w = params.w;
    double sinc = std::pow(s, -w[19]) * std::exp(w[17] * (grade(rating) - 3 + w[18]));
    // A pass the same day never lowers stability; only Again may.
    if (rating >= Rating::Hard)
        sinc = std::max(sinc, 1.0);
    return round8(clamp_stability(s * sinc));
}

} // namespace

FsrsParams FsrsParams::defaults()
{
    return FsrsParams{{0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
                       1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542}};
}

const std::array<WeightBounds, kFsrsWeightCount>& fsrs_weight_bounds()
{
    return kWeightBounds;
}

std::optional<int> find_weight_out_of_bounds(const FsrsParams& params)
{
    for (int i = 0; i < kFsrsWeightCount; ++i) {
        const double w = params.w[i];
        // Written so that NaN fails the test too.
        if (!(w >= kWeightBounds[i].low && w <= kWeightBounds[i].high))
            return i;
    }
    return std::nullopt;
}

double fsrs_decay(const FsrsParams& params)
{
    return -params.w[20];
}

double fsrs_factor(const FsrsParams& params)
{
    return round8(std::pow(0.9, 1 / fsrs_decay(params)) - 1);
}

double retrievability(double elapsed_days, double stability, const FsrsParams& params)
{
    const double t = std::max(elapsed_days, 0.0);
    const double s = clamp_stability(stability);
    return round8(std::pow(1 + fsrs_factor(params) * t / s, fsrs_decay(params)));
}

double initial_difficulty_unclamped(Rating rating, const FsrsParams& params)
{
    const auto& w = params.w;
    return round8(w[4] - std::exp(w[5] * (grade(rating) - 1)) + 1);
}

MemoryState initial_state(Rating rating, const FsrsParams& params)
{
    return MemoryState{initial_stability(rating, params),
                       clamp_difficulty(initial_difficulty_unclamped(rating, params))};
}

double next_difficulty(double difficulty, Rating rating, const FsrsParams& params)
{
    const auto& w = params.w;
    const double d = clamp_difficulty(difficulty);
    const double delta = -w[6] * (grade(rating) - 3);
    // Linear damping: steps shrink as difficulty approaches 10.
    const double damped = d + round8(delta * (10 - d) / 9);
    // Mean reversion toward D0(Easy), deliberately unclamped (negative with the defaults), as in
    // the reference; clamping it would pull every card harder.
    const double reverted = round8(w[7] * initial_difficulty_unclamped(Rating::Easy, params) + (1 - w[7]) * damped);
    return clamp_difficulty(reverted);
}

MemoryState next_memory_state(const MemoryState& memory, int32_t elapsed_days, Rating rating,
                              double retrievability, ShortTerm short_term, const FsrsParams& params)
{
    const auto& w = params.w;
    const double s = clamp_stability(memory.stability);
    const double d = clamp_difficulty(memory.difficulty);
    const double r = std::isnan(retrievability) ? 1.0 : std::clamp(retrievability, 0.0, 1.0);
    const int32_t t = std::max(elapsed_days, 0);

    MemoryState next;
    next.difficulty = next_difficulty(d, rating, params);
    if (t == 0 && short_term == ShortTerm::On) {
        next.stability = short_term_stability(s, rating, params);
    } else if (rating == Rating::Again) {
        // A lapse never raises stability above the short-term Again value (S / e^(w17·w18)).
        // Without short-term the reference drops that factor, leaving S itself as the ceiling.
        const double ceiling_factor = short_term == ShortTerm::On ? std::exp(w[17] * w[18]) : 1.0;
        const double ceiling = std::max(round8(s / ceiling_factor), kMinStability);
        next.stability = std::min(ceiling, forget_stability(d, s, r, params));
    } else {
        next.stability = recall_stability(d, s, r, rating, params);
    }
    return next;
}

int32_t next_interval_days(double stability, double desired_retention, int32_t maximum_interval_days,
                           const FsrsParams& params)
{
    const int32_t maximum = std::max(maximum_interval_days, 1);
    // Retention 1 would mean an interval of 0 and retention 0 an infinite one; keep it inside.
    const double retention = std::isnan(desired_retention) ? 0.9 : std::clamp(desired_retention, 0.01, 0.999);
    // The reference scales stability by a modifier rounded to 8 decimals (exactly 1 at 0.9).
    const double modifier = round8((std::pow(retention, 1 / fsrs_decay(params)) - 1) / fsrs_factor(params));
    const double days = std::round(clamp_stability(stability) * modifier);
    return static_cast<int32_t>(std::clamp(days, 1.0, static_cast<double>(maximum)));
}

} // namespace letopis
