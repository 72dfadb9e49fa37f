// Tests for writes that fail underneath: a full disk, a read-only file, and a collection file
// deleted or replaced while open. Each gives a clear message and loses nothing committed.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db/database.h"
#include "storage/collection_fixture.h"
#include "storage/integrity.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

constexpr int64_t kNow = 1'700'000'000'000;

// A collection with one deck of `notes` notes; returns its first card.
Card fill(Collection& collection, int notes = 20)
{
    DeckId deck = testing::add_deck(collection, "letopis");
    NoteId first;
    for (int i = 0; i < notes; ++i) {
        NoteId note = testing::add_note(collection, deck, "n" + std::to_string(i), "ле́топись", "chronicle");
        if (i == 0)
            first = note;
    }
    return (*collection.cards_for_note(first))[0];
}

Result<ReviewId> answer(Collection& collection, Card card, int64_t time_ms)
{
    card.schedule.phase = CardPhase::Learning;
    card.schedule.memory = MemoryState{1.5, 6};
    card.schedule.due_ms = time_ms + 600'000;
    card.schedule.last_review_ms = time_ms;
    card.schedule.reps += 1;
    ReviewRecord review;
    review.time_ms = time_ms;
    review.stability = 1.5;
    review.difficulty = 6;
    review.due_ms = card.schedule.due_ms;
    review.duration_ms = 2000;
    return collection.record_answer(card, review);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(WriteFailure, FullDiskRefusesTheAnswerClearlyAndKeepsEveryEarlierOne)
{
    TempDir dir;
    auto collection = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(collection);
    Card card = fill(*collection);
    Database& db = collection->database();
    Result<int64_t> pages = db.query_int("PRAGMA page_count");
    ASSERT_TRUE(pages.ok());
    ASSERT_TRUE(db.exec("PRAGMA max_page_count = " + std::to_string(*pages)).ok());

    std::vector<ReviewId> saved;
    std::optional<Error> failure;
    for (int i = 0; i < 5000 && !failure; ++i) {
        Result<ReviewId> id = answer(*collection, card, kNow + i * 1000);
        if (id)
            saved.push_back(*id);
        else
            failure = id.error();
    }
    ASSERT_TRUE(failure.has_value()) << "the database never filled up";
    EXPECT_EQ(failure->kind, ErrorKind::DiskFull);
    EXPECT_TRUE(contains(failure->message, "The last answer was not saved to " + (dir / "c.db").string() +
                                               ": the disk is full. Earlier answers are safe."))
        << failure->message;
    EXPECT_FALSE(db.in_transaction());
    // The failed answer left nothing behind: not its review, not its change to the card.
    EXPECT_EQ(*collection->review_count(), static_cast<int64_t>(saved.size()));
    EXPECT_EQ(collection->card(card.id)->schedule.last_review_ms, kNow + (static_cast<int64_t>(saved.size()) - 1) * 1000);

    // Space again (the limit belongs to this connection): everything is there, and answering works.
    collection.reset();
    collection = testing::open_collection(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(collection);
    EXPECT_EQ(*collection->review_count(), static_cast<int64_t>(saved.size()));
    EXPECT_EQ(*collection->last_answer(), std::optional<ReviewId>(saved.back()));
    EXPECT_TRUE(answer(*collection, card, kNow + 10'000'000).ok());
}

TEST(WriteFailure, FileDeletedWhileOpenIsWrittenBackWithEveryCommit)
{
    TempDir dir;
    const fs::path path = dir / "c.db";
    auto collection = testing::open_collection(path);
    ASSERT_TRUE(collection);
    Card card = fill(*collection);
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(answer(*collection, card, kNow + i * 1000).ok());

    fs::remove(path);
    Result<ReviewId> lost = answer(*collection, card, kNow + 10'000);
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().kind, ErrorKind::Io);
    EXPECT_TRUE(contains(lost.error().message, path.string() + " was deleted or moved while Letopis had it open"))
        << lost.error().message;
    EXPECT_TRUE(contains(lost.error().message, "Everything saved before was copied to " + path.string()))
        << lost.error().message;
    // Every later write is refused the same way; reading still works.
    Result<ReviewId> again = answer(*collection, card, kNow + 20'000);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(contains(again.error().message, "was deleted or moved"));
    EXPECT_EQ(*collection->review_count(), 3);

    collection.reset();
    Result<IntegrityReport> check = check_collection_file(path);
    ASSERT_TRUE(check.ok()) << check.error().message;
    EXPECT_TRUE(check->problems.empty()) << check->problems.front();
    EXPECT_EQ(check->reviews, 3);
    EXPECT_FALSE(fs::exists(dir / "c.db-wal"));
}

TEST(WriteFailure, FileReplacedWhileOpenIsRescuedBesideIt)
{
    TempDir dir;
    const fs::path path = dir / "c.db";
    auto collection = testing::open_collection(path);
    ASSERT_TRUE(collection);
    Card card = fill(*collection);
    ASSERT_TRUE(answer(*collection, card, kNow).ok());

    fs::rename(path, dir / "moved.db");
    testing::write_bytes(path, "someone else's file");
    Result<ReviewId> lost = answer(*collection, card, kNow + 1000);
    ASSERT_FALSE(lost.ok());
    const fs::path rescue = dir / "backups" / "c-rescued.db";
    EXPECT_TRUE(contains(lost.error().message, "copied to " + rescue.string())) << lost.error().message;
    collection.reset();
    EXPECT_EQ(testing::read_bytes(path), "someone else's file");
    auto rescued = testing::open_collection(rescue, OpenMode::MustExist);
    ASSERT_TRUE(rescued);
    EXPECT_EQ(*rescued->review_count(), 1);
}

TEST(WriteFailure, ReadOnlyFileIsRefusedAtOpenAndLeftAlone)
{
    TempDir dir;
    ::chmod(dir.path().c_str(), 0777);
    {
        auto collection = testing::open_collection(dir / "c.db");
        ASSERT_TRUE(collection);
        fill(*collection, 2);
    }
    ::chmod((dir / "c.db").c_str(), 0444);
    const std::string before = testing::read_bytes(dir / "c.db");
    // Root may write anything: the check runs in a child that drops to "nobody".
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(77);
        Result<std::unique_ptr<Collection>> opened = Collection::open(dir / "c.db");
        if (opened.ok())
            ::_exit(1);
        if (opened.error().kind != ErrorKind::ReadOnly)
            ::_exit(2);
        ::_exit(contains(opened.error().message, "c.db is not writable") ? 0 : 3);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77)
        GTEST_SKIP() << "cannot drop root privileges here";
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_TRUE(testing::read_bytes(dir / "c.db") == before);
}

} // namespace
} // namespace letopis
