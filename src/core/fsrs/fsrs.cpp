// FSRS-6 formulas. Every intermediate the reference rounds to 8 decimals is rounded here too,
// at the same place, so that replays agree with it to the last printed digit.
#include "core/fsrs/fsrs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

// Rounds half away from zero, as std::round, but inline: the libm call was a measurable part of
// a replay. Exact for every double: the 2^52 trick rounds to nearest-even, and a tie that went down
// is moved up. Values of 2^52 and above (and NaN) are integers or not numbers already.
inline double round_half_away(double x)
{
    constexpr double kTwo52 = 4503599627370496.0;
    const double a = std::fabs(x);
    if (!(a < kTwo52))
        return x;
    double r = (a + kTwo52) - kTwo52;
    if (a - r == 0.5)
        r += 1.0;
    return std::copysign(r, x);
}

// The reference keeps states at 8 decimals (JavaScript's toFixed(8)); doing the same keeps
// long replays from drifting apart in the last digits or flipping an interval at a .5 boundary.
inline double round8(double x)
{
    return round_half_away(x * 1e8) / 1e8;
}

inline double clamp_stability(double s)
{
    if (std::isnan(s))
        return kMinStability;
    return std::clamp(s, kMinStability, kMaxStability);
}

inline double clamp_difficulty(double d)
{
    if (std::isnan(d))
        return kMaxDifficulty;
    return std::clamp(d, kMinDifficulty, kMaxDifficulty);
}

inline int grade(Rating rating)
{
    return static_cast<int>(rating);
}

inline int index_of(Rating rating)
{
    return static_cast<int>(rating) - 1;
}

inline double clamp_retrievability(double r)
{
    return std::isnan(r) ? 1.0 : std::clamp(r, 0.0, 1.0);
}

// The formulas below take whatever depends only on the weights as arguments, so the free
// functions (which work it out on each call) and FsrsInference (which works it out once) share the
// very same arithmetic, in the same order, and so give the same bits.

double initial_stability(Rating rating, const FsrsParams& params)
{
    return std::max(params.w[grade(rating) - 1], kMinInitialStability);
}

double d0_unclamped(Rating rating, const FsrsParams& params)
{
    const auto& w = params.w;
    return round8(w[4] - std::exp(w[5] * (grade(rating) - 1)) + 1);
}

inline double retrievability_with(double elapsed_days, double stability, double factor, double decay)
{
    const double t = std::max(elapsed_days, 0.0);
    const double s = clamp_stability(stability);
    return round8(std::pow(1 + factor * t / s, decay));
}

// `d` is already clamped.
inline double next_difficulty_with(double d, Rating rating, double d0_easy, const FsrsParams& params)
{
    const auto& w = params.w;
    const double delta = -w[6] * (grade(rating) - 3);
    // Linear damping: steps shrink as difficulty approaches 10.
    const double damped = d + round8(delta * (10 - d) / 9);
    // Mean reversion toward D0(Easy), deliberately unclamped (negative with the defaults), as in
    // the reference; clamping it would pull every card harder.
    const double reverted = round8(w[7] * d0_easy + (1 - w[7]) * damped);
    return clamp_difficulty(reverted);
}

// The part of the recall growth that Hard, Good and Easy share:
// e^w8 · (11 − D) · S^(−w9) · (e^(w10·(1−R)) − 1).
inline double recall_base(double d, double s, double r, double exp_w8, const FsrsParams& params)
{
    const auto& w = params.w;
    return exp_w8 * (11 - d) * std::pow(s, -w[9]) * (std::exp(w[10] * (1 - r)) - 1);
}

inline double recall_stability_from_base(double s, double base, Rating rating, const FsrsParams& params)
{
    const auto& w = params.w;
    const double hard_penalty = rating == Rating::Hard ? w[15] : 1.0;
    const double easy_bonus = rating == Rating::Easy ? w[16] : 1.0;
    const double growth = base * hard_penalty * easy_bonus;
    return round8(clamp_stability(s * (1 + growth)));
}

