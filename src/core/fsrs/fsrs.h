// FSRS-6 memory model: forgetting curve, memory-state updates and intervals, as pure functions.
// Reproduces the reference scheduler (ts-fsrs 5), including its 8-decimal rounding of
// intermediate values, so replays can be compared with it row by row.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/model/card.h"

namespace letopis {

inline constexpr int kFsrsWeightCount = 21;
inline constexpr double kMinStability = 0.001;  // days
inline constexpr double kMaxStability = 36500;  // days
inline constexpr double kMinDifficulty = 1;
inline constexpr double kMaxDifficulty = 10;
// The reference floors a first-answer stability at this many days.
inline constexpr double kMinInitialStability = 0.1;

struct FsrsParams {
    std::array<double, kFsrsWeightCount> w{};

    // The published FSRS-6 default weights.
    static FsrsParams defaults();
};

// The 21 weights as "w0,w1,…,w20": Exact has seventeen significant digits (reads back to the
// same doubles), Display four decimals (for people).
enum class WeightDigits : uint8_t { Exact, Display };
std::string format_weights(const FsrsParams& params, WeightDigits digits);

// Same-day answers (elapsed 0 days) use the FSRS-6 short-term formula only when this is on.
enum class ShortTerm : uint8_t { Off, On };

struct WeightBounds {
    double low;
    double high;
};

// The published bounds the optimizer clips each weight to (w0..w20).
const std::array<WeightBounds, kFsrsWeightCount>& fsrs_weight_bounds();
// The index of the first weight outside its bounds (or not a finite number); nullopt if all fit.
std::optional<int> find_weight_out_of_bounds(const FsrsParams& params);

// Curve shape: decay = −w20; factor = 0.9^(1/decay) − 1 (rounded to 8 decimals, as the reference).
double fsrs_decay(const FsrsParams& params);
double fsrs_factor(const FsrsParams& params);

// Probability of recall after `elapsed_days` for a memory of `stability` days, in (0, 1].
double retrievability(double elapsed_days, double stability, const FsrsParams& params);

// Difficulty of a first answer before clamping: D0(G) = w4 − e^(w5·(G−1)) + 1.
double initial_difficulty_unclamped(Rating rating, const FsrsParams& params);
// The memory state after a card's first answer.
MemoryState initial_state(Rating rating, const FsrsParams& params);

// Difficulty after answering with `rating` (linear damping, then mean reversion toward D0(4)).
double next_difficulty(double difficulty, Rating rating, const FsrsParams& params);

// The memory state after answering with `rating`, `elapsed_days` whole days after the previous
// answer, when recall probability was `retrievability`. Out-of-range input is clamped.
MemoryState next_memory_state(const MemoryState& memory, int32_t elapsed_days, Rating rating,
                              double retrievability, ShortTerm short_term, const FsrsParams& params);

// Whole days until recall probability falls to `desired_retention`: at least 1, at most
// `maximum_interval_days`, rounded half up.
int32_t next_interval_days(double stability, double desired_retention, int32_t maximum_interval_days,
                           const FsrsParams& params);

// The same formulas with everything that depends only on the weights and the desired retention
// worked out once: the hot paths (replay, queues, benchmarks) pay only for what depends on the
// card. Every result is bit-for-bit the free functions' result for the same input.
class FsrsInference {
public:
    explicit FsrsInference(const FsrsParams& params = FsrsParams::defaults(), double desired_retention = 0.9);

    const FsrsParams& params() const { return m_params; }
    double desired_retention() const { return m_retention; }

    double retrievability(double elapsed_days, double stability) const;
    MemoryState initial_state(Rating rating) const { return m_initial[static_cast<int>(rating) - 1]; }
    double next_difficulty(double difficulty, Rating rating) const;
    MemoryState next_state(const MemoryState& memory, int32_t elapsed_days, Rating rating, double retrievability,
                           ShortTerm short_term) const;
    // The next states of the ratings in `ratings` (bit G−1 for grade G; all four by default),
    // into out[G−1]; the others are left as they were. Terms the ratings share are computed once.
    void next_states(const MemoryState& memory, int32_t elapsed_days, double retrievability, ShortTerm short_term,
                     std::array<MemoryState, 4>& out, unsigned ratings = 0xF) const;

    // next_interval_days for this model's retention.
    int32_t interval_days(double stability, int32_t maximum_interval_days) const;
    // The interval before rounding, in days, clamped to [1, maximum] (what fuzz starts from).
    double exact_interval_days(double stability, int32_t maximum_interval_days) const;

private:
    FsrsParams m_params;
    double m_retention;
    double m_decay;
    double m_factor;
    double m_exp_w8;             // e^w8
    double m_d0_easy;            // D0(Easy), unclamped
    double m_ceiling_factor;     // e^(w17·w18)
    double m_interval_modifier;  // days per day of stability at this retention
    std::array<double, 4> m_short_term_factor{}; // e^(w17·(G−3+w18)) per rating
    std::array<MemoryState, 4> m_initial{};
};

} // namespace letopis
