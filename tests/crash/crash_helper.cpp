// The crash test's victim: opens the collection given on the command line and answers cards as
// fast as it can through StudyService (the review screen's own path), printing each review id on
// stdout, flushed, once answer() has returned. It never stops by itself before 60 s: the test
// kills it with SIGKILL.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "service/study_service.h"
#include "storage/collection.h"

using namespace letopis;

namespace {

constexpr int64_t kDayMs = 86'400'000;

int fail(const std::string& what)
{
    std::fprintf(stderr, "crash helper: %s\n", what.c_str());
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3)
        return fail("usage: letopis_crash_helper COLLECTION DECK-KEY");
    Result<std::unique_ptr<Collection>> opened = Collection::open(argv[1], OpenMode::MustExist);
    if (!opened)
        return fail(opened.error().message);
    Collection& collection = **opened;
    Result<std::optional<DeckInfo>> deck = collection.deck_by_key(argv[2]);
    if (!deck || !deck->has_value())
        return fail("no such deck");

    // Simulated time, carrying on after the newest answer of the previous run, so every run is
    // later than the last and sees due reviews as the days pass.
    Result<std::optional<ReviewId>> last = collection.last_answer();
    if (!last)
        return fail(last.error().message);
    int64_t now = last->has_value() ? (*last)->value / 1000 + 60'000 : 1'772'445'600'000; // 2026-03-02 10:00
    StudySettings settings;
    settings.clock = DayClock{0, 4};
    StudyService service(collection, settings);

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    const ReviewId since{now * 1000};
    int n = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (Status started = service.start_session((*deck)->id, now); !started)
            return fail(started.error().message);
        while (service.current()) {
            now += 20'000;
            const Rating rating = kAllRatings[(n * 5 + n / 3) % 4];
            ++n;
            if (Status answered = service.answer(rating, now, 2000); !answered)
                return fail(answered.error().message);
            Result<std::optional<ReviewId>> id = collection.last_answer(since);
            if (!id || !id->has_value())
                return fail("the answer just committed is not there");
            // Printed only now that the commit has returned: the test holds us to it.
            std::printf("%lld\n", static_cast<long long>((*id)->value));
            std::fflush(stdout);
        }
        service.end_session();
        now += kDayMs; // done for today: come back tomorrow
    }
    return 0;
}
