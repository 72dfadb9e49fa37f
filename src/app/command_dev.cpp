// `letopis dev …`: tools for developers. `dev generate --cards N` makes a large collection (decks,
// notes, a year of answers) through the app's own storage and scheduler code.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <system_error>

#include "app/cli_context.h"
#include "app/clock.h"
#include "service/collection_generator.h"

namespace letopis {
namespace {

struct GenerateArguments {
    int64_t cards = 10'000;
    uint64_t seed = 42;
};

int run_generate(const std::filesystem::path& path, const GenerateArguments& args)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        std::fprintf(stderr, "letopis: %s exists; dev generate only writes a new collection\n", path.c_str());
        return 1;
    }
    if (args.cards < 2) {
        std::fprintf(stderr, "letopis: --cards must be at least 2 (two cards per note)\n");
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    // The learner's local days, as the app and `letopis check --rebuild` use them.
    if (Status made = generate_collection(path, args.cards, now_utc_ms(), args.seed, local_day_clock); !made) {
        std::fprintf(stderr, "letopis: %s\n", made.error().describe().c_str());
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %lld cards in %.1f s, %.1f MiB\n", path.c_str(), static_cast<long long>(args.cards), seconds,
                double(std::filesystem::file_size(path, ec)) / (1024.0 * 1024.0));
    return 0;
}

} // namespace

void add_dev_commands(CLI::App& app, CliContext& context)
{
    auto* dev = app.add_subcommand("dev", "Tools for developers");
    dev->require_subcommand(1);
    auto* generate = dev->add_subcommand("generate", "Write a new collection of N generated cards (for benchmarks)");
    auto args = std::make_shared<GenerateArguments>();
    generate->add_option("--cards", args->cards, "Number of cards (two per note; default 10000)");
    generate->add_option("--seed", args->seed, "Random seed (default 42)");
    generate->callback([&context, args] {
        context.command = [&context, args] {
            // Never the learner's own collection by default: the file must be named.
            if (context.collection_option.empty()) {
                std::fprintf(stderr, "letopis: dev generate needs --collection NEW-FILE\n");
                return 2;
            }
            return run_generate(context.collection_path(), *args);
        };
    });
}

} // namespace letopis
