// Storage benchmarks: the cost of committing one answer (card + review + undo journal, one
// transaction, synchronous=FULL), of undoing one, and of opening a 1,000,000-card collection and
// building today's queue (every deck's counts and the first card). Prints medians; targets in
// docs/benchmarks.md. The 1M-card collection is generated once and kept under /tmp.
// Usage: bench_storage [ANSWERS=2000 (0: skip)] [RUNS=11] [LARGE-FILE] [--no-maintenance | --answers-only]
// --answers-only: the answer figures alone, without opening (or generating) the 1M-card file.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "collection_generator.h"
#include "core/scheduler/scheduler.h"
#include "service/backup.h"
#include "service/collection_check.h"
#include "service/study_service.h"
#include "storage/collection.h"

namespace {

// The pause before each answer of the paced figure: far quicker than any learner, long enough for
// the checkpoint thread to finish between answers.
constexpr int kPaceMs = 50;

using namespace letopis;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())));
    return values[index];
}

void print_figures(const char* what, const std::vector<double>& ms, const char* target)
{
    std::printf("%-44s median %7.3f ms  p99 %7.3f ms  max %7.3f ms  (%zu runs; %s)\n", what, percentile(ms, 0.5),
                percentile(ms, 0.99), percentile(ms, 1.0), ms.size(), target);
}

int64_t wall_ms()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

[[noreturn]] void die(const std::string& what, const Error& error)
{
    std::fprintf(stderr, "%s: %s\n", what.c_str(), error.message.c_str());
    std::exit(1);
}

