// Builds the optimizer's view of a review log: cards, learner's elapsed days and time-ordered items.
#include "core/fsrs/optimizer_data.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace letopis {

ReviewDataset build_review_dataset(std::span<const ReviewLogEntry> log, const DayClock& clock)
{
    std::vector<uint32_t> order(log.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        if (log[a].card_id != log[b].card_id)
            return log[a].card_id < log[b].card_id;
        return log[a].time_ms < log[b].time_ms;
    });

    ReviewDataset data;
    data.ratings.reserve(log.size());
    data.elapsed_days.reserve(log.size());
    std::vector<int64_t> times;
    times.reserve(log.size());
    int64_t previous_day = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        const ReviewLogEntry& entry = log[order[i]];
        const int64_t day = day_number(entry.time_ms, clock);
        const bool first = data.card_ids.empty() || data.card_ids.back() != entry.card_id;
        if (first) {
            data.card_ids.push_back(entry.card_id);
            data.card_begin.push_back(static_cast<uint32_t>(data.ratings.size()));
        }
        data.ratings.push_back(static_cast<uint8_t>(entry.rating));
        data.elapsed_days.push_back(first ? 0 : static_cast<int32_t>(std::max<int64_t>(day - previous_day, 0)));
        times.push_back(entry.time_ms);
        previous_day = day;
    }
    data.card_begin.push_back(static_cast<uint32_t>(data.ratings.size()));

    for (uint32_t card = 0; card < data.card_count(); ++card) {
        const uint32_t begin = data.card_begin[card];
        for (uint32_t k = 1; k < data.card_length(card); ++k) {
            if (data.elapsed_days[begin + k] > 0)
                data.items.push_back(TrainingItem{card, k, times[begin + k]});
        }
    }
    // Cards are already in id order and reviews in card order, so a stable sort by time alone
    // gives time, then card, then review.
    std::stable_sort(data.items.begin(), data.items.end(),
                     [](const TrainingItem& a, const TrainingItem& b) { return a.time_ms < b.time_ms; });
    return data;
}

ItemSubset all_items(const ReviewDataset& dataset)
{
    ItemSubset subset(dataset.items.size());
    std::iota(subset.begin(), subset.end(), 0u);
    return subset;
}

TimeSplit split_items_by_time(const ReviewDataset& dataset, double train_fraction)
{
    const double fraction = std::isnan(train_fraction) ? 0.8 : std::clamp(train_fraction, 0.0, 1.0);
    const auto count = static_cast<uint32_t>(dataset.items.size());
    const auto cut = static_cast<uint32_t>(std::floor(fraction * count));
    TimeSplit split;
    split.train.resize(cut);
    std::iota(split.train.begin(), split.train.end(), 0u);
    split.test.resize(count - cut);
    std::iota(split.test.begin(), split.test.end(), cut);
    return split;
}

} // namespace letopis
