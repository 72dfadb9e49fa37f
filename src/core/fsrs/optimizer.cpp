// The training loop. Batches are made of whole cards so that one forward and one reverse pass over a
// card give the gradient of all its items; the reference trains each item on its own copy of the
// card's history, which costs a pass per item.
#include "core/fsrs/optimizer.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <numbers>
#include <random>
#include <thread>
#include <vector>

#include "core/fsrs/optimizer_model.h"
#include "core/fsrs/optimizer_pretrain.h"

namespace letopis {
namespace {

// The reference's spread of each weight across learners: the L2 pull is measured in these units.
constexpr std::array<double, kFsrsWeightCount> kWeightSpread{
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
    0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27};

// Adam as the reference configures it.
constexpr double kBeta1 = 0.9;
constexpr double kBeta2 = 0.999;
constexpr double kEpsilon = 1e-8;

// Every batch is cut into this many lanes, whatever the thread count, so sums never change.
constexpr int kLanes = 8;

struct CardTargets {
    uint32_t card = 0;
    uint32_t begin = 0; // into Training::targets
    uint32_t end = 0;
};

struct Training {
    std::vector<ItemTarget> targets; // grouped by card, ascending review within a card
    std::vector<CardTargets> cards;
    int64_t total = 0;               // items trained on
};

Training group_by_card(const ReviewDataset& dataset, const ItemSubset& train, int32_t max_history)
{
    // Recency weights follow the items' time order (the reference: 0.25 + 0.75·(i/(n−1))³).
    const double last = std::max<double>(static_cast<double>(train.size()) - 1, 1);
    std::vector<std::vector<ItemTarget>> per_card(dataset.card_count());
    Training training;
    for (size_t i = 0; i < train.size(); ++i) {
        const TrainingItem& item = dataset.items[train[i]];
        if (static_cast<int64_t>(item.review) + 1 > max_history)
            continue;
        const double x = static_cast<double>(i) / last;
        per_card[item.card].push_back(ItemTarget{item.review, 0.25 + 0.75 * x * x * x});
        ++training.total;
    }
    for (uint32_t card = 0; card < per_card.size(); ++card) {
        auto& targets = per_card[card];
        if (targets.empty())
            continue;
        std::sort(targets.begin(), targets.end(),
                  [](const ItemTarget& a, const ItemTarget& b) { return a.review < b.review; });
        const auto begin = static_cast<uint32_t>(training.targets.size());
        training.targets.insert(training.targets.end(), targets.begin(), targets.end());
        training.cards.push_back(CardTargets{card, begin, static_cast<uint32_t>(training.targets.size())});
    }
    return training;
}

// A batch: a range of an epoch's shuffled card order.
struct Batch {
    uint32_t begin = 0;
    uint32_t end = 0;
    int64_t items = 0;
};

struct EpochPlan {
    std::vector<uint32_t> order; // indices into Training::cards
    std::vector<Batch> batches;
};

// Fisher–Yates with our own draw: std::shuffle's use of the generator differs between libraries.
void shuffle(std::vector<uint32_t>& order, std::mt19937_64& rng)
{
    for (size_t i = order.size(); i > 1; --i) {
        const size_t j = static_cast<size_t>(rng() % i);
        std::swap(order[i - 1], order[j]);
    }
}

std::vector<EpochPlan> plan_epochs(const Training& training, const OptimizerOptions& options)
{
    std::mt19937_64 rng(options.seed);
    std::vector<EpochPlan> plans(static_cast<size_t>(std::max(options.epochs, 1)));
    const int64_t batch_size = std::max(options.batch_size, 1);
    for (EpochPlan& plan : plans) {
        plan.order.resize(training.cards.size());
        for (uint32_t i = 0; i < plan.order.size(); ++i)
            plan.order[i] = i;
        shuffle(plan.order, rng);
        Batch batch;
        for (uint32_t i = 0; i < plan.order.size(); ++i) {
            const CardTargets& card = training.cards[plan.order[i]];
            batch.items += card.end - card.begin;
            batch.end = i + 1;
            if (batch.items >= batch_size) {
                plan.batches.push_back(batch);
                batch = Batch{i + 1, i + 1, 0};
            }
        }
        if (batch.items > 0)
            plan.batches.push_back(batch);
    }
    return plans;
}

// Runs lane jobs on the calling thread plus `threads − 1` workers. Each call of run() hands out
// lanes 0..kLanes−1 and returns when all are done.
class LanePool {
public:
    explicit LanePool(int threads)
    {
        for (int i = 1; i < std::clamp(threads, 1, kLanes); ++i)
            m_workers.emplace_back([this] { work(); });
    }
    ~LanePool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (std::thread& worker : m_workers)
            worker.join();
    }
    LanePool(const LanePool&) = delete;
    LanePool& operator=(const LanePool&) = delete;

