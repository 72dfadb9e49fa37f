// The optimizer's model: its gradient against finite differences (every weight, every branch), and
// its predictions against the scheduler's FSRS formulas.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/fsrs/fsrs.h"
#include "core/fsrs/optimizer_model.h"
#include "core/fsrs/optimizer_simulator.h"

namespace letopis {
namespace {

FsrsParams custom_params()
{
    return FsrsParams{{0.4, 1.1, 3.0, 12.0, 6.2, 0.7, 2.8, 0.01, 1.6, 0.12, 0.9, 1.5, 0.08, 0.3, 1.8, 0.5, 2.2, 0.6,
                       0.1, 0.05, 0.2}};
}

struct Card {
    std::vector<uint8_t> ratings;
    std::vector<int32_t> days;
    std::vector<ItemTarget> targets;
};

// Every review after a day or more is a target, with weights that differ so they count.
Card make_card(std::vector<uint8_t> ratings, std::vector<int32_t> days)
{
    Card card{std::move(ratings), std::move(days), {}};
    for (uint32_t k = 1; k < card.days.size(); ++k) {
        if (card.days[k] > 0)
            card.targets.push_back(ItemTarget{k, 0.25 + 0.1 * k});
    }
    return card;
}

// Cards that take every branch: first answers of each rating, same-day answers that raise, hold
// (a pass whose factor is below 1) and lower stability, recalls with each bonus, lapses cut to the
// ceiling and lapses by the forgetting formula.
std::vector<Card> branch_cards()
{
    return {
        make_card({1, 1, 3, 3, 3, 1, 3, 3}, {0, 0, 0, 1, 3, 9, 0, 2}),
        make_card({2, 3, 2, 4, 1, 1, 2, 3}, {0, 1, 0, 4, 12, 0, 1, 5}),
        make_card({3, 3, 3, 3, 1, 3, 4}, {0, 0, 2, 7, 30, 0, 4}),
        make_card({4, 3, 3, 1, 2, 3, 3, 3}, {0, 8, 25, 90, 1, 3, 10, 40}),
        make_card({3, 4, 4, 4, 1, 3}, {0, 3, 15, 80, 400, 1}),
        make_card({1, 2, 2, 3, 1, 3}, {0, 0, 0, 1, 2, 1}),
    };
}

double total_loss(const FsrsParams& params, const std::vector<Card>& cards, FsrsGradient* gradient)
{
    const FsrsModel model(params);
    ModelScratch scratch;
    double loss = 0;
    for (const Card& card : cards) {
        if (gradient)
            loss += card_loss_gradient(model, card.ratings, card.days, card.targets, *gradient, scratch);
        else
            loss += card_loss(model, card.ratings, card.days, card.targets);
    }
    return loss;
}

void expect_gradient_matches(const FsrsParams& params, const std::vector<Card>& cards)
{
    FsrsGradient gradient{};
    const double loss = total_loss(params, cards, &gradient);
    EXPECT_NEAR(loss, total_loss(params, cards, nullptr), 1e-12 * std::abs(loss));
    for (int i = 0; i < kFsrsWeightCount; ++i) {
        const double h = 1e-6 * std::max(1.0, std::abs(params.w[i]));
        FsrsParams up = params, down = params;
        up.w[i] += h;
        down.w[i] -= h;
        const double numeric = (total_loss(up, cards, nullptr) - total_loss(down, cards, nullptr)) / (2 * h);
        // Central differences are good to about 1e-7 relative here; 1e-4 leaves room for rounding.
        EXPECT_NEAR(gradient[i], numeric, 1e-4 * std::max(1.0, std::abs(numeric))) << "w" << i;
    }
}

TEST(OptimizerModel, GradientMatchesFiniteDifferencesOnEveryBranch)
{
    expect_gradient_matches(custom_params(), branch_cards());
    expect_gradient_matches(FsrsParams::defaults(), branch_cards());
}

TEST(OptimizerModel, GradientMatchesFiniteDifferencesOnASimulatedLog)
{
    SimulationConfig config;
    config.truth = custom_params();
    config.days = 90;
    config.new_cards_per_day = 6;
    const auto log = simulate_review_log(config);
    const ReviewDataset dataset = build_review_dataset(log, config.clock);
    std::vector<Card> cards;
    for (uint32_t c = 0; c < dataset.card_count(); ++c) {
        const auto r = dataset.card_ratings(c);
        const auto d = dataset.card_days(c);
        Card card = make_card({r.begin(), r.end()}, {d.begin(), d.end()});
        if (!card.targets.empty())
            cards.push_back(std::move(card));
    }
    ASSERT_GT(cards.size(), 100u);
    expect_gradient_matches(custom_params(), cards);
}

TEST(OptimizerModel, AClampedFirstStabilityPassesNoGradient)
{
    // w0 at its lower bound: S0 is clamped there, so the loss cannot push it lower.
    FsrsParams params = custom_params();
    params.w[0] = kMinStability;
    const std::vector<Card> cards{make_card({1, 3, 3}, {0, 1, 3})};
    FsrsGradient gradient{};
    total_loss(params, cards, &gradient);
    EXPECT_EQ(gradient[0], 0.0);
    EXPECT_NE(gradient[8], 0.0);
}

TEST(OptimizerModel, PredictionsMatchTheSchedulerFormulas)
{
    // The model is the scheduler's FSRS-6 without its 8-decimal rounding: they agree to ~1e-7.
    for (const FsrsParams& params : {FsrsParams::defaults(), custom_params()}) {
        const FsrsModel model(params);
        for (const Card& card : branch_cards()) {
            std::vector<double> predicted;
            card_retrievability(model, card.ratings, card.days, predicted);
            MemoryState state = initial_state(static_cast<Rating>(card.ratings[0]), params);
            for (size_t k = 1; k < card.ratings.size(); ++k) {
                const double r = card.days[k] > 0 ? retrievability(card.days[k], state.stability, params) : 1.0;
                EXPECT_NEAR(predicted[k], r, 1e-6) << "review " << k;
                state = next_memory_state(state, card.days[k], static_cast<Rating>(card.ratings[k]), r, ShortTerm::On,
                                          params);
            }
        }
    }
}

TEST(OptimizerModel, SingleStepsAgreeWithTheCardPass)
{
    const FsrsModel model(custom_params());
    const Card card = branch_cards()[3];
    std::vector<double> predicted;
    card_retrievability(model, card.ratings, card.days, predicted);
    MemoryState state = model_first_state(model, static_cast<Rating>(card.ratings[0]));
    for (size_t k = 1; k < card.ratings.size(); ++k) {
        EXPECT_DOUBLE_EQ(model_retrievability(model, card.days[k], state.stability), predicted[k]);
        state = model_next_state(model, state, card.days[k], static_cast<Rating>(card.ratings[k]));
    }
}

} // namespace
} // namespace letopis
