// Command-line parsing (CLI11, from Debian): the window by default, or one subcommand.
#include "app/cli.h"

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli_context.h"
#include "app/paths.h"
#include "app/window_app.h"

namespace letopis {

std::filesystem::path CliContext::collection_path() const
{
    return collection_option.empty() ? default_collection_path() : std::filesystem::path(collection_option);
}

int run_cli(int argc, char** argv)
{
    CLI::App app{"Letopis — learn Russian vocabulary from history texts, with spaced repetition (FSRS-6).\n"
                 "With no subcommand, opens the study window."};
    app.set_version_flag("--version", std::string("letopis ") + LETOPIS_VERSION);

    // `letopis import F --collection C` as well as `letopis --collection C import F`.
    app.fallthrough();
    CliContext context;
    app.add_option("--collection", context.collection_option,
                   "Collection file (default: $XDG_DATA_HOME/letopis/collection.db)");

    std::string screen, screenshot, script;
    app.add_option("--screen", screen, "Open this screen first: decks, review or done");
    app.add_option("--screenshot", screenshot, "Render the screen once the layout has settled, write this PNG, exit");
    app.add_option("--script", script, "Replay a UI script (docs/ui-scripts.md), then exit; non-zero if a step failed");

    // Subcommands, one file each (command_*.cpp).
    add_fsrs_commands(app, context);
    add_import_command(app, context);
    add_deck_commands(app, context);
    add_say_command(app, context);
    add_check_answer_command(app, context);
    add_check_command(app, context);
    add_backup_command(app, context);
    add_dev_commands(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (context.command)
        return context.command();

    WindowOptions window;
    window.collection = context.collection_path();
    if (!screen.empty())
        window.screen = screen;
    if (!screenshot.empty())
        window.screenshot = screenshot;
    if (!script.empty())
        window.script = script;
    return run_window(window);
}

} // namespace letopis
