// Command-line parsing (CLI11, from Debian) and dispatch to the window or a subcommand.
#include "app/cli.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "app/fsrs_replay_command.h"
#include "app/paths.h"
#include "app/window_app.h"
#include "service/deck_import.h"
#include "storage/collection.h"

namespace letopis {
namespace {

int run_import(const std::filesystem::path& collection_path, const std::vector<std::string>& files)
{
    auto collection = Collection::open(collection_path);
    if (!collection) {
        std::fprintf(stderr, "letopis: %s\n", collection.error().describe().c_str());
        return 2;
    }
    int status = 0;
    for (const auto& file : files) {
        auto report = import_deck_file(**collection, file);
        if (!report) {
            std::fprintf(stderr, "%s\n", report.error().describe().c_str());
            status = 1;
            continue;
        }
        std::printf("%s: %s — %d notes added, %d updated\n", file.c_str(), report->deck_title.c_str(),
                    report->notes_added, report->notes_updated);
    }
    return status;
}

} // namespace

int run_cli(int argc, char** argv)
{
    CLI::App app{"Letopis — learn Russian vocabulary from history texts, with spaced repetition (FSRS-6).\n"
                 "With no subcommand, opens the study window."};
    app.set_version_flag("--version", std::string("letopis ") + LETOPIS_VERSION);

    std::string collection_path;
    app.add_option("--collection", collection_path,
                   "Collection file (default: $XDG_DATA_HOME/letopis/collection.db)");

    WindowOptions window;
    std::string screen, screenshot, script;
    app.add_option("--screen", screen, "Open this screen first: decks, review or done");
    app.add_option("--screenshot", screenshot, "Render the screen once the layout has settled, write this PNG, exit");
    app.add_option("--script", script, "Replay a UI script (docs/ui-scripts.md), then exit; non-zero if a step failed");

    auto* import = app.add_subcommand("import", "Import deck files into the collection");
    std::vector<std::string> import_files;
    import->add_option("FILE", import_files, "Deck files (.tsv, see docs/deck-format.md)")->required();

    auto* fsrs = app.add_subcommand("fsrs", "FSRS tools");
    fsrs->require_subcommand(1);
    auto* replay = fsrs->add_subcommand("replay", "Replay a review log (card_id,review_time_ms,rating) through the scheduler");
    FsrsReplayOptions replay_options;
    double retention = 0;
    int max_interval = 0;
    std::string learning_steps, relearning_steps;
    replay->add_option("--input", replay_options.input, "Review log CSV")->required();
    replay->add_option("--mode", replay_options.mode, "default (learning steps) or longterm (no steps)");
    replay->add_option("--params", replay_options.params, "21 comma-separated weights (default: FSRS-6 defaults)");
    auto* retention_option = replay->add_option("--retention", retention, "Desired retention, 0.70-0.99 (default 0.9)");
    auto* max_interval_option = replay->add_option("--max-interval", max_interval, "Maximum interval in days (default 36500)");
    auto* learning_option = replay->add_option("--learning-steps", learning_steps, "Learning steps (default 1m,10m)");
    auto* relearning_option = replay->add_option("--relearning-steps", relearning_steps, "Relearning steps (default 10m)");
    replay->add_option("--out", replay_options.out, "Write the result here instead of stdout");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    const std::filesystem::path collection = collection_path.empty() ? default_collection_path() : std::filesystem::path(collection_path);
    if (import->parsed())
        return run_import(collection, import_files);
    if (replay->parsed()) {
        if (retention_option->count())
            replay_options.retention = retention;
        if (max_interval_option->count())
            replay_options.max_interval = max_interval;
        if (learning_option->count())
            replay_options.learning_steps = learning_steps;
        if (relearning_option->count())
            replay_options.relearning_steps = relearning_steps;
        return run_fsrs_replay(replay_options);
    }

    window.collection = collection;
    if (!screen.empty())
        window.screen = screen;
    if (!screenshot.empty())
        window.screenshot = screenshot;
    if (!script.empty())
        window.script = script;
    return run_window(window);
}

} // namespace letopis
