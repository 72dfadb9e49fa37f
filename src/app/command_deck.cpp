// `letopis deck check FILE...` (the linter: FILE:LINE: error|warning: text; exit 0 clean or
// warnings only, 1 errors, 2 a file could not be read) and `letopis deck export NAME --out FILE`.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <future>
#include <memory>
#include <vector>

#include "app/cli_context.h"
#include "deck/deck_lint.h"
#include "deck/import_file.h"
#include "service/deck_export.h"
#include "storage/collection.h"
#include "text/lemmas.h"
#include "text/stress_dictionary.h"

namespace letopis {
namespace {

struct CheckArguments {
    std::vector<std::string> files;
    std::string encoding;
    std::string stress_dictionary = std::string(StressDictionary::kDefaultPath);
};

int run_check(const CheckArguments& args)
{
    ImportFileOptions options;
    options.purpose = ReadPurpose::Lint;
    if (!args.encoding.empty()) {
        options.encoding = encoding_from_name(args.encoding);
        if (!options.encoding) {
            std::fprintf(stderr, "letopis: unknown encoding \"%s\"\n", args.encoding.c_str());
            return 2;
        }
    }

    // Both dictionaries take ~100 ms to load: load them side by side, once for all files.
    auto stress_loading = std::async(std::launch::async, [&] { return StressDictionary::load(args.stress_dictionary); });
    auto lemmas_loading = std::async(std::launch::async, [] { return Lemmatizer::open_default(); });
    auto stress = stress_loading.get();
    auto lemmas = lemmas_loading.get();
    LintTools tools;
    if (stress) {
        tools.stress = stress->get();
    } else {
        std::fprintf(stderr, "letopis: warning: %s; the stress check was skipped\n", stress.error().describe().c_str());
    }
    if (lemmas) {
        tools.lemmas = lemmas->get();
    } else {
        std::fprintf(stderr, "letopis: warning: %s; example sentences are matched by word beginnings only\n",
                     lemmas.error().describe().c_str());
    }

    int status = 0;
    size_t errors = 0, warnings = 0;
    for (const auto& file : args.files) {
        auto read = read_import_file(file, options);
        if (!read) {
            std::printf("%s: error: %s\n", file.c_str(), read.error().describe().c_str());
            status = 2;
            continue;
        }
        std::vector<Diagnostic> diagnostics = read->diagnostics;
        std::vector<Diagnostic> content = lint_deck(read->deck, tools);
        diagnostics.insert(diagnostics.end(), content.begin(), content.end());
        sort_by_line(diagnostics);
        for (const auto& diagnostic : diagnostics)
            std::printf("%s\n", format_diagnostic(file, diagnostic).c_str());
        errors += count_of(diagnostics, Severity::Error);
        warnings += count_of(diagnostics, Severity::Warning);
        if (has_errors(diagnostics) && status == 0)
            status = 1;
    }
    std::fflush(stdout);
    std::fprintf(stderr, "%zu file%s checked: %zu error%s, %zu warning%s\n", args.files.size(),
                 args.files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    return status;
}

struct ExportArguments {
    std::string name;
    std::string out;
    std::string format = "deck";
};

int run_export(const std::filesystem::path& collection_path, const ExportArguments& args)
{
    const ExportFormat format = args.format == "tsv" ? ExportFormat::Tsv : ExportFormat::Deck;
    auto collection = Collection::open(collection_path, OpenMode::MustExist);
    if (!collection) {
        std::fprintf(stderr, "letopis: %s\n", collection.error().describe().c_str());
        return 2;
    }
    auto text = export_deck(**collection, args.name, format);
    if (!text) {
        std::fprintf(stderr, "letopis: %s\n", text.error().describe().c_str());
        return 1;
    }
    if (args.out == "-") {
        std::fwrite(text->data(), 1, text->size(), stdout);
        return 0;
    }
    // Written beside the target and renamed, so a failed export never leaves half a file.
    const std::filesystem::path out(args.out);
    const std::filesystem::path partial = out.string() + ".partial";
    {
        std::ofstream stream(partial, std::ios::binary | std::ios::trunc);
        stream.write(text->data(), static_cast<std::streamsize>(text->size()));
        stream.close();
        if (!stream) {
            std::fprintf(stderr, "letopis: %s: cannot write the file\n", args.out.c_str());
            std::error_code ec;
            std::filesystem::remove(partial, ec);
            return 2;
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, out, ec);
    if (ec) {
        std::fprintf(stderr, "letopis: %s: %s\n", args.out.c_str(), ec.message().c_str());
        std::filesystem::remove(partial, ec);
        return 2;
    }
    return 0;
}

} // namespace

void add_deck_commands(CLI::App& app, CliContext& context)
{
    auto* deck = app.add_subcommand("deck", "Tools for deck authors: check and export decks");
    deck->require_subcommand(1);

    auto* check = deck->add_subcommand("check", "Lint deck files or word lists: FILE:LINE: error|warning: text");
    auto check_args = std::make_shared<CheckArguments>();
    check->add_option("FILE", check_args->files, "Deck files or word lists")->required();
    check->add_option("--encoding", check_args->encoding, "Read the files in this encoding instead of detecting it");
    check->add_option("--stress-dictionary", check_args->stress_dictionary,
                      "The Mueller7 accent dictionary (.dict.dz) to compare stresses with");
    check->callback([&context, check_args] { context.command = [check_args] { return run_check(*check_args); }; });

    auto* exporter = deck->add_subcommand("export", "Write a deck of the collection as a deck file or a plain TSV");
    auto export_args = std::make_shared<ExportArguments>();
    exporter->add_option("NAME", export_args->name, "The deck's key or title")->required();
    exporter->add_option("--out", export_args->out, "The file to write (- for standard output)")->required();
    exporter->add_option("--format", export_args->format, "deck (default) or tsv")
        ->check(CLI::IsMember({"deck", "tsv"}));
    exporter->callback([&context, export_args] {
        context.command = [&context, export_args] { return run_export(context.collection_path(), *export_args); };
    });
}

} // namespace letopis
