// What the subcommands share: the --collection option, and the command chosen on the line.
// Each subcommand lives in its own command_*.cpp and registers itself with add_*_command().
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace letopis {

struct CliContext {
    std::string collection_option;  // --collection, empty for the default
    std::function<int()> command;   // set when a subcommand was given; returns the exit status

    std::filesystem::path collection_path() const;
};

// One per command file; keep the list in cli.cpp in step with these.
void add_import_command(CLI::App& app, CliContext& context);
void add_deck_commands(CLI::App& app, CliContext& context);
void add_fsrs_commands(CLI::App& app, CliContext& context);
void add_say_command(CLI::App& app, CliContext& context);
void add_check_answer_command(CLI::App& app, CliContext& context);
void add_check_command(CLI::App& app, CliContext& context);
void add_backup_command(CLI::App& app, CliContext& context);
void add_dev_commands(CLI::App& app, CliContext& context);

} // namespace letopis
