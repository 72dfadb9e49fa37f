// `letopis check [--rebuild]`: is the collection healthy? Exit 0 healthy, 1 problems found (listed;
// with --rebuild, cards whose schedule disagreed with their log were repaired), 2 cannot open.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include "app/cli_context.h"
#include "app/clock.h"
#include "service/collection_check.h"
#include "service/study_settings.h"

namespace letopis {
namespace {

std::string utc_time(int64_t time_ms)
{
    const std::time_t seconds = static_cast<std::time_t>(time_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

std::string describe(const CardSchedule& s)
{
    std::string text = std::string(phase_name(s.phase)) + ", due " + utc_time(s.due_ms) + ", " +
                       std::to_string(s.reps) + " answers, " + std::to_string(s.lapses) + " lapses";
    if (s.memory)
        text += ", stability " + std::to_string(s.memory->stability);
    return text;
}

int run_check(const std::filesystem::path& path, bool rebuild)
{
    CheckOptions options;
    options.rebuild = rebuild;
    // The scheduler and the learner's days exactly as the app answers cards.
    options.settings = StudySettings{};
    options.clock_at = local_day_clock;
    Result<CheckReport> checked = check_collection(path, options);
    if (!checked) {
        std::fprintf(stderr, "letopis: %s\n", checked.error().describe().c_str());
        return 2;
    }
    const CheckReport& report = *checked;
    const IntegrityReport& integrity = report.integrity;
    for (const std::string& note : integrity.notes)
        std::printf("note: %s\n", note.c_str());
    if (!integrity.problems.empty()) {
        std::printf("%s: %zu problem%s found:\n", path.c_str(), integrity.problems.size(),
                    integrity.problems.size() == 1 ? "" : "s");
        for (const std::string& problem : integrity.problems)
            std::printf("  - %s\n", problem.c_str());
    }
    if (report.rebuilt) {
        for (const CardRebuild& card : report.repaired)
            std::printf("  - card %lld disagreed with its log and was rebuilt: stored %s; from the log %s\n",
                        static_cast<long long>(card.card.value), describe(card.stored).c_str(),
                        describe(card.recomputed).c_str());
        std::printf("rebuild: %zu of %lld cards recomputed from the log differed%s\n", report.repaired.size(),
                    static_cast<long long>(integrity.cards), report.repaired.empty() ? "" : " and were repaired");
    }
    if (report.healthy())
        std::printf("%s: healthy (schema %d, %lld cards, %lld answers, %lld undone)\n", path.c_str(),
                    integrity.schema_version, static_cast<long long>(integrity.cards),
                    static_cast<long long>(integrity.reviews), static_cast<long long>(integrity.undone_reviews));
    return report.healthy() ? 0 : 1;
}

} // namespace

void add_check_command(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "check", "Check the collection: SQLite's integrity and foreign keys, the schema, every card against its "
                 "last answer. Exit 0 healthy, 1 problems found, 2 cannot open");
    auto rebuild = std::make_shared<bool>(false);
    command->add_flag("--rebuild", *rebuild,
                      "Also recompute every card's schedule from its review log, and repair and list those that "
                      "disagreed");
    command->callback([&context, rebuild] {
        context.command = [&context, rebuild] { return run_check(context.collection_path(), *rebuild); };
    });
}

} // namespace letopis
