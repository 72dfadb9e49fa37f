// `letopis import FILE...`: imports deck files into the collection, one transaction per file.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <vector>

#include "app/cli_context.h"
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

void add_import_command(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("import", "Import deck files into the collection");
    auto files = std::make_shared<std::vector<std::string>>();
    command->add_option("FILE", *files, "Deck files (.tsv, see docs/deck-format.md)")->required();
    command->callback([&context, files] {
        context.command = [&context, files] { return run_import(context.collection_path(), *files); };
    });
}

} // namespace letopis
