// Option checking and file handling around the pure replay in core/scheduler/replay.h.
#include "app/fsrs_replay_command.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/fsrs/fsrs.h"
#include "core/scheduler/replay.h"

namespace letopis {
namespace {

int fail(const std::string& message)
{
    std::fprintf(stderr, "letopis: %s\n", message.c_str());
    return 2;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, separator);)
        parts.push_back(part);
    return parts;
}

// "1m,10m" → minutes; units m, h, d.
std::optional<std::vector<int32_t>> parse_steps(const std::string& text)
{
    std::vector<int32_t> minutes;
    if (text.empty())
        return minutes;
    for (const auto& part : split(text, ',')) {
        if (part.size() < 2)
            return std::nullopt;
        int32_t value = 0;
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size() - 1, value);
        if (ec != std::errc() || end != part.data() + part.size() - 1 || value <= 0)
            return std::nullopt;
        const char unit = part.back();
        const int32_t factor = unit == 'm' ? 1 : unit == 'h' ? 60 : unit == 'd' ? 1440 : 0;
        if (factor == 0)
            return std::nullopt;
        minutes.push_back(value * factor);
    }
    return minutes;
}

} // namespace

int run_fsrs_replay(const FsrsReplayOptions& options)
{
    auto config = replay_config(options.mode);
    if (!config)
        return fail("--mode must be `default` or `longterm`, not `" + options.mode + "`");
    if (!options.params.empty()) {
        const auto parts = split(options.params, ',');
        if (parts.size() != kFsrsWeightCount)
            return fail("--params needs 21 comma-separated weights, got " + std::to_string(parts.size()));
        for (size_t i = 0; i < parts.size(); ++i) {
            try {
                size_t used = 0;
                config->params.w[i] = std::stod(parts[i], &used);
                if (used != parts[i].size())
                    throw std::invalid_argument(parts[i]);
            } catch (...) {
                return fail("--params: weight w" + std::to_string(i) + " `" + parts[i] + "` is not a number");
            }
        }
        if (auto bad = find_weight_out_of_bounds(config->params)) {
            const auto& bounds = fsrs_weight_bounds()[*bad];
            return fail("--params: w" + std::to_string(*bad) + " is outside its bounds [" + std::to_string(bounds.low) +
                        ", " + std::to_string(bounds.high) + "]");
        }
    }
    if (options.retention) {
        if (*options.retention < 0.70 || *options.retention > 0.99)
            return fail("--retention must be between 0.70 and 0.99");
        config->desired_retention = *options.retention;
    }
    if (options.max_interval) {
        if (*options.max_interval < 1)
            return fail("--max-interval must be at least 1 day");
        config->maximum_interval_days = *options.max_interval;
    }
    if (options.learning_steps) {
        auto steps = parse_steps(*options.learning_steps);
        if (!steps)
            return fail("--learning-steps must look like 1m,10m (units m, h, d)");
        config->learning_steps_minutes = *steps;
    }
    if (options.relearning_steps) {
        auto steps = parse_steps(*options.relearning_steps);
        if (!steps)
            return fail("--relearning-steps must look like 10m (units m, h, d)");
        config->relearning_steps_minutes = *steps;
    }

    std::ifstream in(options.input, std::ios::binary);
    if (!in)
        return fail("cannot read " + options.input);
    std::ostringstream text;
    text << in.rdbuf();
    auto rows = replay_csv(text.str(), options.input, *config);
    if (!rows)
        return fail(rows.error().describe());
    const std::string output = format_replay_csv(*rows);
    if (options.out.empty()) {
        std::fwrite(output.data(), 1, output.size(), stdout);
        return 0;
    }
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    out << output;
    if (!out)
        return fail("cannot write " + options.out);
    return 0;
}

} // namespace letopis
