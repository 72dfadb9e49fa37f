// Tests for check_collection_file (`letopis check`): a healthy file passes; damage, foreign
// files, newer schemas, tampered schemas and cards out of step with their log are all found —
// and the file is never changed by looking.
#include <gtest/gtest.h>

#include "db/database.h"
#include "storage/collection_fixture.h"
#include "storage/integrity.h"
#include "storage/v1_collection.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

constexpr int64_t kNow = 1'700'000'000'000;

// A collection of `notes` notes with an answer for some of their cards, written to the main file.
void make_collection(const fs::path& path, int notes = 300)
{
    auto collection = testing::open_collection(path);
    ASSERT_TRUE(collection);
    DeckId deck = testing::add_deck(*collection, "letopis");
    ASSERT_TRUE(collection->transact([&]() -> Status {
        for (int i = 0; i < notes; ++i) {
            Note note = testing::make_note(deck, "n" + std::to_string(i), "ле́топись " + std::to_string(i), "chronicle");
            note.example_russian = "Се повести временных лет, откуду есть пошла Русская земля.";
            Result<NoteId> id = collection->upsert_note(note);
            if (!id)
                return id.error();
            if (i % 3 != 0)
                continue;
            Card card = (*collection->cards_for_note(*id))[0];
            card.schedule.phase = CardPhase::Review;
            card.schedule.memory = MemoryState{4.0, 5.0};
            card.schedule.due_ms = kNow + 4 * 86'400'000;
            card.schedule.last_review_ms = kNow;
            card.schedule.scheduled_days = 4;
            card.schedule.reps = 1;
            ReviewRecord review;
            review.time_ms = kNow;
            review.stability = 4.0;
            review.difficulty = 5.0;
            review.scheduled_days = 4;
            review.due_ms = card.schedule.due_ms;
            TRY_STATUS(collection->record_answer(card, review));
        }
        return {};
    }).ok());
    ASSERT_TRUE(collection->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
}

IntegrityReport checked(const fs::path& path)
{
    Result<IntegrityReport> report = check_collection_file(path);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : IntegrityReport{};
}

TEST(Integrity, AHealthyCollectionHasNoProblems)
{
    TempDir dir;
    make_collection(dir / "c.db");
    const std::string before = testing::read_bytes(dir / "c.db");
    IntegrityReport report = checked(dir / "c.db");
    EXPECT_TRUE(report.problems.empty()) << report.problems.front();
    EXPECT_FALSE(report.damaged());
    EXPECT_EQ(report.schema_version, Collection::schema_version());
    EXPECT_EQ(report.cards, 600);
    EXPECT_EQ(report.reviews, 100);
    EXPECT_EQ(report.undone_reviews, 0);
    EXPECT_TRUE(testing::read_bytes(dir / "c.db") == before);
}

TEST(Integrity, ACardOutOfStepWithItsLogIsAProblem)
{
    TempDir dir;
    make_collection(dir / "c.db");
    {
        auto collection = testing::open_collection(dir / "c.db");
        ASSERT_TRUE(collection);
        // Card 1 was answered (note 0, first card); card 2 never was.
        ASSERT_TRUE(collection->database().exec("UPDATE cards SET due_ms = due_ms + 1 WHERE id = 1").ok());
        ASSERT_TRUE(collection->database().exec("UPDATE cards SET phase = 2 WHERE id = 2").ok());
    }
    IntegrityReport report = checked(dir / "c.db");
    ASSERT_EQ(report.problems.size(), 2u);
    EXPECT_NE(report.problems[0].find("card 1: its stored schedule disagrees with its last answer"),
              std::string::npos)
        << report.problems[0];
    EXPECT_NE(report.problems[1].find("card 2 was never answered"), std::string::npos) << report.problems[1];
    EXPECT_EQ(report.cards_disagreeing, 2);
    EXPECT_FALSE(report.damaged());
}

TEST(Integrity, UndoneAnswersKeepTheCollectionConsistent)
{
    TempDir dir;
    make_collection(dir / "c.db", 3);
    {
        auto collection = testing::open_collection(dir / "c.db");
        ASSERT_TRUE(collection);
        Result<std::optional<Card>> undone = collection->undo_last_answer(ReviewId{}, kNow + 1);
        ASSERT_TRUE(undone.ok() && undone->has_value());
    }
    IntegrityReport report = checked(dir / "c.db");
    EXPECT_TRUE(report.problems.empty()) << report.problems.front();
    EXPECT_EQ(report.reviews, 0);
    EXPECT_EQ(report.undone_reviews, 1);
}

TEST(Integrity, ADamagedPageIsAProblemAndTheFileIsLeftAlone)
{
    TempDir dir;
    make_collection(dir / "c.db");
    std::string bytes = testing::read_bytes(dir / "c.db");
    ASSERT_GT(bytes.size(), 12u * 4096);
    for (size_t i = 0; i < 512; ++i)
        bytes[10 * 4096 + i] = static_cast<char>(0x5A);
    testing::write_bytes(dir / "c.db", bytes);
    IntegrityReport report = checked(dir / "c.db");
    ASSERT_FALSE(report.problems.empty());
    EXPECT_TRUE(report.damaged());
    EXPECT_TRUE(testing::read_bytes(dir / "c.db") == bytes);
    EXPECT_FALSE(fs::exists(dir / "c.db-wal"));
}

TEST(Integrity, ATruncatedFileIsAProblem)
{
    TempDir dir;
    make_collection(dir / "full.db");
    const std::string truncated = testing::read_bytes(dir / "full.db").substr(0, 24 * 1024);
    testing::write_bytes(dir / "t.db", truncated);
    IntegrityReport report = checked(dir / "t.db");
    ASSERT_FALSE(report.problems.empty());
    EXPECT_NE(report.problems[0].find("damaged or incomplete"), std::string::npos) << report.problems[0];
    EXPECT_TRUE(testing::read_bytes(dir / "t.db") == truncated);
}

TEST(Integrity, FilesThatCannotBeCheckedAreErrors)
{
    TempDir dir;
    testing::write_bytes(dir / "words.txt", "летопись\tchronicle\n");
    Result<IntegrityReport> text = check_collection_file(dir / "words.txt");
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().kind, ErrorKind::NotACollection);

    Result<IntegrityReport> missing = check_collection_file(dir / "missing.db");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);

    make_collection(dir / "new.db", 2);
    {
        Result<std::unique_ptr<Database>> db = Database::open(dir / "new.db", DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("PRAGMA user_version = 99").ok());
    }
    Result<IntegrityReport> newer = check_collection_file(dir / "new.db");
    ASSERT_FALSE(newer.ok());
    EXPECT_EQ(newer.error().kind, ErrorKind::TooNew);

    make_collection(dir / "open.db", 2);
    auto open = testing::open_collection(dir / "open.db");
    ASSERT_TRUE(open);
    Result<IntegrityReport> locked = check_collection_file(dir / "open.db");
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().kind, ErrorKind::Locked);
    EXPECT_NE(locked.error().message.find("already open in another Letopis window"), std::string::npos);
    // Refused files get nothing beside them.
    EXPECT_FALSE(fs::exists(dir / "words.txt.lock"));
    EXPECT_FALSE(fs::exists(dir / "missing.db.lock"));
    EXPECT_FALSE(fs::exists(dir / "new.db-wal"));
}

