// The FSRS optimizer against the reference (fsrs-rs 6.5 through npm): a simulated 300,000-review log,
// fitted on its first 80 % of items by time, both weight sets scored by our evaluator on the last 20 %.
// Prints medians; bench/reference/run_reference.sh runs the reference and passes its weights back.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/fsrs/optimizer.h"
#include "core/fsrs/optimizer_simulator.h"

namespace letopis {
namespace {

using Clock = std::chrono::steady_clock;

struct Arguments {
    int64_t reviews = 300'000;
    int runs = 5;
    int threads = 1;
    uint64_t seed = 20231;        // the simulated learner's draws
    std::string export_reference; // write the training items for the reference here, then exit
    std::string reference;        // the reference's result (written by reference_fit.mjs)
    std::string write_csv;        // also write the log as `letopis fsrs optimize --input` reads it
};

// The learner of the benchmark: the custom weights of the reference fixtures (not the defaults, so
// fitting has something to find). Their app schedules with the defaults.
SimulationConfig bench_learner(int64_t reviews, uint64_t seed)
{
    SimulationConfig config;
    config.truth = FsrsParams{{0.4, 1.1, 3.0, 12.0, 6.2, 0.7, 2.8, 0.01, 1.6, 0.12, 0.9, 1.5, 0.08, 0.3, 1.8, 0.5,
                               2.2, 0.6, 0.1, 0.05, 0.2}};
    config.days = 3650;
    config.new_cards_per_day = 40;
    config.max_reviews = reviews;
    config.seed = seed;
    return config;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double peak_rss_mib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

// Cards as flat [rating, days, rating, days, …] lists and the training items as [card, review]
// pairs in time order: the reference builds each item's history from them.
bool export_reference(const ReviewDataset& dataset, const ItemSubset& train, const std::string& path)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "{\"cards\":[";
    for (uint32_t card = 0; card < dataset.card_count(); ++card) {
        out << (card ? ",[" : "[");
        const auto ratings = dataset.card_ratings(card);
        const auto days = dataset.card_days(card);
        for (size_t k = 0; k < ratings.size(); ++k)
            out << (k ? "," : "") << static_cast<int>(ratings[k]) << ',' << days[k];
        out << ']';
    }
    out << "],\"items\":[";
    for (size_t i = 0; i < train.size(); ++i) {
        const TrainingItem& item = dataset.items[train[i]];
        out << (i ? ",[" : "[") << item.card << ',' << item.review << ']';
    }
    out << "]}\n";
    return static_cast<bool>(out);
}

struct ReferenceResult {
    FsrsParams params;
    double seconds = 0;
    double peak_rss_mib = 0;
    int runs = 0;
    std::string version;
};

// Lines "params w0,…,w20", "median_seconds X", "peak_rss_mib X", "runs N", "version V".
std::optional<ReferenceResult> read_reference(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    ReferenceResult result;
    bool have_params = false;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::string key, value;
        fields >> key >> value;
        if (key == "params") {
            std::istringstream weights(value);
            std::string weight;
            int i = 0;
            while (std::getline(weights, weight, ',') && i < kFsrsWeightCount)
                result.params.w[i++] = std::strtod(weight.c_str(), nullptr);
            have_params = i == kFsrsWeightCount;
        } else if (key == "median_seconds") {
            result.seconds = std::strtod(value.c_str(), nullptr);
        } else if (key == "peak_rss_mib") {
            result.peak_rss_mib = std::strtod(value.c_str(), nullptr);
        } else if (key == "runs") {
            result.runs = std::atoi(value.c_str());
        } else if (key == "version") {
            result.version = value;
        }
    }
    if (!have_params)
        return std::nullopt;
    return result;
}

bool write_csv(const std::vector<ReviewLogEntry>& log, const std::string& path)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "card_id,review_time_ms,rating\n";
    for (const ReviewLogEntry& entry : log)
        out << entry.card_id << ',' << entry.time_ms << ',' << static_cast<int>(entry.rating) << '\n';
    return static_cast<bool>(out);
}

int usage()
{
    std::fprintf(stderr, "usage: bench_optimizer [--reviews N] [--seed N] [--runs N] [--threads N]\n"
                         "                       [--reference FILE] [--export-reference FILE] [--write-csv FILE]\n");
    return 2;
}

