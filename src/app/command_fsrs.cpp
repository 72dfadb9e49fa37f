// `letopis fsrs …`: tools around the scheduler (replay, for comparison with the reference; optimize,
// to fit the weights to a review log).
#include <CLI/CLI.hpp>

#include <memory>

#include "app/cli_context.h"
#include "app/fsrs_optimize_command.h"
#include "app/fsrs_replay_command.h"

namespace letopis {

void add_fsrs_commands(CLI::App& app, CliContext& context)
{
    auto* fsrs = app.add_subcommand("fsrs", "FSRS tools");
    fsrs->require_subcommand(1);

    auto* replay = fsrs->add_subcommand("replay", "Replay a review log (card_id,review_time_ms,rating) through the scheduler");
    struct ReplayArguments {
        FsrsReplayOptions options;
        double retention = 0;
        int max_interval = 0;
        std::string learning_steps, relearning_steps;
    };
    auto args = std::make_shared<ReplayArguments>();
    replay->add_option("--input", args->options.input, "Review log CSV")->required();
    replay->add_option("--mode", args->options.mode, "default (learning steps) or longterm (no steps)");
    replay->add_option("--params", args->options.params, "21 comma-separated weights (default: FSRS-6 defaults)");
    auto* retention = replay->add_option("--retention", args->retention, "Desired retention, 0.70-0.99 (default 0.9)");
    auto* max_interval = replay->add_option("--max-interval", args->max_interval, "Maximum interval in days (default 36500)");
    auto* learning = replay->add_option("--learning-steps", args->learning_steps, "Learning steps (default 1m,10m)");
    auto* relearning = replay->add_option("--relearning-steps", args->relearning_steps, "Relearning steps (default 10m)");
    replay->add_option("--out", args->options.out, "Write the result here instead of stdout");
    replay->callback([&context, args, retention, max_interval, learning, relearning] {
        if (retention->count())
            args->options.retention = args->retention;
        if (max_interval->count())
            args->options.max_interval = args->max_interval;
        if (learning->count())
            args->options.learning_steps = args->learning_steps;
        if (relearning->count())
            args->options.relearning_steps = args->relearning_steps;
        context.command = [args] { return run_fsrs_replay(args->options); };
    });

    auto* optimize = fsrs->add_subcommand("optimize", "Fit the 21 FSRS weights to a review log (default: the collection's own)");
    struct OptimizeArguments {
        FsrsOptimizeOptions options;
        int utc_offset = 0;
        int rollover = 0;
    };
    auto optimize_args = std::make_shared<OptimizeArguments>();
    optimize->add_option("--input", optimize_args->options.input, "Review log CSV (card_id,review_time_ms,rating)");
    optimize->add_flag("--json", optimize_args->options.json, "Print weights and held-out figures as JSON");
    auto* utc_offset = optimize->add_option("--utc-offset", optimize_args->utc_offset,
                                            "Learner's UTC offset in minutes (default: this computer's)");
    auto* rollover = optimize->add_option("--rollover", optimize_args->rollover, "Hour the learner's day starts (default 4)");
    optimize->callback([&context, optimize_args, utc_offset, rollover] {
        if (utc_offset->count())
            optimize_args->options.utc_offset_minutes = optimize_args->utc_offset;
        if (rollover->count())
            optimize_args->options.rollover_hour = optimize_args->rollover;
        context.command = [&context, optimize_args] {
            optimize_args->options.collection = context.collection_path();
            return run_fsrs_optimize(optimize_args->options);
        };
    });
}

} // namespace letopis