TEST(Integrity, AnOlderSchemaIsANoteNotAProblem)
{
    TempDir dir;
    testing::make_v1_collection(dir / "v1.db");
    IntegrityReport report = checked(dir / "v1.db");
    EXPECT_TRUE(report.problems.empty()) << report.problems.front();
    EXPECT_EQ(report.schema_version, 1);
    ASSERT_EQ(report.notes.size(), 1u);
    EXPECT_NE(report.notes[0].find("upgrades it to version 3"), std::string::npos);
    EXPECT_EQ(report.reviews, 2);
}

TEST(Integrity, AChangedSchemaIsAProblem)
{
    TempDir dir;
    make_collection(dir / "c.db", 2);
    {
        Result<std::unique_ptr<Database>> db = Database::open(dir / "c.db", DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("DROP TRIGGER reviews_no_delete; CREATE INDEX stray ON notes(english)").ok());
    }
    IntegrityReport report = checked(dir / "c.db");
    ASSERT_EQ(report.problems.size(), 2u);
    EXPECT_NE(report.problems[0].find("lacks or has changed: trigger reviews_no_delete"), std::string::npos)
        << report.problems[0];
    EXPECT_NE(report.problems[1].find("has an unexpected: index stray"), std::string::npos) << report.problems[1];
    EXPECT_TRUE(report.damaged());
}

TEST(Integrity, ADanglingReferenceIsAProblem)
{
    TempDir dir;
    make_collection(dir / "c.db", 2);
    {
        Result<std::unique_ptr<Database>> db = Database::open(dir / "c.db", DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        // Foreign keys are off on a plain connection, as in any other SQLite tool.
        ASSERT_TRUE((*db)->exec("INSERT INTO cards (note_id, deck_id, direction) VALUES (999, 1, 0)").ok());
    }
    IntegrityReport report = checked(dir / "c.db");
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_NE(report.problems[0].find("of table cards refers to a row of notes that does not exist"),
              std::string::npos)
        << report.problems[0];
}

} // namespace
} // namespace letopis