    void run(const std::function<void(int)>& job)
    {
        if (m_workers.empty()) {
            for (int lane = 0; lane < kLanes; ++lane)
                job(lane);
            return;
        }
        uint64_t generation;
        {
            std::lock_guard lock(m_mutex);
            m_job = &job;
            m_next = 0;
            m_done = 0;
            generation = ++m_generation;
        }
        m_wake.notify_all();
        take_lanes(generation);
        std::unique_lock lock(m_mutex);
        m_finished.wait(lock, [this] { return m_done == kLanes; });
        m_job = nullptr;
    }

private:
    // Lanes are handed out under the lock together with the job of their generation, so a worker
    // that wakes late can never run an old job.
    void take_lanes(uint64_t generation)
    {
        while (true) {
            int lane;
            const std::function<void(int)>* job;
            {
                std::lock_guard lock(m_mutex);
                if (m_generation != generation || m_job == nullptr || m_next >= kLanes)
                    return;
                lane = m_next++;
                job = m_job;
            }
            (*job)(lane);
            std::lock_guard lock(m_mutex);
            if (++m_done == kLanes)
                m_finished.notify_one();
        }
    }

    void work()
    {
        uint64_t seen = 0;
        while (true) {
            uint64_t generation;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stop || (m_generation != seen && m_job != nullptr); });
                if (m_stop)
                    return;
                generation = seen = m_generation;
            }
            take_lanes(generation);
        }
    }

    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_finished;
    const std::function<void(int)>* m_job = nullptr;
    int m_next = 0;
    int m_done = 0;
    uint64_t m_generation = 0;
    bool m_stop = false;
};

double l2_penalty(const FsrsParams& params, const FsrsParams& start)
{
    double sum = 0;
    for (int i = 0; i < kFsrsWeightCount; ++i) {
        const double delta = params.w[i] - start.w[i];
        sum += delta * delta / (kWeightSpread[i] * kWeightSpread[i]);
    }
    return sum;
}

void clip(FsrsParams& params)
{
    const auto& bounds = fsrs_weight_bounds();
    for (int i = 0; i < kFsrsWeightCount; ++i)
        params.w[i] = std::clamp(params.w[i], bounds[i].low, bounds[i].high);
}

bool finite(const FsrsParams& params)
{
    return std::all_of(params.w.begin(), params.w.end(), [](double w) { return std::isfinite(w); });
}

class Trainer {
public:
    Trainer(const ReviewDataset& dataset, const Training& training, int threads)
        : m_dataset(dataset), m_training(training), m_pool(threads)
    {
    }

