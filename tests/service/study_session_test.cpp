// The study session's queue: limits, sibling burying, learning steps, persistence of answers.
#include <gtest/gtest.h>

#include <set>

#include "service/deck_overview.h"
#include "service/study_session.h"
#include "service/study_fixture.h"

namespace letopis {
namespace {

using testing::kDayMs;
using testing::kMinuteMs;
using testing::kMorningMs;
using testing::make_deck;

struct StudySession_ : testing::StudyFixture {};

TEST_F(StudySession_, DeckCountsApplyTheNewCardLimit)
{
    const DeckInfo deck = import(make_deck("big", 30));
    auto counts = queue_counts(*collection, deck, kMorningMs, settings);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->new_cards, 20);
    EXPECT_EQ(counts->learning, 0);
    EXPECT_EQ(counts->review, 0);
}

TEST_F(StudySession_, ShowsOneDirectionOfEachNoteAndFinishesTheDay)
{
    const DeckInfo deck = import(make_deck("big", 30));
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(kMorningMs).ok());

    std::set<int64_t> new_notes;
    int64_t now = kMorningMs;
    int answers = 0;
    while (session.current() && answers < 200) {
        const StudyCard& card = *session.current();
        if (card.card.schedule.phase == CardPhase::New) {
            EXPECT_TRUE(new_notes.insert(card.card.note.value).second) << "a sibling was shown the same day";
        }
        now += 5'000;
        ASSERT_TRUE(session.answer(Rating::Good, now, 5'000).ok());
        ++answers;
    }
    // 20 new cards from 20 different notes; Good twice takes each through the 10-minute step.
    EXPECT_EQ(new_notes.size(), 20u);
    EXPECT_EQ(answers, 40);
    EXPECT_EQ(*collection->review_count(), 40);
    auto counts = queue_counts(*collection, deck, now, settings);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->total(), 0);
}

TEST_F(StudySession_, AgainBringsTheCardBackWithinTheLearnAheadWindow)
{
    const DeckInfo deck = import(make_deck("one", 1));
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(kMorningMs).ok());
    ASSERT_TRUE(session.current());
    const CardId first = session.current()->card.id;
    ASSERT_TRUE(session.answer(Rating::Again, kMorningMs + 1000, 1000).ok());
    // Its sibling waits for another day, so the one-minute step is shown early.
    ASSERT_TRUE(session.current());
    EXPECT_EQ(session.current()->card.id, first);
    EXPECT_EQ(session.current()->card.schedule.phase, CardPhase::Learning);
}

TEST_F(StudySession_, EasyOnTheOnlyCardEndsTheSession)
{
    const DeckInfo deck = import(make_deck("one", 1));
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(kMorningMs).ok());
    ASSERT_TRUE(session.answer(Rating::Easy, kMorningMs, 1000).ok());
    EXPECT_FALSE(session.current());
    EXPECT_FALSE(session.next_learning_due_ms());
    EXPECT_EQ(session.answered(), 1);
}

TEST_F(StudySession_, AnswerIsStoredWithItsScheduleBeforeTheNextCard)
{
    const DeckInfo deck = import(make_deck("few", 3));
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(kMorningMs).ok());
    const CardId answered = session.current()->card.id;
    const int64_t expected_due = session.current()->preview[Rating::Hard].schedule.due_ms;
    ASSERT_TRUE(session.answer(Rating::Hard, kMorningMs, 4000).ok());

    auto reviews = collection->reviews_for_card(answered);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].rating, Rating::Hard);
    EXPECT_EQ((*reviews)[0].duration_ms, 4000);
    auto card = collection->card(answered);
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(card->schedule.phase, CardPhase::Learning);
    EXPECT_EQ(card->schedule.due_ms, expected_due);
    EXPECT_EQ(card->schedule.due_ms, kMorningMs + 6 * kMinuteMs);
}

TEST_F(StudySession_, ReviewsComeDueOnLaterDays)
{
    const DeckInfo deck = import(make_deck("few", 3));
    {
        StudySession session(*collection, deck, settings);
        ASSERT_TRUE(session.advance(kMorningMs).ok());
        while (session.current())
            ASSERT_TRUE(session.answer(Rating::Easy, kMorningMs, 1000).ok());
    }
    // Easy on a new card gives about eight days with the default weights.
    auto tomorrow = queue_counts(*collection, deck, kMorningMs + kDayMs, settings);
    ASSERT_TRUE(tomorrow.ok());
    EXPECT_EQ(tomorrow->review, 0);
    EXPECT_EQ(tomorrow->new_cards, 3); // the siblings, a day later
    auto later = queue_counts(*collection, deck, kMorningMs + 30 * kDayMs, settings);
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(later->review, 3);
}

} // namespace
} // namespace letopis
