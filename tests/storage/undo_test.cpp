// Tests for undoing answers: the card gets back its exact earlier schedule, the log only grows,
// undone answers stop counting, and the undo journal stays small.
#include <gtest/gtest.h>

#include "core/scheduler/scheduler.h"
#include "db/database.h"
#include "storage/collection_fixture.h"

namespace letopis {
namespace {

using testing::TempDir;

constexpr int64_t kNow = 1'700'000'000'000;
constexpr int64_t kMinute = 60'000;
constexpr int64_t kDay = 86'400'000;

class UndoTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_collection = testing::open_collection(m_dir / "c.db");
        ASSERT_TRUE(m_collection);
        m_deck = testing::add_deck(*m_collection, "letopis", "Летопись");
        NoteId note = testing::add_note(*m_collection, m_deck, "izba", "изба́", "peasant hut");
        Result<std::vector<Card>> cards = m_collection->cards_for_note(note);
        ASSERT_TRUE(cards.ok());
        m_card = (*cards)[0];
        m_sibling = (*cards)[1];
    }

    // Answers `card` as the study session does: the scheduler's outcome, one transaction.
    ReviewId answer(CardId id, Rating rating, int64_t now_ms)
    {
        Result<Card> card = m_collection->card(id);
        EXPECT_TRUE(card.ok());
        const NextStates states = next_states(card->schedule, now_ms, m_config, DayClock{});
        Card updated = *card;
        updated.schedule = states[rating].schedule;
        ReviewRecord review = make_review_record(card->schedule, states[rating], rating, now_ms);
        review.card = id;
        Result<ReviewId> recorded = m_collection->record_answer(updated, review);
        EXPECT_TRUE(recorded.ok()) << (recorded.ok() ? "" : recorded.error().message);
        return recorded.ok() ? *recorded : ReviewId{};
    }

    Card stored(CardId id)
    {
        Result<Card> card = m_collection->card(id);
        EXPECT_TRUE(card.ok());
        return card.ok() ? *card : Card{};
    }

    int64_t count(const std::string& sql)
    {
        Result<int64_t> n = m_collection->database().query_int(sql);
        EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().message);
        return n.ok() ? *n : -1;
    }

    TempDir m_dir;
    std::unique_ptr<Collection> m_collection;
    SchedulerConfig m_config;
    DeckId m_deck;
    Card m_card, m_sibling;
};

TEST_F(UndoTest, SeveralUndosRestoreEachEarlierScheduleExactly)
{
    std::vector<Card> history{stored(m_card.id)};
    std::vector<ReviewId> answers;
    const Rating ratings[] = {Rating::Good, Rating::Again, Rating::Good, Rating::Easy, Rating::Hard};
    int64_t time = kNow;
    for (Rating rating : ratings) {
        answers.push_back(answer(m_card.id, rating, time));
        history.push_back(stored(m_card.id));
        time += 11 * kMinute;
    }
    ASSERT_NE(history.front().schedule, history.back().schedule);
    for (size_t step = answers.size(); step-- > 0;) {
        Result<Card> restored = m_collection->undo_answer(answers[step], time);
        ASSERT_TRUE(restored.ok()) << restored.error().message;
        EXPECT_EQ(restored->schedule, history[step].schedule) << "undo " << step;
        EXPECT_EQ(stored(m_card.id).schedule, history[step].schedule);
        EXPECT_EQ(stored(m_card.id).suspended, history[step].suspended);
    }
    EXPECT_EQ(stored(m_card.id).schedule, CardSchedule{});
    // The log only grew: five reviews, five undos, none of them counting.
    EXPECT_EQ(count("SELECT COUNT(*) FROM reviews"), 5);
    EXPECT_EQ(count("SELECT COUNT(*) FROM undone_reviews"), 5);
    EXPECT_EQ(*m_collection->review_count(), 0);
    EXPECT_TRUE(m_collection->reviews_for_card(m_card.id)->empty());
}

