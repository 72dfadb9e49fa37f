// The crash test: 20 times, a helper process answers cards as fast as it can through the study
// service and is killed with SIGKILL after a random delay (seeded). After each kill the collection
// must pass `letopis check` (exit 0), and every review whose id the helper printed — printed only
// after its commit returned — must be in it.
#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <string>

#include "db/database.h"
#include "db/statement.h"
#include "db/temp_dir.h"
#include "storage/collection.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kKills = 20;
constexpr const char* kDeckKey = "01-revolution";

void make_collection(const fs::path& path)
{
    Result<std::unique_ptr<Collection>> opened = Collection::open(path);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    Collection& collection = **opened;
    DeckInfo deck;
    deck.key = kDeckKey;
    deck.title = "Революция и Гражданская война";
    deck.new_per_day = 9999; // never run out of new cards within a run
    deck.reviews_per_day = 9999;
    Result<DeckId> id = collection.upsert_deck(deck);
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(collection.transact([&]() -> Status {
        for (int i = 0; i < 1500; ++i) {
            Note note;
            note.deck = *id;
            note.key = "n" + std::to_string(i);
            note.russian = "сове́т " + std::to_string(i);
            note.english = "council " + std::to_string(i);
            TRY_STATUS(collection.upsert_note(note));
        }
        return {};
    }).ok());
}

struct HelperRun {
    std::vector<int64_t> printed; // review ids on complete lines
    std::string errors;
    bool killed = false;
};

// Starts the helper, reads its output until `delay` has passed, kills it with SIGKILL, then reads
// whatever it had written before dying.
HelperRun run_and_kill(const fs::path& collection, std::chrono::milliseconds delay)
{
    HelperRun run;
    int out[2];
    if (::pipe(out) != 0)
        return run;
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        ::execl(LETOPIS_CRASH_HELPER, LETOPIS_CRASH_HELPER, collection.c_str(), kDeckKey, static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    std::string bytes;
    char buffer[4096];
    const auto deadline = Clock::now() + delay;
    bool open = true;
    while (open && Clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        pollfd fd{out[0], POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(std::max<int64_t>(left.count(), 1))) > 0) {
            ssize_t n = ::read(out[0], buffer, sizeof buffer);
            if (n <= 0)
                open = false;
            else
                bytes.append(buffer, static_cast<size_t>(n));
        }
    }
    run.killed = ::kill(pid, SIGKILL) == 0;
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;)
        bytes.append(buffer, static_cast<size_t>(n));
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status))
        run.errors = "the helper exited by itself with status " + std::to_string(WEXITSTATUS(status));
    // A line cut short by the kill was never completed: only whole lines count.
    size_t start = 0;
    for (size_t end; (end = bytes.find('\n', start)) != std::string::npos; start = end + 1)
        run.printed.push_back(std::stoll(bytes.substr(start, end - start)));
    return run;
}

// Runs `letopis check --collection PATH`; returns its exit code and output.
std::pair<int, std::string> letopis_check(const fs::path& collection)
{
    const std::string command = std::string(LETOPIS_BINARY) + " check --collection '" + collection.string() + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return {-1, "cannot run " + command};
    std::string output;
    char buffer[1024];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        output.append(buffer, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

TEST(Crash, EveryCommittedAnswerSurvivesSigkill)
{
    TempDir dir;
    const fs::path path = dir / "collection.db";
    make_collection(path);
    std::mt19937 random(20251129);
    std::uniform_int_distribution<int> delay_ms(60, 600);

    std::set<int64_t> promised; // every id the helper printed, over all runs
    int runs_with_answers = 0;
    for (int kill = 0; kill < kKills; ++kill) {
        HelperRun run = run_and_kill(path, std::chrono::milliseconds(delay_ms(random)));
        ASSERT_TRUE(run.killed) << "run " << kill << ": " << run.errors;
        promised.insert(run.printed.begin(), run.printed.end());
        runs_with_answers += run.printed.empty() ? 0 : 1;

        auto [code, output] = letopis_check(path);
        ASSERT_EQ(code, 0) << "after kill " << kill << ", letopis check says:\n" << output;

        Result<std::unique_ptr<Collection>> opened = Collection::open(path, OpenMode::MustExist);
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        Result<Statement> ids = (*opened)->database().prepare("SELECT id FROM live_reviews");
        ASSERT_TRUE(ids.ok());
        std::set<int64_t> stored;
        while (*ids->step())
            stored.insert(ids->column_int(0));
        for (int64_t id : promised)
            ASSERT_TRUE(stored.contains(id)) << "after kill " << kill << ", review " << id << " is missing";
    }
    std::printf("[ figures  ] %d kills, %d of them mid-study, %zu answers promised and found\n", kKills,
                runs_with_answers, promised.size());
    EXPECT_GE(runs_with_answers, kKills / 2) << "too few runs got as far as answering";
    EXPECT_GE(promised.size(), 100u);
}

} // namespace
} // namespace letopis