// A lapse never raises stability above the short-term Again value (S / e^(w17·w18)). Without
// short-term the reference drops that factor, leaving S itself as the ceiling.
inline double lapse_stability(double d, double s, double r, double ceiling_factor, const FsrsParams& params)
{
    const auto& w = params.w;
    const double sf = w[11] * std::pow(d, -w[12]) * (std::pow(s + 1, w[13]) - 1) * std::exp(w[14] * (1 - r));
    const double forget = round8(clamp_stability(sf));
    const double ceiling = std::max(round8(s / ceiling_factor), kMinStability);
    return std::min(ceiling, forget);
}

// `s_pow` is S^(−w19); `growth` is e^(w17·(G−3+w18)).
inline double short_term_stability_with(double s, double s_pow, double growth, Rating rating)
{
    double sinc = s_pow * growth;
    // A pass the same day never lowers stability; only Again may.
    if (rating >= Rating::Hard)
        sinc = std::max(sinc, 1.0);
    return round8(clamp_stability(s * sinc));
}

inline double short_term_growth(Rating rating, const FsrsParams& params)
{
    const auto& w = params.w;
    return std::exp(w[17] * (grade(rating) - 3 + w[18]));
}

inline double ceiling_factor_for(ShortTerm short_term, const FsrsParams& params)
{
    const auto& w = params.w;
    return short_term == ShortTerm::On ? std::exp(w[17] * w[18]) : 1.0;
}

inline double clamp_retention(double desired_retention)
{
    // Retention 1 would mean an interval of 0 and retention 0 an infinite one; keep it inside.
    return std::isnan(desired_retention) ? 0.9 : std::clamp(desired_retention, 0.01, 0.999);
}

inline double interval_modifier(double desired_retention, double factor, double decay)
{
    // The reference scales stability by a modifier rounded to 8 decimals (exactly 1 at 0.9).
    return round8((std::pow(clamp_retention(desired_retention), 1 / decay) - 1) / factor);
}

inline int32_t interval_days_with(double stability, double modifier, int32_t maximum_interval_days)
{
    const int32_t maximum = std::max(maximum_interval_days, 1);
    const double days = round_half_away(clamp_stability(stability) * modifier);
    return static_cast<int32_t>(std::clamp(days, 1.0, static_cast<double>(maximum)));
}

} // namespace

std::string format_weights(const FsrsParams& params, WeightDigits digits)
{
    std::string text;
    char buffer[40];
    for (int i = 0; i < kFsrsWeightCount; ++i) {
        if (digits == WeightDigits::Exact)
            std::snprintf(buffer, sizeof buffer, "%s%.17g", i ? "," : "", params.w[i]);
        else
            std::snprintf(buffer, sizeof buffer, "%s%.4f", i ? "," : "", params.w[i]);
        text += buffer;
    }
    return text;
}

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
    return retrievability_with(elapsed_days, stability, fsrs_factor(params), fsrs_decay(params));
}

double initial_difficulty_unclamped(Rating rating, const FsrsParams& params)
{
    return d0_unclamped(rating, params);
}

MemoryState initial_state(Rating rating, const FsrsParams& params)
{
    return MemoryState{initial_stability(rating, params), clamp_difficulty(d0_unclamped(rating, params))};
}

double next_difficulty(double difficulty, Rating rating, const FsrsParams& params)
{
    return next_difficulty_with(clamp_difficulty(difficulty), rating, d0_unclamped(Rating::Easy, params), params);
}

MemoryState next_memory_state(const MemoryState& memory, int32_t elapsed_days, Rating rating,
                              double retrievability, ShortTerm short_term, const FsrsParams& params)
{
    const double s = clamp_stability(memory.stability);
    const double d = clamp_difficulty(memory.difficulty);
    const double r = clamp_retrievability(retrievability);
    const int32_t t = std::max(elapsed_days, 0);

    MemoryState next;
    next.difficulty = next_difficulty_with(d, rating, d0_unclamped(Rating::Easy, params), params);
    if (t == 0 && short_term == ShortTerm::On)
        next.stability =
            short_term_stability_with(s, std::pow(s, -params.w[19]), short_term_growth(rating, params), rating);
    else if (rating == Rating::Again)
        next.stability = lapse_stability(d, s, r, ceiling_factor_for(short_term, params), params);
    else
        next.stability = recall_stability_from_base(s, recall_base(d, s, r, std::exp(params.w[8]), params), rating,
                                                    params);
    return next;
}