// Answers `answers` cards of a 20,000-card collection, timing record_answer alone, then undoes the
// last `undos` of them, timing undo_answer.
void bench_answers(const fs::path& dir, int answers, int undos)
{
    const fs::path path = dir / "answers.db";
    const int64_t start_ms = wall_ms();
    if (Status made = generate_collection(path, 20'000, start_ms, 7); !made)
        die("generate", made.error());
    auto opened = Collection::open(path, OpenMode::MustExist);
    if (!opened)
        die("open", opened.error());
    Collection& collection = **opened;
    auto decks = collection.decks();
    if (!decks || decks->empty())
        die("decks", decks ? make_error(ErrorKind::NotFound, "no deck") : decks.error());

    const SchedulerConfig config;
    const DayClock clock{0, 4};
    std::vector<Card> cards;
    for (const DeckInfo& deck : *decks) {
        auto fresh = collection.new_cards(deck.id, answers);
        if (!fresh)
            die("new cards", fresh.error());
        cards.insert(cards.end(), fresh->begin(), fresh->end());
    }
    std::vector<double> commit_ms;
    std::vector<double> paced_ms;
    std::vector<ReviewId> ids;
    int64_t now = start_ms;
    // Back to back first (the worst case: the WAL only grows, checkpoints never finish), then at
    // a pace closer to a learner's, with a pause before each answer in which a checkpoint can
    // finish and the WAL start again from its beginning, as it does between real answers.
    const int paced = std::min(answers, 300);
    for (int i = 0; i < answers + paced; ++i) {
        const bool pacing = i >= answers;
        if (pacing)
            ::usleep(kPaceMs * 1000);
        Card card = cards[static_cast<size_t>(i) % cards.size()];
        auto current = collection.card(card.id);
        if (!current)
            die("card", current.error());
        card = *current;
        now += 1000;
        const Rating rating = kAllRatings[i % 4];
        const NextStates states = next_states(card.schedule, now, config, clock, card.id);
        Card updated = card;
        updated.schedule = states[rating].schedule;
        ReviewRecord review = make_review_record(card.schedule, states[rating], rating, now);
        review.card = card.id;
        const auto t = Clock::now();
        auto id = collection.record_answer(updated, review);
        (pacing ? paced_ms : commit_ms).push_back(ms_since(t));
        if (!id)
            die("record_answer", id.error());
        ids.push_back(*id);
    }
    print_figures("answer commit (record_answer), back to back", commit_ms, "target: median <= 1 ms, p99 <= 5 ms");
    print_figures("answer commit, 50 ms between answers", paced_ms, "same target");

    std::vector<double> undo_ms;
    for (int i = 0; i < undos; ++i) {
        const auto t = Clock::now();
        auto undone = collection.undo_answer(ids[ids.size() - 1 - static_cast<size_t>(i)], now + 1000);
        undo_ms.push_back(ms_since(t));
        if (!undone)
            die("undo_answer", undone.error());
    }
    print_figures("undo of one answer (undo_answer)", undo_ms, "no target");

    // The whole path of the review screen: commit, then the next card and the counts.
    StudySettings settings;
    settings.clock = clock;
    StudyService service(collection, settings);
    if (Status started = service.start_session((*decks)[0].id, now); !started)
        die("start_session", started.error());
    std::vector<double> session_ms;
    for (int i = 0; i < answers / 2 && service.current(); ++i) {
        now += 1000;
        const auto t = Clock::now();
        if (Status answered = service.answer(kAllRatings[i % 4], now, 1000); !answered)
            die("answer", answered.error());
        session_ms.push_back(ms_since(t));
    }
    print_figures("answer through StudyService (commit + next card)", session_ms, "no target");
}

// Bump when the schema or the generator changes: a cached file of another format is made again.
constexpr const char* kLargeFormat = "schema-3/generator-2";

// Opens the 1M-card collection and builds today's queue, `runs` times; then, unless told not to,
// times a backup and `letopis check` on it.
void bench_large(const fs::path& cached, int runs, bool with_maintenance)
{
    bool current = false;
    if (fs::exists(cached)) {
        auto opened = Collection::open(cached, OpenMode::MustExist);
        if (!opened)
            die("open", opened.error());
        auto format = (*opened)->setting("bench.format");
        current = format && format->has_value() && **format == kLargeFormat;
    }
    if (!current) {
        std::printf("generating %s (1,000,000 cards; once, kept for later runs)…\n", cached.c_str());
        std::fflush(stdout);
        const auto t = Clock::now();
        fs::path partial = cached;
        partial += ".generating";
        fs::remove(partial);
        const int64_t now = wall_ms();
        if (Status made = generate_collection(partial, 1'000'000, now, 42); !made)
            die("generate", made.error());
        {
            auto opened = Collection::open(partial, OpenMode::MustExist);
            if (!opened)
                die("open", opened.error());
            if (Status noted = (*opened)->set_setting("bench.generated_at_ms", std::to_string(now)); !noted)
                die("setting", noted.error());
            if (Status noted = (*opened)->set_setting("bench.format", kLargeFormat); !noted)
                die("setting", noted.error());
        }
        fs::remove(cached);
        fs::rename(partial, cached);
        fs::path lock = partial;
        lock += ".lock";
        fs::remove(lock);
        std::printf("generated in %.0f s\n", ms_since(t) / 1000.0);
    }
    int64_t now = wall_ms();
    {
        auto opened = Collection::open(cached, OpenMode::MustExist);
        if (!opened)
            die("open", opened.error());
        auto generated = (*opened)->setting("bench.generated_at_ms");
        if (generated && generated->has_value())
            now = std::stoll(**generated) + 60'000; // the queue as of just after generation
        auto reviews = (*opened)->review_count();
        std::printf("collection: %s, %.0f MiB, %lld answers\n", cached.c_str(),
                    double(fs::file_size(cached)) / (1024.0 * 1024.0),
                    static_cast<long long>(reviews ? *reviews : -1));
    }
    StudySettings settings;
    settings.clock = DayClock{0, 4};
    std::vector<double> open_ms, queue_ms, total_ms, close_ms, counts_ms, first_card_ms;
    for (int run = 0; run < runs; ++run) {
        const auto t0 = Clock::now();
        auto opened = Collection::open(cached, OpenMode::MustExist);
        if (!opened)
            die("open", opened.error());
        const double opened_ms = ms_since(t0);
        const auto t1 = Clock::now();
        StudyService service(**opened, settings);
        auto summaries = service.deck_summaries(now);
        if (!summaries || summaries->empty())
            die("deck summaries", summaries ? make_error(ErrorKind::NotFound, "no deck") : summaries.error());
        counts_ms.push_back(ms_since(t1));
        const auto t3 = Clock::now();
        if (Status started = service.start_session(summaries->front().deck.id, now); !started)
            die("start_session", started.error());
        if (!service.current())
            die("first card", make_error(ErrorKind::NotFound, "no card to show"));
        first_card_ms.push_back(ms_since(t3));
        queue_ms.push_back(ms_since(t1));
        if (run == 0) {
            int64_t due = 0;
            for (const DeckSummary& summary : *summaries)
                due += summary.today.total();
            std::printf("today's queue: %zu decks, %lld cards to study (after daily limits)\n", summaries->size(),
                        static_cast<long long>(due));
        }
        total_ms.push_back(ms_since(t0));
        open_ms.push_back(opened_ms);
        const auto t2 = Clock::now();
        service.end_session();
        opened->reset();
        close_ms.push_back(ms_since(t2));
    }
    print_figures("1M cards: open", open_ms, "");
    print_figures("1M cards: deck list counts (every deck)", counts_ms, "");
    print_figures("1M cards: start a session, first card", first_card_ms, "");
    print_figures("1M cards: deck counts + first card", queue_ms, "");
    print_figures("1M cards: open + today's queue", total_ms, "target <= 300 ms");
    print_figures("1M cards: close", close_ms, "no target");

    if (!with_maintenance)
        return;
    // Maintenance on the large file: a backup (as on close) and `letopis check`.
    const fs::path copy_dir = fs::temp_directory_path() / ("letopis-bench-backup-" + std::to_string(::getpid()));
    fs::create_directories(copy_dir);
    {
        auto opened = Collection::open(cached, OpenMode::MustExist);
        if (!opened)
            die("open", opened.error());
        const auto t = Clock::now();
        if (Status copied = (*opened)->backup_to(copy_dir / "backup.db"); !copied)
            die("backup", copied.error());
        std::printf("%-44s %.0f ms\n", "1M cards: one backup (online backup API)", ms_since(t));
    }
    fs::remove_all(copy_dir);
    const auto t = Clock::now();
    auto checked = check_collection(cached, CheckOptions{});
    if (!checked)
        die("check", checked.error());
    std::printf("%-44s %.0f ms (%s)\n", "1M cards: letopis check (no rebuild)", ms_since(t),
                checked->healthy() ? "healthy" : "problems");
}

} // namespace

int main(int argc, char** argv)
{
    const int answers = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 11;
    const fs::path cached = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path() / "letopis-bench-1m-v3.db";
    const std::string option = argc > 4 ? argv[4] : "";
    const bool with_maintenance = option != "--no-maintenance";
    // Repeated runs of the commit figures need neither the 1M-card file nor its minutes of set-up.
    const bool answers_only = option == "--answers-only";

    const fs::path dir = fs::temp_directory_path() / ("letopis-bench-storage-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    if (answers > 0)
        bench_answers(dir, answers, std::min(answers, 200));
    fs::remove_all(dir);
    if (!answers_only)
        bench_large(cached, runs, with_maintenance);
    return 0;
}