    // Sum of the item losses over cards [begin, end) of `order`, and its gradient if asked for.
    double loss(const FsrsModel& model, const std::vector<uint32_t>& order, uint32_t begin, uint32_t end,
                FsrsGradient* gradient)
    {
        std::array<double, kLanes> lane_loss{};
        std::array<FsrsGradient, kLanes> lane_gradient{};
        const uint32_t count = end - begin;
        m_pool.run([&](int lane) {
            const uint32_t from = begin + static_cast<uint32_t>(static_cast<uint64_t>(count) * lane / kLanes);
            const uint32_t to = begin + static_cast<uint32_t>(static_cast<uint64_t>(count) * (lane + 1) / kLanes);
            thread_local ModelScratch scratch;
            double sum = 0;
            FsrsGradient& g = lane_gradient[lane];
            g.fill(0);
            for (uint32_t i = from; i < to; ++i) {
                const CardTargets& card = m_training.cards[order[i]];
                const std::span<const ItemTarget> targets(m_training.targets.data() + card.begin, card.end - card.begin);
                if (gradient)
                    sum += card_loss_gradient(model, m_dataset.card_ratings(card.card), m_dataset.card_days(card.card),
                                              targets, g, scratch);
                else
                    sum += card_loss(model, m_dataset.card_ratings(card.card), m_dataset.card_days(card.card), targets);
            }
            lane_loss[lane] = sum;
        });
        double total = 0;
        for (int lane = 0; lane < kLanes; ++lane) {
            total += lane_loss[lane];
            if (gradient) {
                for (int i = 0; i < kFsrsWeightCount; ++i)
                    (*gradient)[i] += lane_gradient[lane][i];
            }
        }
        return total;
    }

private:
    const ReviewDataset& m_dataset;
    const Training& m_training;
    LanePool m_pool;
};

} // namespace

std::optional<OptimizerFit> fit_fsrs_params(const ReviewDataset& dataset, const ItemSubset& items,
                                            const OptimizerOptions& options, const OptimizerProgress& progress)
{
    auto report = [&](double fraction) { return !progress || progress(std::clamp(fraction, 0.0, 1.0)); };
    if (!report(0))
        return std::nullopt;

    const OutlierFilterResult filtered = filter_outliers(dataset, items);
    OptimizerFit fit;
    fit.items = static_cast<int64_t>(filtered.train.size());
    if (fit.items < kMinItemsToFit) {
        fit.items_needed = kMinItemsToFitAll - fit.items;
        report(1);
        return fit;
    }

    int64_t recalled = 0;
    for (uint32_t index : filtered.train) {
        const TrainingItem& item = dataset.items[index];
        recalled += dataset.card_ratings(item.card)[item.review] > 1 ? 1 : 0;
    }
    const double average_recall = static_cast<double>(recalled) / static_cast<double>(fit.items);
    const InitialStability initial = fit_initial_stability(dataset, filtered.initial, average_recall);
    FsrsParams start = FsrsParams::defaults();
    for (int i = 0; i < 4; ++i)
        start.w[i] = initial.stability[i];
    fit.params = start;
    fit.scope = FitScope::InitialStability;
    // With nothing but first long-term reviews, later weights have nothing to learn from.
    if (fit.items < kMinItemsToFitAll || filtered.train.size() == filtered.initial.size()) {
        fit.items_needed = std::max<int64_t>(kMinItemsToFitAll - fit.items, 1);
        report(1);
        return fit;
    }

    const Training training = group_by_card(dataset, filtered.train, options.max_history);
    const std::vector<EpochPlan> plans = plan_epochs(training, options);
    size_t total_steps = 0;
    for (const EpochPlan& plan : plans)
        total_steps += plan.batches.size();
    // Progress counts batches; each epoch's closing loss pass (no reverse pass) costs about half
    // of the epoch's batches.
    const double work = std::max(1.5 * static_cast<double>(total_steps), 1.0);
    double done = 0;

    Trainer trainer(dataset, training, options.threads);
    const double total = static_cast<double>(std::max<int64_t>(training.total, 1));
    FsrsParams params = start;
    FsrsGradient m{}, v{};
    double beta1_power = 1, beta2_power = 1;
    size_t step = 0;
    double best_loss = INFINITY;
    FsrsParams best = start;
    std::vector<uint32_t> identity(training.cards.size());
    for (uint32_t i = 0; i < identity.size(); ++i)
        identity[i] = i;

    for (size_t epoch = 0; epoch < plans.size(); ++epoch) {
        const EpochPlan& plan = plans[epoch];
        for (const Batch& batch : plan.batches) {
            const FsrsModel model(params);
            FsrsGradient gradient{};
            trainer.loss(model, plan.order, batch.begin, batch.end, &gradient);
            // A non-finite gradient would poison the moments for good; such a step is skipped.
            if (!std::all_of(gradient.begin(), gradient.end(), [](double g) { return std::isfinite(g); }))
                gradient.fill(0);
            // The L2 pull is spread over the batches in proportion to their size.
            const double scale = options.l2_strength * static_cast<double>(batch.items) / total;
            for (int i = 0; i < kFsrsWeightCount; ++i)
                gradient[i] += 2 * scale * (params.w[i] - start.w[i]) / (kWeightSpread[i] * kWeightSpread[i]);

            const double rate = 0.5 * options.learning_rate *
                                (1 + std::cos(std::numbers::pi * static_cast<double>(step) / static_cast<double>(total_steps)));
            ++step;
            beta1_power *= kBeta1;
            beta2_power *= kBeta2;
            for (int i = 0; i < kFsrsWeightCount; ++i) {
                m[i] = kBeta1 * m[i] + (1 - kBeta1) * gradient[i];
                v[i] = kBeta2 * v[i] + (1 - kBeta2) * gradient[i] * gradient[i];
                const double m_hat = m[i] / (1 - beta1_power);
                const double v_hat = v[i] / (1 - beta2_power);
                params.w[i] -= rate * m_hat / (std::sqrt(v_hat) + kEpsilon);
            }
            clip(params);
            done += 1;
            if (!report(done / work))
                return std::nullopt;
        }

        // Keep the epoch whose weights fit the training items best (loss and pull together).
        const double loss =
            (trainer.loss(FsrsModel(params), identity, 0, static_cast<uint32_t>(identity.size()), nullptr) +
             options.l2_strength * l2_penalty(params, start)) /
            total;
        if (finite(params) && loss < best_loss) {
            best_loss = loss;
            best = params;
            fit.best_epoch = static_cast<int32_t>(epoch + 1);
        }
        done += 0.5 * static_cast<double>(plan.batches.size());
        if (!report(done / work))
            return std::nullopt;
    }

    // Trained first stabilities go through the same ordering and filling as the searched ones.
    std::array<std::optional<double>, 4> trained;
    for (int i = 0; i < 4; ++i)
        trained[i] = best.w[i];
    if (const auto smoothed = smooth_initial_stability(trained, initial.count)) {
        for (int i = 0; i < 4; ++i)
            best.w[i] = (*smoothed)[i];
    }
    fit.params = best;
    fit.scope = FitScope::All;
    fit.items_needed = 0;
    report(1);
    return fit;
}

