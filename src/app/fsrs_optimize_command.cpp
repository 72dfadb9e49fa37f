// Reading the log, the clock and the output format around the pure optimizer in core/fsrs.
#include "app/fsrs_optimize_command.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/clock.h"
#include "core/fsrs/optimizer.h"
#include "core/scheduler/replay.h"
#include "service/optimizer_job.h"
#include "storage/collection.h"

namespace letopis {
namespace {

int fail(const std::string& message)
{
    std::fprintf(stderr, "letopis: %s\n", message.c_str());
    return 2;
}

const char* scope_name(FitScope scope)
{
    switch (scope) {
    case FitScope::Defaults:
        return "defaults";
    case FitScope::InitialStability:
        return "initial_stability";
    case FitScope::All:
        return "all";
    }
    return "defaults";
}

// What the learner reads when the data did not support every weight.
std::string small_data_message(const OptimizerFit& fit)
{
    const std::string more = std::to_string(fit.items_needed) + " more review" + (fit.items_needed == 1 ? "" : "s") +
                             " answered a day or more after the card's previous review";
    if (fit.scope == FitScope::Defaults)
        return "too few reviews to fit any weight (" + std::to_string(fit.items) + " usable): these are the defaults; " +
               more + " are needed to fit them all";
    if (fit.scope == FitScope::InitialStability)
        return "only the first stabilities w0..w3 were fitted (" + std::to_string(fit.items) + " usable reviews); " +
               more + " are needed to fit every weight";
    return {};
}

std::string number(double value, const char* format)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string json_metric(const OptimizationReport& report, double FsrsMetrics::*field, bool with_current)
{
    if (!report.fitted)
        return "null";
    std::string out = "{\"fitted\": " + number((*report.fitted).*field, "%.6f") +
                      ", \"default\": " + number((*report.defaults).*field, "%.6f");
    if (with_current)
        out += ", \"current\": " + number((*report.current).*field, "%.6f");
    return out + "}";
}

std::string json_escape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

int run_fsrs_optimize(const FsrsOptimizeOptions& options)
{
    const int64_t now = now_utc_ms();
    DayClock clock = local_day_clock(now);
    if (options.utc_offset_minutes) {
        if (*options.utc_offset_minutes < -720 || *options.utc_offset_minutes > 840)
            return fail("--utc-offset must be between -720 and 840 minutes");
        clock.utc_offset_minutes = *options.utc_offset_minutes;
    }
    if (options.rollover_hour) {
        if (*options.rollover_hour < 0 || *options.rollover_hour > 23)
            return fail("--rollover must be an hour from 0 to 23");
        clock.rollover_hour = *options.rollover_hour;
    }

    std::vector<ReviewLogEntry> log;
    FsrsParams current = FsrsParams::defaults();
    const bool from_collection = options.input.empty();
    if (!from_collection) {
        std::ifstream in(options.input, std::ios::binary);
        if (!in)
            return fail("cannot read " + options.input);
        std::ostringstream text;
        text << in.rdbuf();
        auto reviews = parse_replay_csv(text.str(), options.input);
        if (!reviews) {
            std::fprintf(stderr, "%s\n", reviews.error().describe().c_str());
            return 2;
        }
        log.reserve(reviews->size());
        for (const ReplayReview& review : *reviews)
            log.push_back(ReviewLogEntry{review.card_id, review.review_time_ms, review.rating});
    } else {
        auto collection = Collection::open(options.collection, OpenMode::MustExist);
        if (!collection)
            return fail(collection.error().describe());
        auto entries = (*collection)->review_log();
        if (!entries)
            return fail(entries.error().describe());
        log = std::move(*entries);
        auto applied = load_fsrs_params(**collection);
        if (!applied)
            return fail(applied.error().describe());
        current = *applied;
    }

    const auto started = std::chrono::steady_clock::now();
    const ReviewDataset dataset = build_review_dataset(log, clock);
    const std::optional<OptimizationReport> report = optimize_fsrs(dataset, current);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // optimize_fsrs returns nullopt only when cancelled, and nothing cancels it here.
    const OptimizerFit& fit = report->fit;
    const std::string message = small_data_message(fit);

    if (!options.json) {
        std::printf("%s\n", format_weights(fit.params, WeightDigits::Display).c_str());
        if (!message.empty())
            std::fprintf(stderr, "letopis: %s\n", message.c_str());
        return 0;
    }
    std::string json = "{\n";
    json += "  \"params\": [" + format_weights(fit.params, WeightDigits::Display) + "],\n";
    json += "  \"log_loss\": " + json_metric(*report, &FsrsMetrics::log_loss, from_collection) + ",\n";
    json += "  \"rmse_bins\": " + json_metric(*report, &FsrsMetrics::rmse_bins, from_collection) + ",\n";
    json += "  \"reviews\": " + std::to_string(report->reviews) + ",\n";
    json += "  \"items\": " + std::to_string(report->items) + ",\n";
    json += "  \"held_out_items\": " + std::to_string(report->fitted ? report->fitted->items : 0) + ",\n";
    json += "  \"cards\": " + std::to_string(report->cards) + ",\n";
    json += "  \"fitted_weights\": \"" + std::string(scope_name(fit.scope)) + "\",\n";
    json += "  \"reviews_needed\": " + std::to_string(fit.items_needed) + ",\n";
    if (!message.empty())
        json += "  \"message\": \"" + json_escape(message) + "\",\n";
    json += "  \"seconds\": " + number(seconds, "%.3f") + "\n}\n";
    std::fwrite(json.data(), 1, json.size(), stdout);
    return 0;
}

} // namespace letopis