int run(int argc, char** argv)
{
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            return usage();
        const std::string value = argv[++i];
        if (arg == "--reviews")
            args.reviews = std::atoll(value.c_str());
        else if (arg == "--runs")
            args.runs = std::max(1, std::atoi(value.c_str()));
        else if (arg == "--seed")
            args.seed = std::strtoull(value.c_str(), nullptr, 10);
        else if (arg == "--threads")
            args.threads = std::max(1, std::atoi(value.c_str()));
        else if (arg == "--reference")
            args.reference = value;
        else if (arg == "--export-reference")
            args.export_reference = value;
        else if (arg == "--write-csv")
            args.write_csv = value;
        else
            return usage();
    }

    const SimulationConfig learner = bench_learner(args.reviews, args.seed);
    const auto simulated_at = Clock::now();
    const std::vector<ReviewLogEntry> log = simulate_review_log(learner);
    const ReviewDataset dataset = build_review_dataset(log, learner.clock);
    const TimeSplit split = split_items_by_time(dataset, 1 - kHeldOutFraction);
    std::printf("log (seed %llu): %zu reviews, %zu cards, %zu items (train %zu, test %zu); simulated in %.2f s\n",
                static_cast<unsigned long long>(args.seed), log.size(),
                dataset.card_count(), dataset.items.size(), split.train.size(), split.test.size(),
                std::chrono::duration<double>(Clock::now() - simulated_at).count());
    if (!args.write_csv.empty() && !write_csv(log, args.write_csv)) {
        std::fprintf(stderr, "cannot write %s\n", args.write_csv.c_str());
        return 1;
    }
    if (!args.export_reference.empty()) {
        if (!export_reference(dataset, split.train, args.export_reference)) {
            std::fprintf(stderr, "cannot write %s\n", args.export_reference.c_str());
            return 1;
        }
        std::printf("training items for the reference written to %s\n", args.export_reference.c_str());
        return 0;
    }

    OptimizerOptions options;
    options.threads = args.threads;
    std::vector<double> seconds;
    std::optional<OptimizerFit> fit;
    bool deterministic = true;
    for (int run = 0; run < args.runs; ++run) {
        const auto start = Clock::now();
        auto result = fit_fsrs_params(dataset, split.train, options);
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        if (fit && result->params.w != fit->params.w)
            deterministic = false;
        fit = std::move(result);
    }
    const double ours_seconds = median(seconds);
    const double ours_rss = peak_rss_mib();

    const FsrsMetrics ours = evaluate_fsrs_params(dataset, split.test, fit->params);
    const FsrsMetrics defaults = evaluate_fsrs_params(dataset, split.test, FsrsParams::defaults());
    const FsrsMetrics truth = evaluate_fsrs_params(dataset, split.test, learner.truth);
    std::printf("ours: fit median %.3f s (min %.3f, max %.3f, %d runs, %d threads), peak RSS %.1f MiB, "
                "identical weights every run: %s\n",
                ours_seconds, *std::min_element(seconds.begin(), seconds.end()),
                *std::max_element(seconds.begin(), seconds.end()), args.runs, args.threads, ours_rss,
                deterministic ? "yes" : "NO");
    std::printf("  weights   %s\n", format_weights(fit->params, WeightDigits::Display).c_str());

    std::optional<ReferenceResult> reference;
    if (!args.reference.empty()) {
        reference = read_reference(args.reference);
        if (!reference) {
            std::fprintf(stderr, "cannot read the reference result %s\n", args.reference.c_str());
            return 1;
        }
        std::printf("reference %s: computeParameters median %.3f s (%d runs), peak RSS of node %.1f MiB\n",
                    reference->version.c_str(), reference->seconds, reference->runs, reference->peak_rss_mib);
        std::printf("  weights   %s\n", format_weights(reference->params, WeightDigits::Display).c_str());
    }
    std::printf("  truth     %s\n", format_weights(learner.truth, WeightDigits::Display).c_str());

    std::printf("\nheld-out items: %lld (last 20 %% by time), same evaluator for every row\n",
                static_cast<long long>(ours.items));
    std::printf("%-22s %10s %12s\n", "weights", "log loss", "RMSE(bins)");
    auto row = [](const char* name, const FsrsMetrics& m) {
        std::printf("%-22s %10.5f %12.5f\n", name, m.log_loss, m.rmse_bins);
    };
    row("ours (fitted)", ours);
    if (reference) {
        const FsrsMetrics theirs = evaluate_fsrs_params(dataset, split.test, reference->params);
        row("reference (fitted)", theirs);
        row("defaults", defaults);
        row("truth (simulated)", truth);
        const bool loss_ok = ours.log_loss <= theirs.log_loss + 0.0005;
        const bool rmse_ok = ours.rmse_bins <= theirs.rmse_bins * 1.05;
        const bool time_ok = ours_seconds <= reference->seconds / 2;
        const bool memory_ok = ours_rss <= 300;
        std::printf("\nlog loss  ours - reference = %+.5f (target <= +0.0005): %s\n", ours.log_loss - theirs.log_loss,
                    loss_ok ? "met" : "NOT MET");
        std::printf("RMSE      ours / reference = %.3f (target <= 1.05): %s\n", ours.rmse_bins / theirs.rmse_bins,
                    rmse_ok ? "met" : "NOT MET");
        std::printf("time      ours / reference = %.3f (target <= 0.5): %s\n", ours_seconds / reference->seconds,
                    time_ok ? "met" : "NOT MET");
        std::printf("memory    ours peak RSS %.1f MiB (target <= 300 MB): %s\n", ours_rss,
                    memory_ok ? "met" : "NOT MET");
    } else {
        row("defaults", defaults);
        row("truth (simulated)", truth);
        std::printf("\n(no reference figures: run bench/reference/run_reference.sh BUILD_DIR)\n");
    }
    return 0;
}

} // namespace
} // namespace letopis

int main(int argc, char** argv)
{
    return letopis::run(argc, argv);
}