int32_t next_interval_days(double stability, double desired_retention, int32_t maximum_interval_days,
                           const FsrsParams& params)
{
    const double modifier = interval_modifier(desired_retention, fsrs_factor(params), fsrs_decay(params));
    return interval_days_with(stability, modifier, maximum_interval_days);
}

// --- FsrsInference ---

FsrsInference::FsrsInference(const FsrsParams& params, double desired_retention)
    : m_params(params), m_retention(desired_retention)
{
    m_decay = fsrs_decay(params);
    m_factor = fsrs_factor(params);
    m_exp_w8 = std::exp(params.w[8]);
    m_d0_easy = d0_unclamped(Rating::Easy, params);
    m_ceiling_factor = ceiling_factor_for(ShortTerm::On, params);
    m_interval_modifier = interval_modifier(desired_retention, m_factor, m_decay);
    for (Rating rating : kAllRatings) {
        m_short_term_factor[index_of(rating)] = short_term_growth(rating, params);
        m_initial[index_of(rating)] = letopis::initial_state(rating, params);
    }
}

double FsrsInference::retrievability(double elapsed_days, double stability) const
{
    return retrievability_with(elapsed_days, stability, m_factor, m_decay);
}

double FsrsInference::next_difficulty(double difficulty, Rating rating) const
{
    return next_difficulty_with(clamp_difficulty(difficulty), rating, m_d0_easy, m_params);
}

MemoryState FsrsInference::next_state(const MemoryState& memory, int32_t elapsed_days, Rating rating,
                                  double retrievability, ShortTerm short_term) const
{
    const double s = clamp_stability(memory.stability);
    const double d = clamp_difficulty(memory.difficulty);
    const double r = clamp_retrievability(retrievability);

    MemoryState next;
    next.difficulty = next_difficulty_with(d, rating, m_d0_easy, m_params);
    if (elapsed_days <= 0 && short_term == ShortTerm::On)
        next.stability =
            short_term_stability_with(s, std::pow(s, -m_params.w[19]), m_short_term_factor[index_of(rating)], rating);
    else if (rating == Rating::Again)
        next.stability =
            lapse_stability(d, s, r, short_term == ShortTerm::On ? m_ceiling_factor : 1.0, m_params);
    else
        next.stability = recall_stability_from_base(s, recall_base(d, s, r, m_exp_w8, m_params), rating, m_params);
    return next;
}

void FsrsInference::next_states(const MemoryState& memory, int32_t elapsed_days, double retrievability,
                                ShortTerm short_term, std::array<MemoryState, 4>& out, unsigned ratings) const
{
    const double s = clamp_stability(memory.stability);
    const double d = clamp_difficulty(memory.difficulty);
    const double r = clamp_retrievability(retrievability);
    const auto wanted = [ratings](Rating rating) { return (ratings >> index_of(rating) & 1u) != 0; };
    for (Rating rating : kAllRatings) {
        if (wanted(rating))
            out[index_of(rating)].difficulty = next_difficulty_with(d, rating, m_d0_easy, m_params);
    }
    if (elapsed_days <= 0 && short_term == ShortTerm::On) {
        const double s_pow = std::pow(s, -m_params.w[19]);
        for (Rating rating : kAllRatings) {
            if (wanted(rating))
                out[index_of(rating)].stability =
                    short_term_stability_with(s, s_pow, m_short_term_factor[index_of(rating)], rating);
        }
        return;
    }
    if (wanted(Rating::Again))
        out[0].stability = lapse_stability(d, s, r, short_term == ShortTerm::On ? m_ceiling_factor : 1.0, m_params);
    if ((ratings & 0xEu) == 0)
        return;
    const double base = recall_base(d, s, r, m_exp_w8, m_params);
    for (Rating rating : {Rating::Hard, Rating::Good, Rating::Easy}) {
        if (wanted(rating))
            out[index_of(rating)].stability = recall_stability_from_base(s, base, rating, m_params);
    }
}

int32_t FsrsInference::interval_days(double stability, int32_t maximum_interval_days) const
{
    return interval_days_with(stability, m_interval_modifier, maximum_interval_days);
}

double FsrsInference::exact_interval_days(double stability, int32_t maximum_interval_days) const
{
    const double maximum = static_cast<double>(std::max(maximum_interval_days, 1));
    return std::clamp(clamp_stability(stability) * m_interval_modifier, 1.0, maximum);
}

} // namespace letopis
