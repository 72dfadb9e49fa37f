// Tests that the WAL is copied into the main file by the checkpointer thread, not by the commits
// themselves, and that nothing is lost either way.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "db/database.h"
#include "storage/collection_fixture.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

TEST(Checkpoints, TheThreadCopiesTheWalIntoTheFile)
{
    TempDir dir;
    const fs::path path = dir / "c.db";
    auto collection = testing::open_collection(path);
    ASSERT_TRUE(collection);
    const uintmax_t empty_size = fs::file_size(path);
    DeckId deck = testing::add_deck(*collection, "letopis");
    // About 6 MB of notes in small transactions: past the 1000-page (4 MB) threshold.
    for (int batch = 0; batch < 60; ++batch) {
        ASSERT_TRUE(collection->transact([&]() -> Status {
            for (int i = 0; i < 50; ++i) {
                Note note = testing::make_note(deck, "n" + std::to_string(batch * 50 + i), "ле́топись", "chronicle");
                note.notes = std::string(1500, 'x');
                TRY_STATUS(collection->upsert_note(note));
            }
            return {};
        }).ok());
    }
    // The commits never checkpoint below 20000 pages themselves: a main file that grew was
    // written by the thread.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (fs::file_size(path) < empty_size + 3'000'000 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_GE(fs::file_size(path), empty_size + 3'000'000);
    EXPECT_EQ(*collection->note_count(deck), 3000);
    collection.reset();
    EXPECT_FALSE(fs::exists(dir / "c.db-wal")); // the last connection folded it in on closing
    auto reopened = testing::open_collection(path, OpenMode::MustExist);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(*reopened->note_count(deck), 3000);
}

} // namespace
} // namespace letopis