TEST_F(UndoTest, UndoThenAnswerAgainGivesTheSameOutcome)
{
    answer(m_card.id, Rating::Good, kNow);
    const Card after_first = stored(m_card.id);
    const ReviewId second = answer(m_card.id, Rating::Again, kNow + 5 * kMinute);
    const Card after_second = stored(m_card.id);
    ASSERT_TRUE(m_collection->undo_answer(second, kNow + 6 * kMinute).ok());
    EXPECT_EQ(stored(m_card.id).schedule, after_first.schedule);
    // Answered again with the same rating at the same moment: the same state as before the undo.
    answer(m_card.id, Rating::Again, kNow + 5 * kMinute);
    EXPECT_EQ(stored(m_card.id).schedule, after_second.schedule);
    Result<std::vector<ReviewRecord>> live = m_collection->reviews_for_card(m_card.id);
    ASSERT_TRUE(live.ok());
    ASSERT_EQ(live->size(), 2u);
    EXPECT_NE((*live)[1].id, second); // a new review, after the undone one
    EXPECT_GT((*live)[1].id, second);
}

TEST_F(UndoTest, RefusesTwiceOutOfOrderAndUnknownAnswers)
{
    const ReviewId first = answer(m_card.id, Rating::Good, kNow);
    const ReviewId second = answer(m_card.id, Rating::Good, kNow + kMinute);
    Result<Card> early = m_collection->undo_answer(first, kNow + 2 * kMinute);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(early.error().message.find("undo that one first"), std::string::npos) << early.error().message;
    ASSERT_TRUE(m_collection->undo_answer(second, kNow + 2 * kMinute).ok());
    Result<Card> twice = m_collection->undo_answer(second, kNow + 3 * kMinute);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::InvalidInput);
    Result<Card> unknown = m_collection->undo_answer(ReviewId{12345}, kNow);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
    // The failed attempts changed nothing.
    EXPECT_EQ(count("SELECT COUNT(*) FROM undone_reviews"), 1);
    EXPECT_TRUE(m_collection->undo_answer(first, kNow + 4 * kMinute).ok());
}

TEST_F(UndoTest, UndoLastAnswerWalksBackAcrossCards)
{
    Result<std::optional<ReviewId>> none = m_collection->last_answer();
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());
    const ReviewId before_session = answer(m_sibling.id, Rating::Good, kNow - kDay);
    const ReviewId since{before_session.value + 1};
    const ReviewId a = answer(m_card.id, Rating::Good, kNow);
    const ReviewId b = answer(m_sibling.id, Rating::Hard, kNow + kMinute);
    EXPECT_EQ(*m_collection->last_answer(since), std::optional<ReviewId>(b));

    Result<std::optional<Card>> first = m_collection->undo_last_answer(since, kNow + 2 * kMinute);
    ASSERT_TRUE(first.ok() && first->has_value());
    EXPECT_EQ((*first)->id, m_sibling.id);
    Result<std::optional<Card>> second = m_collection->undo_last_answer(since, kNow + 2 * kMinute);
    ASSERT_TRUE(second.ok() && second->has_value());
    EXPECT_EQ((*second)->id, m_card.id);
    EXPECT_EQ((*second)->schedule, CardSchedule{});
    // Nothing of this session is left; the earlier answer is not touched.
    Result<std::optional<Card>> third = m_collection->undo_last_answer(since, kNow + 2 * kMinute);
    ASSERT_TRUE(third.ok());
    EXPECT_FALSE(third->has_value());
    EXPECT_EQ(*m_collection->last_answer(), std::optional<ReviewId>(before_session));
    (void)a;
}