std::optional<OptimizationReport> optimize_fsrs(const ReviewDataset& dataset, const FsrsParams& current,
                                                const OptimizerOptions& options, const OptimizerProgress& progress)
{
    OptimizationReport report;
    report.reviews = static_cast<int64_t>(dataset.review_count());
    report.cards = static_cast<int64_t>(dataset.card_count());
    report.items = static_cast<int64_t>(dataset.items.size());

    // The held-out fit sees 80 % of the items; the final one all of them.
    const double split_share = 0.8 / 1.8;
    auto part = [&](double from, double to) -> OptimizerProgress {
        if (!progress)
            return {};
        return [&progress, from, to](double fraction) { return progress(from + (to - from) * fraction); };
    };

    const TimeSplit split = split_items_by_time(dataset, 1 - kHeldOutFraction);
    if (!split.test.empty()) {
        const auto held_out = fit_fsrs_params(dataset, split.train, options, part(0, 0.97 * split_share));
        if (!held_out)
            return std::nullopt;
        report.fitted = evaluate_fsrs_params(dataset, split.test, held_out->params);
        report.defaults = evaluate_fsrs_params(dataset, split.test, FsrsParams::defaults());
        report.current = evaluate_fsrs_params(dataset, split.test, current);
    }
    const auto fit = fit_fsrs_params(dataset, all_items(dataset), options, part(0.97 * split_share, 1));
    if (!fit)
        return std::nullopt;
    report.fit = *fit;
    return report;
}

} // namespace letopis
