// `letopis import FILE...`: imports deck files and word lists (CSV/TSV, any supported encoding)
// into the collection, one transaction per file; a file with errors imports nothing.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "app/cli_context.h"
#include "deck/import_file.h"
#include "service/deck_import.h"
#include "storage/collection.h"

namespace letopis {
namespace {

struct ImportArguments {
    std::vector<std::string> files;
    std::string encoding;
    int russian_column = 0; // 1-based on the command line; 0 to detect
    int english_column = 0;
    bool fix_mojibake = false;
    bool keep_mojibake = false;
    std::string deck_key;
    std::string title;
};

void print_detection(const std::string& file, const ImportedFile& read)
{
    std::printf("%s: %s, %s (%s)", file.c_str(),
                std::string(file_format_name(read.format, read.layout.delimiter)).c_str(),
                std::string(encoding_name(read.encoding)).c_str(),
                std::string(encoding_source_name(read.encoding_source)).c_str());
    if (read.format == FileFormat::WordList && read.layout.russian_column >= 0) {
        std::printf("; Russian in column %d, English in column %d%s", read.layout.russian_column + 1,
                    read.layout.english_column + 1, read.layout.has_header ? ", header row" : "");
    }
    if (read.mojibake && read.mojibake->applied) {
        std::printf("; repaired %s text shown as %s", read.mojibake->repair.written_in.c_str(),
                    read.mojibake->repair.read_as.c_str());
    }
    std::printf("\n");
}

int run_import(const std::filesystem::path& collection_path, const ImportArguments& args)
{
    ImportFileOptions options;
    if (!args.encoding.empty()) {
        options.encoding = encoding_from_name(args.encoding);
        if (!options.encoding) {
            std::fprintf(stderr, "letopis: unknown encoding \"%s\" (use UTF-8, UTF-16LE, UTF-16BE, windows-1251, "
                                 "KOI8-R, CP866 or ISO-8859-5)\n", args.encoding.c_str());
            return 2;
        }
    }
    if (args.russian_column > 0)
        options.columns.russian_column = args.russian_column - 1;
    if (args.english_column > 0)
        options.columns.english_column = args.english_column - 1;
    options.mojibake = args.fix_mojibake ? MojibakeChoice::Repair
                     : args.keep_mojibake ? MojibakeChoice::Keep
                                          : MojibakeChoice::Ask;
    options.deck_key = args.deck_key;
    options.deck_title = args.title;

    auto collection = Collection::open(collection_path);
    if (!collection) {
        std::fprintf(stderr, "letopis: %s\n", collection.error().describe().c_str());
        return 2;
    }
    int status = 0;
    for (const auto& file : args.files) {
        auto read = read_import_file(file, options);
        if (!read) {
            std::fprintf(stderr, "%s\n", read.error().describe().c_str());
            status = std::max(status, 2);
            continue;
        }
        print_detection(file, *read);
        if (read->mojibake && !read->mojibake->applied && options.mojibake == MojibakeChoice::Ask) {
            std::fprintf(stderr, "%s: the text looks garbled; with --fix-mojibake it would read:\n", file.c_str());
            for (const auto& line : read->mojibake->sample)
                std::fprintf(stderr, "  %d: %s\n   → %s\n", line.line, line.before.c_str(), line.after.c_str());
        }
        auto report = import_read_file(**collection, *read, file);
        if (!report) {
            std::fprintf(stderr, "%s\n%s: nothing was imported\n", report.error().describe().c_str(), file.c_str());
            status = std::max(status, 1);
            continue;
        }
        for (const auto& warning : report->warnings)
            std::fprintf(stderr, "%s\n", format_diagnostic(file, warning).c_str());
        std::printf("%s: %s — %d notes added, %d updated (%d changed)\n", file.c_str(), report->deck_title.c_str(),
                    report->notes_added, report->notes_updated, report->notes_changed);
        if (report->notes_restored > 0)
            std::printf("%s: %d notes are back in the file and were unsuspended\n", file.c_str(), report->notes_restored);
        if (!report->notes_missing.empty()) {
            std::printf("%s: %zu notes of deck \"%s\" are no longer in the file; their cards are suspended "
                        "(%d just now), their history kept:\n",
                        file.c_str(), report->notes_missing.size(), report->deck_key.c_str(), report->notes_suspended);
            for (const auto& missing : report->notes_missing)
                std::printf("  %s — %s\n", missing.key.c_str(), missing.russian.c_str());
        }
    }
    return status;
}

} // namespace

void add_import_command(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("import", "Import deck files and word lists (CSV/TSV) into the collection");
    auto args = std::make_shared<ImportArguments>();
    command->add_option("FILE", args->files, "Deck files or word lists (see docs/deck-format.md)")->required();
    command->add_option("--encoding", args->encoding,
                        "Read the files in this encoding instead of detecting it (UTF-8, windows-1251, KOI8-R, CP866, …)");
    command->add_option("--russian-column", args->russian_column, "Word lists: the column holding Russian (1 = first)")
        ->check(CLI::PositiveNumber);
    command->add_option("--english-column", args->english_column, "Word lists: the column holding English (1 = first)")
        ->check(CLI::PositiveNumber);
    auto* fix = command->add_flag("--fix-mojibake", args->fix_mojibake, "Repair text that looks garbled (e.g. windows-1251 shown as windows-1250)");
    command->add_flag("--keep-mojibake", args->keep_mojibake, "Import text that looks garbled as it is")->excludes(fix);
    command->add_option("--deck-key", args->deck_key, "Word lists: the deck key (default: from the file name)");
    command->add_option("--title", args->title, "Word lists: the deck title (default: the file name)");
    command->callback([&context, args] {
        context.command = [&context, args] { return run_import(context.collection_path(), *args); };
    });
}

} // namespace letopis
