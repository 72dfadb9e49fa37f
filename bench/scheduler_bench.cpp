// Scheduler speed: FSRS memory-state updates per second on one core, the whole `letopis fsrs
// replay` command on a generated 300,000-review log (the real binary, fork/exec), and building
// today's queue on a generated 100,000-card collection through the service. Prints medians of
// wall time and of CPU time (the latter holds on a busy shared machine); targets in docs/fsrs.md.
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "collection_generator.h"
#include "core/fsrs/fsrs.h"
#include "core/scheduler/replay.h"
#include "core/scheduler/scheduler.h"
#include "service/deck_overview.h"
#include "service/study_service.h"
#include "storage/collection.h"

namespace letopis {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of this thread, in seconds.
double thread_cpu_seconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Wall and CPU time of one call.
struct Timing {
    double wall = 0;
    double cpu = 0;
};

template <typename Fn>
Timing timed(Fn&& fn)
{
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_seconds();
    fn();
    return Timing{seconds_since(start), thread_cpu_seconds() - cpu_start};
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double minimum(const std::vector<double>& values)
{
    return *std::min_element(values.begin(), values.end());
}

// --- memory-state updates ---

struct UpdateInput {
    MemoryState memory;
    int32_t elapsed_days;
    Rating rating;
};

// States and answers as a real collection has them: stabilities from hours to years, most
// answers Good, about one in ten a lapse, one in six on the same day.
std::vector<UpdateInput> update_inputs(size_t count, uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::lognormal_distribution<double> stability(2.5, 1.6);
    std::uniform_real_distribution<double> difficulty(1, 10);
    std::uniform_real_distribution<double> overdue(0.3, 2.0);
    std::vector<UpdateInput> inputs(count);
    for (UpdateInput& input : inputs) {
        input.memory = MemoryState{std::min(stability(random), 36500.0), difficulty(random)};
        input.elapsed_days = random() % 6 == 0 ? 0 : static_cast<int32_t>(input.memory.stability * overdue(random)) + 1;
        const uint64_t roll = random() % 100;
        input.rating = roll < 10 ? Rating::Again : roll < 22 ? Rating::Hard : roll < 92 ? Rating::Good : Rating::Easy;
    }
    return inputs;
}

// One update = retrievability at the answer, then the memory state after it: what replaying one
// review costs the formulas.
struct Rates {
    double wall = 0; // per second of wall time, median
    double cpu = 0;  // per second of CPU time, median
};

template <typename Update>
Rates updates_per_second(const std::vector<UpdateInput>& inputs, int runs, Update&& update, double& checksum)
{
    std::vector<double> wall, cpu;
    for (int run = 0; run < runs; ++run) {
        double sum = 0;
        const Timing t = timed([&] {
            for (const UpdateInput& input : inputs) {
                const MemoryState next = update(input);
                sum += next.stability + next.difficulty;
            }
        });
        wall.push_back(static_cast<double>(inputs.size()) / t.wall);
        cpu.push_back(static_cast<double>(inputs.size()) / t.cpu);
        checksum += sum;
    }
    return Rates{median(wall), median(cpu)};
}

void bench_updates(size_t count, int runs)
{
    const std::vector<UpdateInput> inputs = update_inputs(count, 7);
    const FsrsParams params = FsrsParams::defaults();
    const FsrsInference fsrs(params, 0.9);
    double checksum = 0;
    const Rates model_rate = updates_per_second(inputs, runs, [&](const UpdateInput& in) {
        const double r = fsrs.retrievability(in.elapsed_days, in.memory.stability);
        return fsrs.next_state(in.memory, in.elapsed_days, in.rating, r, ShortTerm::On);
    }, checksum);
    const Rates free_rate = updates_per_second(inputs, runs, [&](const UpdateInput& in) {
        const double r = retrievability(in.elapsed_days, in.memory.stability, params);
        return next_memory_state(in.memory, in.elapsed_days, in.rating, r, ShortTerm::On, params);
    }, checksum);

    // The whole answer: the four outcomes with phase rules and intervals, as a preview needs.
    const Scheduler scheduler(SchedulerConfig{});
    const DayClock utc{0, 0};
    constexpr int64_t kNow = 1'767'225'600'000; // 2026-01-01
    std::vector<CardSchedule> cards(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
        cards[i].phase = CardPhase::Review;
        cards[i].memory = inputs[i].memory;
        cards[i].last_review_ms = kNow - int64_t{inputs[i].elapsed_days} * 86'400'000;
        cards[i].scheduled_days = std::max(inputs[i].elapsed_days, 1);
    }
    std::vector<double> wall, cpu;
    for (int run = 0; run < runs; ++run) {
        int64_t sum = 0;
        const Timing t = timed([&] {
            for (size_t i = 0; i < cards.size(); ++i)
                sum += scheduler.next_states(cards[i], kNow, utc, CardId{static_cast<int64_t>(i)})[inputs[i].rating]
                           .schedule.due_ms;
        });
        wall.push_back(static_cast<double>(cards.size()) / t.wall);
        cpu.push_back(static_cast<double>(cards.size()) / t.cpu);
        checksum += static_cast<double>(sum % 1000);
    }
    std::printf("memory-state updates (R, then S and D after the answer), one core, %zu inputs, %d runs;\n"
                "medians per second of CPU time (of wall time):\n",
                count, runs);
    std::printf("  FsrsInference:          %.2f M/s (%.2f M/s)   target >= 5 M/s\n", model_rate.cpu / 1e6,
                model_rate.wall / 1e6);
    std::printf("  free functions:         %.2f M/s (%.2f M/s)\n", free_rate.cpu / 1e6, free_rate.wall / 1e6);
    std::printf("  Scheduler::next_states: %.2f M/s (%.2f M/s)   all four outcomes with phases and intervals\n",
                median(cpu) / 1e6, median(wall) / 1e6);
    std::printf("  (checksum %.3g)\n", checksum);
}

// --- replay of a 300,000-review log ---

// A learner's log: cards introduced over two years, each answered when due (a little late at
// times), recalled with the probability FSRS predicts; Hard, Good and Easy in Anki's usual
// proportions. Sorted by card, then time, like the reference fixtures.
std::string generate_review_log(size_t reviews, uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    const Scheduler scheduler(SchedulerConfig{});
    const DayClock utc{0, 0};
    constexpr int64_t kStart = 1'704'067'200'000; // 2024-01-01
    constexpr int64_t kEnd = kStart + 730 * 86'400'000LL;
    std::string out = std::string(kReplayInputHeader) + "\n";
    out.reserve(reviews * 28);
    size_t written = 0;
    for (int64_t card_id = 1; written < reviews; ++card_id) {
        CardSchedule card;
        int64_t time = kStart + static_cast<int64_t>(unit(random) * 700) * 86'400'000 +
                       static_cast<int64_t>(unit(random) * 12 * 3'600'000);
        while (time < kEnd && written < reviews) {
            Rating rating = Rating::Good;
            const NextStates states = scheduler.next_states(card, time, utc);
            const double recall = card.memory ? std::max(states[Rating::Good].retrievability, 0.05) : 0.7;
            if (unit(random) > recall) {
                rating = Rating::Again;
            } else {
                const double roll = unit(random);
                rating = roll < 0.12 ? Rating::Hard : roll < 0.92 ? Rating::Good : Rating::Easy;
            }
            out += std::to_string(card_id);
            out += ',';
            out += std::to_string(time);
            out += ',';
            out += static_cast<char>('0' + static_cast<int>(rating));
            out += '\n';
            ++written;
            card = states[rating].schedule;
            // Answered when due, up to a third of the interval late; steps within minutes.
            const int64_t interval = card.due_ms - time;
            time = card.due_ms + static_cast<int64_t>(unit(random) * 0.33 * static_cast<double>(interval));
        }
    }
    return out;
}

// Runs `letopis fsrs replay --input IN --out OUT`: wall time and the child's CPU time (user +
// system); a negative wall time if it failed.
Timing time_replay_command(const std::filesystem::path& input, const std::filesystem::path& output)
{
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        execl(LETOPIS_BINARY, LETOPIS_BINARY, "fsrs", "replay", "--input", input.c_str(), "--out", output.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const double elapsed = seconds_since(start);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return Timing{ok ? elapsed : -1, seconds(usage.ru_utime) + seconds(usage.ru_stime)};
}

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool bench_replay(const std::filesystem::path& dir, size_t reviews, int runs)
{
    const auto generate_start = Clock::now();
    const std::string log = generate_review_log(reviews, 11);
    const auto input = dir / "reviews.csv";
    std::ofstream(input, std::ios::binary) << log;
    std::printf("replay: a generated log of %zu reviews (%.1f MiB), made in %.1f s\n", reviews,
                static_cast<double>(log.size()) / (1024.0 * 1024.0), seconds_since(generate_start));

    // In process, stage by stage (CPU time).
    std::vector<double> parse_s, replay_s, format_s;
    std::string formatted;
    for (int run = 0; run < runs; ++run) {
        Result<std::vector<ReplayReview>> parsed = std::vector<ReplayReview>{};
        parse_s.push_back(timed([&] { parsed = parse_replay_csv(log, "reviews.csv"); }).cpu);
        if (!parsed) {
            std::fprintf(stderr, "%s\n", parsed.error().message.c_str());
            return false;
        }
        std::vector<ReplayRow> rows;
        replay_s.push_back(timed([&] { rows = replay_reviews(*parsed, *replay_config("default")); }).cpu);
        format_s.push_back(timed([&] { formatted = format_replay_csv(rows); }).cpu);
    }
    std::printf("  in process (CPU): parse %.1f ms, replay %.1f ms (%.2f M reviews/s), format %.1f ms (medians of %d)\n",
                median(parse_s) * 1e3, median(replay_s) * 1e3,
                static_cast<double>(reviews) / median(replay_s) / 1e6, median(format_s) * 1e3, runs);

    // The command itself, end to end: start, read, replay, write, exit.
    const auto output = dir / "replayed.csv";
    std::vector<double> wall, cpu;
    for (int run = 0; run < runs + 1; ++run) {
        const Timing t = time_replay_command(input, output);
        if (t.wall < 0) {
            std::fprintf(stderr, "letopis fsrs replay failed\n");
            return false;
        }
        if (run > 0) { // the first run warms the page cache
            wall.push_back(t.wall);
            cpu.push_back(t.cpu);
        }
    }
    const bool same = read_file(output) == formatted;
    std::printf("  `letopis fsrs replay` end to end: median %.3f s wall (min %.3f), %.3f s CPU; %d runs; "
                "target <= 0.3 s%s\n",
                median(wall), minimum(wall), median(cpu), runs, same ? "" : "  OUTPUT DIFFERS FROM IN-PROCESS REPLAY");
    std::printf("  = %.2f M reviews/s wall, including process start and file I/O\n",
                static_cast<double>(reviews) / median(wall) / 1e6);
    return same;
}

// --- today's queue ---

bool bench_queue(const std::filesystem::path& dir, int64_t cards, int runs)
{
    const int64_t now_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    const auto path = dir / "collection.db";
    const auto generate_start = Clock::now();
    if (auto status = generate_collection(path, cards, now_ms, 42); !status) {
        std::fprintf(stderr, "cannot generate the collection: %s\n", status.error().message.c_str());
        return false;
    }
    auto opened = Collection::open(path, OpenMode::MustExist);
    if (!opened) {
        std::fprintf(stderr, "cannot open the collection: %s\n", opened.error().message.c_str());
        return false;
    }
    Collection& collection = **opened;
    auto decks = collection.decks();
    if (!decks || decks->empty())
        return false;
    StudySettings settings;
    settings.clock = DayClock{0, 4};
    const FsrsInference fsrs(settings.scheduler.params, settings.scheduler.desired_retention);

    std::printf("today's queue: a generated collection of %lld cards in %zu decks (made in %.1f s)\n",
                static_cast<long long>(cards), decks->size(), seconds_since(generate_start));

    // One deck: what starting a session reads and builds.
    size_t due_total = 0;
    std::vector<double> deck_wall, deck_cpu;
    QueueCounts counts;
    for (int run = 0; run < runs + 1; ++run) {
        Result<DailyQueue> queue = DailyQueue{};
        const Timing t = timed([&] { queue = load_daily_queue(collection, decks->front(), now_ms, settings, fsrs); });
        if (!queue)
            return false;
        counts = counts_of(*queue);
        if (run > 0) { // the first run reads the file into SQLite's cache
            deck_wall.push_back(t.wall);
            deck_cpu.push_back(t.cpu);
        }
    }
    for (const DeckInfo& deck : *decks) {
        auto due = collection.due_cards(deck.id, day_start_ms(day_number(now_ms, settings.clock) + 1, settings.clock),
                                        1 << 30);
        if (due)
            due_total += due->size();
    }
    std::printf("  %zu learning and review cards due today in all decks\n", due_total);
    std::printf("  one deck's queue (%lld cards; %d new, %d learning, %d review today): median %.2f ms wall "
                "(min %.2f), %.2f ms CPU; target <= 10 ms\n",
                static_cast<long long>(cards / static_cast<int64_t>(decks->size())), counts.new_cards, counts.learning,
                counts.review, median(deck_wall) * 1e3, minimum(deck_wall) * 1e3, median(deck_cpu) * 1e3);

    // The same deck after two months away: a backlog of reviews to rank.
    const int64_t later_ms = now_ms + 60 * 86'400'000LL;
    std::vector<double> backlog_wall, backlog_cpu;
    size_t backlog_due = 0;
    for (int run = 0; run < runs + 1; ++run) {
        Result<DailyQueue> queue = DailyQueue{};
        const Timing t = timed([&] { queue = load_daily_queue(collection, decks->front(), later_ms, settings, fsrs); });
        if (!queue)
            return false;
        if (run > 0) {
            backlog_wall.push_back(t.wall);
            backlog_cpu.push_back(t.cpu);
        }
    }
    if (auto due = collection.due_cards_brief(decks->front().id, later_ms + 86'400'000))
        backlog_due = due->size();
    std::printf("  that deck two months later (~%zu cards due): median %.2f ms wall (min %.2f), %.2f ms CPU\n",
                backlog_due, median(backlog_wall) * 1e3, minimum(backlog_wall) * 1e3, median(backlog_cpu) * 1e3);

    // Through the service the UI uses: start a session on a deck (options, queue, first card).
    std::vector<double> start_wall, start_cpu;
    StudyService service(collection, settings);
    for (int run = 0; run < runs + 1; ++run) {
        Status started;
        const Timing t = timed([&] { started = service.start_session(decks->front().id, now_ms); });
        if (!started)
            return false;
        if (run > 0) {
            start_wall.push_back(t.wall);
            start_cpu.push_back(t.cpu);
        }
    }
    std::printf("  StudyService::start_session on that deck: median %.2f ms wall (min %.2f), %.2f ms CPU\n",
                median(start_wall) * 1e3, minimum(start_wall) * 1e3, median(start_cpu) * 1e3);

    // Every deck: the deck list's counts, i.e. today's queues of the whole collection.
    std::vector<double> all_wall, all_cpu;
    for (int run = 0; run < runs + 1; ++run) {
        Result<std::vector<DeckSummary>> summaries = std::vector<DeckSummary>{};
        const Timing t = timed([&] { summaries = deck_summaries(collection, now_ms, settings); });
        if (!summaries)
            return false;
        if (run > 0) {
            all_wall.push_back(t.wall);
            all_cpu.push_back(t.cpu);
        }
    }
    std::printf("  every deck's queue (the deck list, %zu decks): median %.2f ms wall (min %.2f), %.2f ms CPU\n",
                decks->size(), median(all_wall) * 1e3, minimum(all_wall) * 1e3, median(all_cpu) * 1e3);
    return true;
}

} // namespace
} // namespace letopis

int main(int argc, char** argv)
{
    // bench_scheduler [UPDATES] [REVIEWS] [CARDS] [RUNS] [KEEP_DIR]
    // With KEEP_DIR the generated log and collection are written there and kept (for profiling).
    const size_t updates = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2'000'000;
    const size_t reviews = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 300'000;
    const int64_t cards = argc > 3 ? std::atoll(argv[3]) : 100'000;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 11;
    const bool keep = argc > 5;

    const auto dir = keep ? std::filesystem::path(argv[5])
                          : std::filesystem::temp_directory_path() /
                                ("letopis-bench-scheduler-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::filesystem::remove(dir / "collection.db");
    if (updates > 0)
        letopis::bench_updates(updates, runs);
    const bool replay_ok = reviews == 0 || letopis::bench_replay(dir, reviews, runs);
    const bool queue_ok = cards == 0 || letopis::bench_queue(dir, cards, runs);
    if (!keep)
        std::filesystem::remove_all(dir);
    return replay_ok && queue_ok ? 0 : 1;
}
