// Outlier filter and first stabilities. Maps are ordered (std::map) so that every tie is broken the
// same way on every run.
#include "core/fsrs/optimizer_pretrain.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/fsrs/fsrs.h"

namespace letopis {
namespace {

// The reference searches first stabilities up to this many days.
constexpr double kMaxInitialStability = 100;

// Index of the card's first review after a day or more, 0 if none.
uint32_t first_long_term_review(const ReviewDataset& dataset, uint32_t card)
{
    const auto days = dataset.card_days(card);
    for (uint32_t k = 1; k < days.size(); ++k) {
        if (days[k] > 0)
            return k;
    }
    return 0;
}

struct GroupKey {
    uint8_t first_rating;
    int32_t days;
    auto operator<=>(const GroupKey&) const = default;
};

GroupKey group_key(const ReviewDataset& dataset, uint32_t card, uint32_t first_long_term)
{
    return GroupKey{dataset.card_ratings(card)[0], dataset.card_days(card)[first_long_term]};
}

// Recall probability by the default forgetting curve: the first stabilities are searched before any
// other weight is fitted.
double default_curve(double t, double s)
{
    const double decay = -FsrsParams::defaults().w[20];
    const double factor = std::pow(0.9, 1 / decay) - 1;
    return std::pow(1 + factor * t / s, decay);
}

struct RecallPoint {
    double days;
    double recall; // smoothed toward the average
    double count;
};

double initial_loss(const std::vector<RecallPoint>& points, double s, double default_s)
{
    double loss = 0;
    for (const RecallPoint& point : points) {
        const double p = default_curve(point.days, s);
        loss += -(point.recall * std::log(p) + (1 - point.recall) * std::log(1 - p)) * point.count;
    }
    // A light pull toward the default keeps a handful of reviews from deciding alone.
    return loss + std::abs(s - default_s) / 16;
}

// Ternary search on [0.001, 100] days, as the reference does.
double search_initial_stability(const std::vector<RecallPoint>& points, double default_s)
{
    double low = kMinStability;
    double high = kMaxInitialStability;
    double best = default_s;
    for (int iteration = 0; high - low > std::numeric_limits<double>::epsilon() && iteration < 1000; ++iteration) {
        const double mid1 = low + (high - low) / 3;
        const double mid2 = high - (high - low) / 3;
        if (initial_loss(points, mid1, default_s) < initial_loss(points, mid2, default_s))
            high = mid2;
        else
            low = mid1;
        best = (high + low) / 2;
    }
    return best;
}

} // namespace

OutlierFilterResult filter_outliers(const ReviewDataset& dataset, const ItemSubset& items)
{
    // Cards are visited once each; their first long-term review is cached.
    std::vector<uint32_t> first_long_term(dataset.card_count(), std::numeric_limits<uint32_t>::max());
    auto first_of = [&](uint32_t card) {
        if (first_long_term[card] == std::numeric_limits<uint32_t>::max())
            first_long_term[card] = first_long_term_review(dataset, card);
        return first_long_term[card];
    };

    std::map<GroupKey, int64_t> group_sizes;
    for (uint32_t index : items) {
        const TrainingItem& item = dataset.items[index];
        if (item.review == first_of(item.card))
            ++group_sizes[group_key(dataset, item.card, item.review)];
    }

    std::set<GroupKey> removed;
    for (uint8_t rating = 1; rating <= 4; ++rating) {
        std::vector<std::pair<int32_t, int64_t>> groups; // (days, size)
        int64_t total = 0;
        for (const auto& [key, size] : group_sizes) {
            if (key.first_rating == rating) {
                groups.emplace_back(key.days, size);
                total += size;
            }
        }
        // Smallest groups first; among equal sizes, the shorter interval first.
        std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second < b.second : a.first < b.first;
        });
        int64_t removed_so_far = 0;
        const int64_t quota = std::max<int64_t>(20, total / 20);
        const int32_t longest = rating != 4 ? 100 : 365;
        for (const auto& [days, size] : groups) {
            if (removed_so_far + size >= quota) {
                if (size < 6 || days > longest)
                    removed.insert(GroupKey{rating, days});
            } else {
                removed_so_far += size;
                removed.insert(GroupKey{rating, days});
            }
        }
    }

    OutlierFilterResult result;
    result.train.reserve(items.size());
    for (uint32_t index : items) {
        const TrainingItem& item = dataset.items[index];
        const uint32_t first = first_of(item.card);
        if (first == 0 || removed.count(group_key(dataset, item.card, first)) == 0) {
            result.train.push_back(index);
            if (item.review == first)
                result.initial.push_back(index);
        }
    }
    return result;
}

