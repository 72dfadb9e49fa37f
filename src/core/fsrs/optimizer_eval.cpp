// The evaluator: one forward pass per card over the items asked for, then the two metrics.
#include "core/fsrs/optimizer_eval.h"

#include <cmath>
#include <map>
#include <tuple>
#include <vector>

#include "core/fsrs/optimizer_model.h"

namespace letopis {
namespace {

// round(a · b^floor(log_b x)): the reference's bin edges grow geometrically.
uint32_t log_bin(double x, double a, double b)
{
    return static_cast<uint32_t>(std::lround(a * std::pow(b, std::floor(std::log(x) / std::log(b)))));
}

using BinKey = std::tuple<uint32_t, uint32_t, uint32_t>;

BinKey bin_of(std::span<const uint8_t> ratings, std::span<const int32_t> days, uint32_t review)
{
    int64_t long_term = 1; // this review
    int64_t lapses = 0;
    for (uint32_t k = 1; k < review; ++k) {
        if (days[k] > 0) {
            ++long_term;
            if (ratings[k] == 1)
                ++lapses;
        }
    }
    const uint32_t days_bin = log_bin(static_cast<double>(days[review]), 248, 3.62);
    const uint32_t length_bin = log_bin(static_cast<double>(long_term + 1), 1.99, 1.89);
    const uint32_t lapse_bin = lapses == 0 ? 0 : log_bin(static_cast<double>(lapses), 1.65, 1.73);
    return {days_bin, length_bin, lapse_bin};
}

struct BinSums {
    double predicted = 0;
    double actual = 0;
    int64_t count = 0;
};

} // namespace

FsrsMetrics evaluate_fsrs_params(const ReviewDataset& dataset, const ItemSubset& items, const FsrsParams& params)
{
    FsrsMetrics metrics;
    if (items.empty())
        return metrics;
    const FsrsModel model(params);

    // Items of one card are predicted from one pass over the card; cards are visited in the order
    // of their first item, and sums are taken in item order so the result never depends on it.
    std::vector<double> predictions(items.size());
    std::map<uint32_t, std::vector<size_t>> by_card;
    for (size_t i = 0; i < items.size(); ++i)
        by_card[dataset.items[items[i]].card].push_back(i);
    std::vector<double> retrievability;
    for (const auto& [card, positions] : by_card) {
        card_retrievability(model, dataset.card_ratings(card), dataset.card_days(card), retrievability);
        for (size_t position : positions)
            predictions[position] = retrievability[dataset.items[items[position]].review];
    }

    std::map<BinKey, BinSums> bins;
    double loss = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        const TrainingItem& item = dataset.items[items[i]];
        const auto ratings = dataset.card_ratings(item.card);
        const auto days = dataset.card_days(item.card);
        const bool recalled = ratings[item.review] > 1;
        const double p = clamp_probability(predictions[i]);
        loss += -(recalled ? std::log(p) : std::log(1 - p));
        BinSums& bin = bins[bin_of(ratings, days, item.review)];
        bin.predicted += predictions[i];
        bin.actual += recalled ? 1 : 0;
        bin.count += 1;
    }
    double squared = 0;
    for (const auto& [key, bin] : bins) {
        const double gap = (bin.predicted - bin.actual) / static_cast<double>(bin.count);
        squared += gap * gap * static_cast<double>(bin.count);
    }
    metrics.items = static_cast<int64_t>(items.size());
    metrics.log_loss = loss / static_cast<double>(items.size());
    metrics.rmse_bins = std::sqrt(squared / static_cast<double>(items.size()));
    return metrics;
}

} // namespace letopis
