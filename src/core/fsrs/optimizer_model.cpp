// Forward pass over a card's reviews and reverse-mode differentiation by hand. One forward and one
// reverse pass per card give the loss and gradient of all of its items at once, where training on
// each item's history separately would replay the card once per item.
#include "core/fsrs/optimizer_model.h"

#include <algorithm>
#include <cmath>

#include "util/verify.h"

namespace letopis {
namespace {

constexpr double kMinProbability = 1e-10;

// Which update a step took.
enum StepKind : uint8_t {
    kFirst,            // the card's first answer: S = w[G−1], D = D0(G)
    kShortTerm,        // same day: S·S^(−w19)·e^(w17·(G−3+w18))
    kShortTermHeld,    // same day, a pass whose factor fell below 1: S unchanged
    kRecall,           // a pass after a day or more
    kLapse,            // a lapse after a day or more, by the forgetting formula
    kLapseCeiling,     // a lapse cut to S·e^(−w17·w18)
};

// The clamps of the training model: a clamped value passes no gradient (as in the reference).
bool inside(double value, double low, double high)
{
    return value > low && value < high;
}

// R(t, S) = (1 + factor·t/S)^(−w20), with what the reverse pass needs.
void forgetting_curve(const FsrsModel& m, double t, double s, ModelStep& step)
{
    step.base = 1 + m.factor * t / s;
    step.ln_base = std::log(step.base);
    step.r = std::exp(-m.w[20] * step.ln_base);
}

// dR/dS and dR/dw20 at the step's elapsed days `t`.
void forgetting_curve_gradient(const FsrsModel& m, double t, const ModelStep& step, double& dr_ds, double& dr_dw20)
{
    const double s = step.s_prev;
    dr_ds = m.w[20] * step.r * m.factor * t / (step.base * s * s);
    dr_dw20 = step.r * (-step.ln_base - m.w[20] * t * m.factor_dw20 / (step.base * s));
}

double item_loss(double r, uint8_t rating, double weight)
{
    const double p = clamp_probability(r);
    return -weight * (rating > 1 ? std::log(p) : std::log(1 - p));
}

double item_loss_dr(double r, uint8_t rating, double weight)
{
    const double p = clamp_probability(r);
    return rating > 1 ? -weight / p : weight / (1 - p);
}

// The state update of review k ≥ 1 (elapsed `t` days) from step.s_prev/d_prev; step.r must hold
// R(t, S) when t > 0. Fills s_raw/d_raw, the clamp flags and the branch intermediates.
void update_state(const FsrsModel& m, int32_t t, uint8_t rating, ModelStep& step)
{
    const auto& w = m.w;
    const double s = step.s_prev;
    const double d = step.d_prev;
    const double g = rating - 3.0;

    const double damped = d - w[6] * g * (10 - d) / 9;
    step.d_raw = w[7] * m.easy_difficulty + (1 - w[7]) * damped;
    step.d_active = inside(step.d_raw, kMinDifficulty, kMaxDifficulty);

    if (t == 0) {
        step.ln_s = std::log(s);
        const double sinc = std::exp(-w[19] * step.ln_s) * m.short_term[rating - 1];
        if (rating >= 2 && sinc < 1) {
            step.kind = kShortTermHeld;
            step.s_raw = s;
        } else {
            step.kind = kShortTerm;
            step.p = sinc;
            step.s_raw = s * sinc;
        }
    } else if (rating == 1) {
        step.ln_d = std::log(d);
        step.ln_s1 = std::log(s + 1);
        step.p = std::exp(-w[12] * step.ln_d);       // D^(−w12)
        step.q = std::exp(w[13] * step.ln_s1);       // (S+1)^w13
        step.e = std::exp(w[14] * (1 - step.r));     // e^(w14·(1−R))
        const double forget = w[11] * step.p * (step.q - 1) * step.e;
        const double ceiling = s * m.lapse_ceiling;
        if (ceiling < forget) {
            step.kind = kLapseCeiling;
            step.s_raw = ceiling;
        } else {
            step.kind = kLapse;
            step.s_raw = forget;
        }
    } else {
        const double bonus = rating == 2 ? w[15] : rating == 4 ? w[16] : 1.0;
        step.ln_s = std::log(s);
        step.p = std::exp(-w[9] * step.ln_s);        // S^(−w9)
        step.e = std::exp(w[10] * (1 - step.r));     // e^(w10·(1−R))
        step.q = m.exp_w8 * (11 - d) * step.p * bonus;
        step.kind = kRecall;
        step.s_raw = s * (1 + step.q * (step.e - 1));
    }
    step.s_active = inside(step.s_raw, kMinStability, kMaxStability);
}

void first_state(const FsrsModel& m, uint8_t rating, ModelStep& step)
{
    step.kind = kFirst;
    step.s_raw = m.w[rating - 1];
    step.d_raw = m.w[4] - m.initial_exp[rating - 1] + 1;
    step.s_active = inside(step.s_raw, kMinStability, kMaxStability);
    step.d_active = inside(step.d_raw, kMinDifficulty, kMaxDifficulty);
}

double clamped_s(const ModelStep& step)
{
    return std::clamp(step.s_raw, kMinStability, kMaxStability);
}

double clamped_d(const ModelStep& step)
{
    return std::clamp(step.d_raw, kMinDifficulty, kMaxDifficulty);
}

// Reverse pass through the update of review k: from the adjoints of the state after it (a_s, a_d)
// to those of the state before it (a_s_prev, a_d_prev), the weights, and R (a_r).
void update_state_gradient(const FsrsModel& m, uint8_t rating, const ModelStep& step, double a_s, double a_d,
                           double& a_s_prev, double& a_d_prev, double& a_r, FsrsGradient& grad)
{
    const auto& w = m.w;
    const double s = step.s_prev;
    const double d = step.d_prev;
    const double g = rating - 3.0;

    if (step.d_active && a_d != 0) {
        const double damped = d - w[6] * g * (10 - d) / 9;
        grad[7] += a_d * (m.easy_difficulty - damped);
        grad[4] += a_d * w[7];
        grad[5] += a_d * w[7] * (-3 * m.exp_3w5);
        const double a_damped = a_d * (1 - w[7]);
        a_d_prev += a_damped * (1 + w[6] * g / 9);
        grad[6] += a_damped * (-g * (10 - d) / 9);
    }
    if (!step.s_active || a_s == 0)
        return;
    switch (step.kind) {
    case kShortTermHeld:
        a_s_prev += a_s;
        break;
    case kShortTerm:
        a_s_prev += a_s * step.p * (1 - w[19]);
        grad[17] += a_s * step.s_raw * (g + w[18]);
        grad[18] += a_s * step.s_raw * w[17];
        grad[19] += a_s * step.s_raw * (-step.ln_s);
        break;
    case kLapseCeiling:
        a_s_prev += a_s * m.lapse_ceiling;
        grad[17] += a_s * step.s_raw * (-w[18]);
        grad[18] += a_s * step.s_raw * (-w[17]);
        break;
    case kLapse: {
        const double forget = step.s_raw;
        const double common = w[11] * step.p * step.e; // S_f = common·((S+1)^w13 − 1)
        grad[11] += a_s * step.p * (step.q - 1) * step.e;
        a_d_prev += a_s * forget * (-w[12] / d);
        grad[12] += a_s * forget * (-step.ln_d);
        a_s_prev += a_s * common * w[13] * step.q / (s + 1);
        grad[13] += a_s * common * step.q * step.ln_s1;
        grad[14] += a_s * forget * (1 - step.r);
        a_r += a_s * forget * (-w[14]);
        break;
    }
    case kRecall: {
        const double increase = step.q * (step.e - 1); // S' = S·(1 + increase)
        a_s_prev += a_s * (1 + increase);
        const double a_inc = a_s * s;
        grad[8] += a_inc * increase;
        a_d_prev += a_inc * (-m.exp_w8 * step.p * (step.e - 1) * (rating == 2 ? w[15] : rating == 4 ? w[16] : 1.0));
        a_s_prev += a_inc * increase * (-w[9] / s);
        grad[9] += a_inc * increase * (-step.ln_s);
        grad[10] += a_inc * step.q * step.e * (1 - step.r);
        a_r += a_inc * step.q * step.e * (-w[10]);
        if (rating == 2 || rating == 4) {
            const double unbonused = m.exp_w8 * (11 - d) * step.p * (step.e - 1);
            grad[rating == 2 ? 15 : 16] += a_inc * unbonused;
        }
        break;
    }
    default:
        VERIFY_NOT_REACHED();
    }
}

// The forward pass up to the last target; with kGradient, records every step into scratch and runs
// the reverse pass. Returns the summed loss of the targets.
template <bool kGradient>
double run_card(const FsrsModel& m, std::span<const uint8_t> ratings, std::span<const int32_t> days,
                std::span<const ItemTarget> targets, FsrsGradient* grad, ModelScratch* scratch)
{
    if (targets.empty())
        return 0;
    const uint32_t last = targets.back().review;
    VERIFY(last < ratings.size() && last >= 1);
    ModelStep local;
    if constexpr (kGradient) {
        if (scratch->steps.size() < last + 1)
            scratch->steps.resize(last + 1);
    }
    auto step_at = [&](uint32_t k) -> ModelStep& {
        if constexpr (kGradient)
            return scratch->steps[k];
        else
            return local;
    };

    double loss = 0;
    ModelStep& first = step_at(0);
    first_state(m, ratings[0], first);
    double s = clamped_s(first);
    double d = clamped_d(first);
    size_t target = 0;
    for (uint32_t k = 1; k <= last; ++k) {
        ModelStep& step = step_at(k);
        step.s_prev = s;
        step.d_prev = d;
        const int32_t t = days[k];
        if (t > 0)
            forgetting_curve(m, t, s, step);
        else
            step.r = 1;
        if (target < targets.size() && targets[target].review == k) {
            loss += item_loss(step.r, ratings[k], targets[target].weight);
            ++target;
        }
        if (k == last)
            break;
        update_state(m, t, ratings[k], step);
        s = clamped_s(step);
        d = clamped_d(step);
    }

    if constexpr (kGradient) {
        double a_s = 0, a_d = 0; // adjoints of the state after review k
        size_t t_index = targets.size();
        for (uint32_t k = last; k >= 1; --k) {
            const ModelStep& step = scratch->steps[k];
            double a_s_prev = 0, a_d_prev = 0, a_r = 0;
            if (k < last)
                update_state_gradient(m, ratings[k], step, a_s, a_d, a_s_prev, a_d_prev, a_r, *grad);
            if (t_index > 0 && targets[t_index - 1].review == k) {
                --t_index;
                a_r += item_loss_dr(step.r, ratings[k], targets[t_index].weight);
            }
            if (days[k] > 0 && a_r != 0) {
                double dr_ds = 0, dr_dw20 = 0;
                forgetting_curve_gradient(m, days[k], step, dr_ds, dr_dw20);
                a_s_prev += a_r * dr_ds;
                (*grad)[20] += a_r * dr_dw20;
            }
            a_s = a_s_prev;
            a_d = a_d_prev;
        }
        const uint8_t rating = ratings[0];
        if (first.s_active)
            (*grad)[rating - 1] += a_s;
        if (first.d_active) {
            (*grad)[4] += a_d;
            (*grad)[5] += a_d * (-(rating - 1.0) * m.initial_exp[rating - 1]);
        }
    }
    return loss;
}

} // namespace

FsrsModel::FsrsModel(const FsrsParams& params) : w(params.w)
{
    const double ln_09 = std::log(0.9);
    exp_w8 = std::exp(w[8]);
    const double e = std::exp(-ln_09 / w[20]);
    factor = e - 1;
    factor_dw20 = e * ln_09 / (w[20] * w[20]);
    exp_3w5 = std::exp(3 * w[5]);
    easy_difficulty = w[4] - exp_3w5 + 1;
    lapse_ceiling = std::exp(-w[17] * w[18]);
    for (int g = 1; g <= 4; ++g) {
        short_term[g - 1] = std::exp(w[17] * (g - 3 + w[18]));
        initial_exp[g - 1] = std::exp(w[5] * (g - 1));
    }
}

MemoryState model_first_state(const FsrsModel& model, Rating rating)
{
    ModelStep step;
    first_state(model, static_cast<uint8_t>(rating), step);
    return MemoryState{clamped_s(step), clamped_d(step)};
}

MemoryState model_next_state(const FsrsModel& model, const MemoryState& state, int32_t days, Rating rating)
{
    ModelStep step;
    step.s_prev = std::clamp(state.stability, kMinStability, kMaxStability);
    step.d_prev = std::clamp(state.difficulty, kMinDifficulty, kMaxDifficulty);
    if (days > 0)
        forgetting_curve(model, days, step.s_prev, step);
    update_state(model, std::max(days, 0), static_cast<uint8_t>(rating), step);
    return MemoryState{clamped_s(step), clamped_d(step)};
}

double model_retrievability(const FsrsModel& model, double days, double stability)
{
    ModelStep step;
    forgetting_curve(model, std::max(days, 0.0), std::clamp(stability, kMinStability, kMaxStability), step);
    return step.r;
}

double clamp_probability(double p)
{
    if (std::isnan(p))
        return 0.5;
    return std::clamp(p, kMinProbability, 1 - kMinProbability);
}

double card_loss(const FsrsModel& model, std::span<const uint8_t> ratings, std::span<const int32_t> days,
                 std::span<const ItemTarget> targets)
{
    return run_card<false>(model, ratings, days, targets, nullptr, nullptr);
}

double card_loss_gradient(const FsrsModel& model, std::span<const uint8_t> ratings, std::span<const int32_t> days,
                          std::span<const ItemTarget> targets, FsrsGradient& gradient, ModelScratch& scratch)
{
    return run_card<true>(model, ratings, days, targets, &gradient, &scratch);
}

void card_retrievability(const FsrsModel& model, std::span<const uint8_t> ratings, std::span<const int32_t> days,
                         std::vector<double>& out)
{
    out.assign(ratings.size(), 1.0);
    if (ratings.empty())
        return;
    ModelStep step;
    first_state(model, ratings[0], step);
    double s = clamped_s(step);
    double d = clamped_d(step);
    for (size_t k = 1; k < ratings.size(); ++k) {
        step.s_prev = s;
        step.d_prev = d;
        step.r = 1;
        if (days[k] > 0) {
            forgetting_curve(model, days[k], s, step);
            out[k] = step.r;
        }
        update_state(model, days[k], ratings[k], step);
        s = clamped_s(step);
        d = clamped_d(step);
    }
}

} // namespace letopis