InitialStability fit_initial_stability(const ReviewDataset& dataset, const ItemSubset& initial, double average_recall)
{
    // first rating → elapsed days → (recalled, count)
    std::map<uint8_t, std::map<int32_t, std::pair<int64_t, int64_t>>> groups;
    InitialStability result;
    for (uint32_t index : initial) {
        const TrainingItem& item = dataset.items[index];
        const uint8_t first_rating = dataset.card_ratings(item.card)[0];
        const int32_t days = dataset.card_days(item.card)[item.review];
        auto& cell = groups[first_rating][days];
        cell.first += dataset.card_ratings(item.card)[item.review] > 1 ? 1 : 0;
        cell.second += 1;
        result.count[first_rating - 1] += 1;
    }

    const FsrsParams defaults = FsrsParams::defaults();
    std::array<std::optional<double>, 4> found;
    for (const auto& [rating, by_days] : groups) {
        std::vector<RecallPoint> points;
        for (const auto& [days, cell] : by_days) {
            const double count = static_cast<double>(cell.second);
            const double recall = static_cast<double>(cell.first) / count;
            // Laplace smoothing toward the learner's average recall.
            points.push_back(RecallPoint{static_cast<double>(days), (recall * count + average_recall) / (count + 1), count});
        }
        found[rating - 1] = search_initial_stability(points, defaults.w[rating - 1]);
    }

    const auto smoothed = smooth_initial_stability(found, result.count);
    if (!smoothed) {
        for (int i = 0; i < 4; ++i)
            result.stability[i] = defaults.w[i];
        return result;
    }
    result.stability = *smoothed;
    result.fitted = true;
    return result;
}

std::optional<std::array<double, 4>> smooth_initial_stability(const std::array<std::optional<double>, 4>& stability,
                                                              const std::array<int64_t, 4>& count)
{
    // s[1..4]; s[0] unused, so the formulas read like the ratings they are about.
    std::array<std::optional<double>, 5> s;
    int present = 0;
    for (int g = 1; g <= 4; ++g) {
        if (count[g - 1] > 0 && stability[g - 1]) {
            s[g] = *stability[g - 1];
            ++present;
        }
    }
    if (present == 0)
        return std::nullopt;

    // A better first rating must not mean a weaker memory: the rating seen more often wins.
    constexpr std::pair<int, int> kPairs[] = {{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}};
    for (const auto& [small, big] : kPairs) {
        if (s[small] && s[big] && *s[small] > *s[big]) {
            if (count[small - 1] > count[big - 1])
                s[big] = *s[small];
            else
                s[small] = *s[big];
        }
    }

    // The reference's ratios between neighbouring first stabilities (in log space).
    constexpr double w1 = 0.41;
    constexpr double w2 = 0.54;
    const FsrsParams defaults = FsrsParams::defaults();
    auto p = [](double base, double exponent) { return std::pow(base, exponent); };
    std::array<double, 4> out{};
    if (present == 1) {
        int g = 1;
        while (!s[g])
            ++g;
        const double factor = *s[g] / defaults.w[g - 1];
        for (int i = 0; i < 4; ++i)
            out[i] = defaults.w[i] * factor;
        std::sort(out.begin(), out.end());
    } else {
        if (present == 2) {
            if (s[3] && s[4]) {
                s[2] = p(*s[3], 1 / (1 - w2)) * p(*s[4], 1 - 1 / (1 - w2));
                s[1] = p(*s[2], 1 / w1) * p(*s[3], 1 - 1 / w1);
            } else if (s[2] && s[4]) {
                s[3] = p(*s[2], 1 - w2) * p(*s[4], w2);
                s[1] = p(*s[2], 1 / w1) * p(*s[3], 1 - 1 / w1);
            } else if (s[2] && s[3]) {
                s[4] = p(*s[2], 1 - 1 / w2) * p(*s[3], 1 / w2);
                s[1] = p(*s[2], 1 / w1) * p(*s[3], 1 - 1 / w1);
            } else if (s[1] && s[4]) {
                const double den = w1 + w2 - w1 * w2;
                s[2] = p(*s[1], w1 / den) * p(*s[4], 1 - w1 / den);
                s[3] = p(*s[1], 1 - w2 / den) * p(*s[4], w2 / den);
            } else if (s[1] && s[3]) {
                s[2] = p(*s[1], w1) * p(*s[3], 1 - w1);
                s[4] = p(*s[2], 1 - 1 / w2) * p(*s[3], 1 / w2);
            } else if (s[1] && s[2]) {
                s[3] = p(*s[1], 1 - 1 / (1 - w1)) * p(*s[2], 1 / (1 - w1));
                s[4] = p(*s[2], 1 - 1 / w2) * p(*s[3], 1 / w2);
            }
        } else if (present == 3) {
            if (!s[1])
                s[1] = p(*s[2], 1 / w1) * p(*s[3], 1 - 1 / w1);
            else if (!s[2])
                s[2] = p(*s[1], w1) * p(*s[3], 1 - w1);
            else if (!s[3])
                s[3] = p(*s[2], 1 - w2) * p(*s[4], w2);
            else
                s[4] = p(*s[2], 1 - 1 / w2) * p(*s[3], 1 / w2);
        }
        for (int g = 1; g <= 4; ++g)
            out[g - 1] = *s[g];
    }
    for (double& value : out)
        value = std::clamp(value, kMinStability, kMaxInitialStability);
    return out;
}

} // namespace letopis
