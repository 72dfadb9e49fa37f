// Tests for AnswerUndo (service/answer_undo.h) over answers given through the study service, as
// the review screen's Ctrl+Z will use it: several steps back, each card exactly as it was shown.
#include <gtest/gtest.h>

#include "service/answer_undo.h"
#include "service/study_service.h"
#include "storage/collection_fixture.h"
#include "storage/study_history.h"

namespace letopis {
namespace {

using testing::TempDir;

TEST(AnswerUndo, TakesBackTheSessionsAnswersNewestFirst)
{
    TempDir dir;
    auto collection = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(collection);
    const DeckId deck = testing::add_study_deck(*collection, 10);
    StudyService service(*collection, testing::app_like_settings());
    int64_t now = testing::kStudyStartMs;
    ASSERT_TRUE(service.start_session(deck, now).ok());
    const ReviewId since{0};

    AnswerUndo undo;
    std::vector<Card> shown;
    for (Rating rating : {Rating::Good, Rating::Again, Rating::Easy, Rating::Good}) {
        ASSERT_NE(service.current(), nullptr);
        shown.push_back(service.current()->card);
        now += 30'000;
        ASSERT_TRUE(service.answer(rating, now, 3000).ok());
        // The wiring: the id of the answer just committed.
        Result<std::optional<ReviewId>> id = collection->last_answer(since);
        ASSERT_TRUE(id.ok() && id->has_value());
        undo.record(**id);
    }
    EXPECT_EQ(undo.depth(), 4u);
    for (size_t step = shown.size(); step-- > 0;) {
        Result<std::optional<Card>> restored = undo.undo(*collection, now + 1000);
        ASSERT_TRUE(restored.ok()) << restored.error().message;
        ASSERT_TRUE(restored->has_value());
        EXPECT_EQ((*restored)->id, shown[step].id);
        EXPECT_EQ((*restored)->schedule, shown[step].schedule) << "step " << step;
        EXPECT_EQ(collection->card(shown[step].id)->schedule, shown[step].schedule);
    }
    EXPECT_FALSE(undo.can_undo());
    Result<std::optional<Card>> nothing = undo.undo(*collection, now + 2000);
    ASSERT_TRUE(nothing.ok());
    EXPECT_FALSE(nothing->has_value());
    EXPECT_EQ(*collection->review_count(), 0);
    // The session, told to read the collection again, has today's new cards back.
    ASSERT_TRUE(service.refresh(now + 3000).ok());
    EXPECT_EQ(service.remaining().new_cards, 10);
}

TEST(AnswerUndo, AnswersThatCanNeverBeUndoneAreSkipped)
{
    TempDir dir;
    auto collection = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(collection);
    const DeckId deck = testing::add_study_deck(*collection, 3);
    StudyService service(*collection, testing::app_like_settings());
    int64_t now = testing::kStudyStartMs;
    ASSERT_TRUE(service.start_session(deck, now).ok());
    AnswerUndo undo;
    const Card first = service.current()->card;
    ASSERT_TRUE(service.answer(Rating::Good, now += 1000, 1000).ok());
    undo.record(**collection->last_answer());
    ASSERT_TRUE(service.answer(Rating::Good, now += 1000, 1000).ok());
    const ReviewId second = **collection->last_answer();
    undo.record(second);
    // Undone elsewhere already (by id), and an id that never existed: both dropped on the way.
    ASSERT_TRUE(undo_answer(*collection, second, now + 1).ok());
    undo.record(ReviewId{7});
    Result<std::optional<Card>> restored = undo.undo(*collection, now + 2);
    ASSERT_TRUE(restored.ok() && restored->has_value());
    EXPECT_EQ((*restored)->id, first.id);
    EXPECT_EQ((*restored)->schedule, first.schedule);
    EXPECT_FALSE(undo.can_undo());
}

} // namespace
} // namespace letopis