TEST_F(UndoTest, UndoneAnswersDoNotCountToday)
{
    const int64_t day_start = kNow - kDay / 2, day_end = kNow + kDay / 2;
    const ReviewId id = answer(m_card.id, Rating::Good, kNow);
    Result<DeckCardCounts> counted = m_collection->card_counts(m_deck, kNow, day_start, day_end);
    ASSERT_TRUE(counted.ok());
    EXPECT_EQ(counted->new_studied_today, 1);
    EXPECT_EQ(counted->new_cards, 1);
    ASSERT_TRUE(m_collection->undo_answer(id, kNow + 1).ok());
    counted = m_collection->card_counts(m_deck, kNow, day_start, day_end);
    ASSERT_TRUE(counted.ok());
    EXPECT_EQ(counted->new_studied_today, 0);
    EXPECT_EQ(counted->new_cards, 2);
    EXPECT_EQ(counted->learning_due + counted->learning_later, 0);
}

TEST_F(UndoTest, SuspensionComesBackToo)
{
    Card card = stored(m_card.id);
    card.suspended = true; // as a leech would be, in the same answer
    card.schedule.phase = CardPhase::Learning;
    card.schedule.memory = MemoryState{1, 5};
    ReviewRecord review;
    review.time_ms = kNow;
    Result<ReviewId> id = m_collection->record_answer(card, review);
    ASSERT_TRUE(id.ok());
    EXPECT_TRUE(stored(m_card.id).suspended);
    Result<Card> restored = m_collection->undo_answer(*id, kNow + 1);
    ASSERT_TRUE(restored.ok());
    EXPECT_FALSE(restored->suspended);
    EXPECT_EQ(restored->schedule, CardSchedule{});
}

TEST_F(UndoTest, UndoneReviewsAreAppendOnly)
{
    const ReviewId id = answer(m_card.id, Rating::Good, kNow);
    ASSERT_TRUE(m_collection->undo_answer(id, kNow + 1).ok());
    Database& db = m_collection->database();
    Status update = db.exec("UPDATE undone_reviews SET time_ms = 0");
    ASSERT_FALSE(update.ok());
    EXPECT_NE(update.error().message.find("append-only"), std::string::npos);
    Status erase = db.exec("DELETE FROM undone_reviews");
    ASSERT_FALSE(erase.ok());
    EXPECT_NE(erase.error().message.find("append-only"), std::string::npos);
    Result<int64_t> device = db.query_int("SELECT device_id FROM undone_reviews");
    ASSERT_TRUE(device.ok());
    EXPECT_EQ(*device, m_collection->device_id());
}

TEST_F(UndoTest, TheJournalKeepsTheLatestThousandAnswers)
{
    std::vector<ReviewId> ids;
    ASSERT_TRUE(m_collection->transact([&]() -> Status {
        for (int i = 0; i < 1005; ++i)
            ids.push_back(answer(i % 2 ? m_card.id : m_sibling.id, Rating::Good, kNow + i * kMinute));
        return {};
    }).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM undo_journal"), 1005);
    m_collection.reset();
    m_collection = testing::open_collection(m_dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(m_collection);
    EXPECT_EQ(count("SELECT COUNT(*) FROM undo_journal"), 1000);
    EXPECT_EQ(count("SELECT MIN(review_id) FROM undo_journal"), ids[5].value);
    EXPECT_EQ(count("SELECT COUNT(*) FROM reviews"), 1005); // the log itself is never pruned
    // The newest answers can still be undone.
    EXPECT_TRUE(m_collection->undo_answer(ids.back(), kNow + kDay).ok());
}

TEST_F(UndoTest, AnAnswerOlderThanTheJournalIsUnsupported)
{
    const ReviewId old = answer(m_card.id, Rating::Good, kNow);
    // As after pruning: the journal row is gone.
    ASSERT_TRUE(m_collection->database().exec("DELETE FROM undo_journal").ok());
    Result<Card> undone = m_collection->undo_answer(old, kNow + 1);
    ASSERT_FALSE(undone.ok());
    EXPECT_EQ(undone.error().kind, ErrorKind::Unsupported);
    EXPECT_EQ(count("SELECT COUNT(*) FROM undone_reviews"), 0);
}

} // namespace
} // namespace letopis
