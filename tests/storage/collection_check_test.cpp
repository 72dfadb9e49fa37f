// Tests for check_collection (service/collection_check.h): a collection studied through the app's
// own path is healthy, and --rebuild recomputes every card from its log — matching what was
// stored, and repairing a card that was changed behind the log's back.
#include <gtest/gtest.h>

#include "db/database.h"
#include "service/collection_check.h"
#include "service/deck_options.h"
#include "storage/collection_fixture.h"
#include "storage/study_history.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

class CheckTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_path = m_dir / "collection.db";
        auto collection = testing::open_collection(m_path);
        ASSERT_TRUE(collection);
        m_deck = testing::add_study_deck(*collection, 40);
        prepare(*collection);
        m_end = testing::study(*collection, m_deck, m_settings, 6);
        Result<int64_t> reviews = collection->review_count();
        ASSERT_TRUE(reviews.ok());
        ASSERT_GT(*reviews, 150);
    }

    virtual void prepare(Collection&) {}

    CheckReport check(bool rebuild)
    {
        CheckOptions options;
        options.rebuild = rebuild;
        options.settings = m_settings;
        const DayClock clock = m_settings.clock;
        options.clock_at = [clock](int64_t) { return clock; };
        Result<CheckReport> report = check_collection(m_path, options);
        EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
        return report.ok() ? *report : CheckReport{};
    }

    TempDir m_dir;
    fs::path m_path;
    StudySettings m_settings = testing::app_like_settings();
    DeckId m_deck;
    int64_t m_end = 0;
};

TEST_F(CheckTest, AStudiedCollectionIsHealthyAndItsLogGivesEveryCard)
{
    CheckReport plain = check(false);
    EXPECT_TRUE(plain.healthy()) << plain.integrity.problems.front();
    EXPECT_FALSE(plain.rebuilt);
    EXPECT_EQ(plain.integrity.cards, 80);

    CheckReport rebuilt = check(true);
    EXPECT_TRUE(rebuilt.rebuilt);
    EXPECT_TRUE(rebuilt.repaired.empty()) << "card " << rebuilt.repaired.front().card.value << " differs";
    EXPECT_TRUE(rebuilt.healthy());
}

TEST_F(CheckTest, ACardChangedBehindTheLogIsFoundAndRebuilt)
{
    Card original;
    {
        auto collection = testing::open_collection(m_path, OpenMode::MustExist);
        ASSERT_TRUE(collection);
        Result<std::optional<ReviewId>> last = collection->last_answer();
        ASSERT_TRUE(last.ok() && last->has_value());
        Result<int64_t> card_id =
            collection->database().query_int("SELECT card_id FROM reviews WHERE id = " + std::to_string((*last)->value));
        ASSERT_TRUE(card_id.ok());
        original = *collection->card(CardId{*card_id});
        ASSERT_TRUE(collection->database()
                        .exec("UPDATE cards SET due_ms = due_ms + 86400000, reps = 99, stability = 0.5 WHERE id = " +
                              std::to_string(*card_id))
                        .ok());
    }
    CheckReport plain = check(false);
    ASSERT_EQ(plain.integrity.problems.size(), 1u);
    EXPECT_NE(plain.integrity.problems[0].find("card " + std::to_string(original.id.value) + ": its stored schedule"),
              std::string::npos)
        << plain.integrity.problems[0];
    EXPECT_FALSE(plain.integrity.damaged());

    CheckReport rebuilt = check(true);
    EXPECT_FALSE(rebuilt.healthy());
    ASSERT_EQ(rebuilt.repaired.size(), 1u);
    EXPECT_EQ(rebuilt.repaired[0].card, original.id);
    EXPECT_EQ(rebuilt.repaired[0].stored.reps, 99);
    EXPECT_EQ(rebuilt.repaired[0].recomputed, original.schedule);

    // Repaired: the card is as its log says, and the next check is clean.
    auto collection = testing::open_collection(m_path, OpenMode::MustExist);
    ASSERT_TRUE(collection);
    EXPECT_EQ(collection->card(original.id)->schedule, original.schedule);
    collection.reset();
    EXPECT_TRUE(check(true).healthy());
}

TEST_F(CheckTest, UndoneAnswersAreLeftOutOfTheReplay)
{
    {
        auto collection = testing::open_collection(m_path, OpenMode::MustExist);
        ASSERT_TRUE(collection);
        for (int i = 0; i < 5; ++i) {
            Result<std::optional<Card>> undone = collection->undo_last_answer(ReviewId{}, m_end + 1000);
            ASSERT_TRUE(undone.ok() && undone->has_value());
        }
    }
    CheckReport report = check(true);
    EXPECT_TRUE(report.healthy()) << (report.repaired.empty() ? report.integrity.problems.front() : "repaired");
    EXPECT_EQ(report.integrity.undone_reviews, 5);
}

TEST_F(CheckTest, ADamagedFileIsNotRebuilt)
{
    {
        Result<std::unique_ptr<Database>> db = Database::open(m_path, DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("DROP INDEX reviews_time").ok());
    }
    CheckReport report = check(true);
    EXPECT_TRUE(report.integrity.damaged());
    EXPECT_FALSE(report.rebuilt);
    ASSERT_FALSE(report.integrity.notes.empty());
    EXPECT_NE(report.integrity.notes.back().find("the rebuild did not run"), std::string::npos);
}

TEST(CheckErrors, AFileThatIsNotACollectionCannotBeChecked)
{
    TempDir dir;
    testing::write_bytes(dir / "notes.txt", "летопись");
    Result<CheckReport> report = check_collection(dir / "notes.txt", CheckOptions{});
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().kind, ErrorKind::NotACollection);
}

// A deck with its own options: the rebuild replays its cards with them, as its sessions did.
class CheckDeckOptionsTest : public CheckTest {
protected:
    void prepare(Collection& collection) override
    {
        Result<std::optional<DeckInfo>> deck = collection.deck_by_key("01-revolution");
        ASSERT_TRUE(deck.ok() && deck->has_value());
        DeckOptions options;
        options.desired_retention = 0.8;
        options.learning_steps_minutes = {5};
        options.relearning_steps_minutes = {};
        ASSERT_TRUE(save_deck_options(collection, **deck, options).ok());
    }
};

TEST_F(CheckDeckOptionsTest, TheRebuildUsesEachDecksOptions)
{
    CheckReport report = check(true);
    EXPECT_TRUE(report.rebuilt);
    EXPECT_TRUE(report.repaired.empty()) << report.repaired.size() << " cards differ";
}

} // namespace
} // namespace letopis
