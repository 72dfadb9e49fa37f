// Today's queue: learning first, reviews by lowest retrievability, new cards spread evenly among
// them, the daily limits, sibling burying (notes studied today and siblings within the queue).
#include "core/scheduler/daily_queue.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

namespace letopis {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kJan1 = 1'704'067'200'000; // 2024-01-01T00:00Z
constexpr int64_t kNow = kJan1 + 10 * kHour;
constexpr DayClock kClock{0, 4};              // today runs from 04:00Z to 04:00Z tomorrow

Card card(int64_t id, int64_t note, CardPhase phase)
{
    Card c;
    c.id = CardId{id};
    c.note = NoteId{note};
    c.deck = DeckId{1};
    c.direction = id % 2 == 0 ? Direction::EnglishToRussian : Direction::RussianToEnglish;
    c.schedule.phase = phase;
    return c;
}

Card new_card(int64_t id, int64_t note)
{
    return card(id, note, CardPhase::New);
}

// A review card last answered `days_ago` days ago with stability `stability`, due `due_offset_ms`
// from now.
Card review(int64_t id, int64_t note, double stability, int days_ago, int64_t due_offset_ms = -kHour)
{
    Card c = card(id, note, CardPhase::Review);
    c.schedule.memory = MemoryState{stability, 5};
    c.schedule.last_review_ms = kNow - days_ago * kDay;
    c.schedule.scheduled_days = days_ago;
    c.schedule.due_ms = kNow + due_offset_ms;
    return c;
}

Card learning(int64_t id, int64_t note, int64_t due_offset_ms, int32_t scheduled_days = 0)
{
    Card c = card(id, note, CardPhase::Learning);
    c.schedule.memory = MemoryState{1, 5};
    c.schedule.last_review_ms = kNow - 10 * kMinute;
    c.schedule.due_ms = kNow + due_offset_ms;
    c.schedule.scheduled_days = scheduled_days;
    return c;
}

std::vector<int64_t> ids(const std::vector<Card>& cards)
{
    std::vector<int64_t> out;
    for (const Card& c : cards)
        out.push_back(c.id.value);
    return out;
}

DailyQueue build(const std::vector<Card>& due, const std::vector<Card>& fresh, DailyLimits limits = {},
                 const std::unordered_set<NoteId>* studied = nullptr)
{
    return build_daily_queue(QueueCandidates{due, fresh, studied}, limits, kNow, kClock, FsrsInference{});
}

TEST(DailyQueue, LearningFirstByDueThenLaterToday)
{
    Card relearning = learning(3, 30, -1 * kMinute);
    relearning.schedule.phase = CardPhase::Relearning;
    const std::vector<Card> due = {
        learning(1, 10, -5 * kMinute),        // due five minutes ago
        learning(2, 20, +30 * kMinute),       // later today
        relearning,                           // due a minute ago
        learning(4, 40, +20 * kHour),         // after today ends (04:00 tomorrow = now + 18 h)
        learning(5, 50, +2 * kHour, 1),       // a step of a day, due today: shown now
        review(6, 60, 10, 12),
    };
    const DailyQueue queue = build(due, {});
    EXPECT_EQ(ids(queue.learning), (std::vector<int64_t>{1, 3, 5}));
    EXPECT_EQ(ids(queue.later), (std::vector<int64_t>{2}));
    EXPECT_EQ(ids(queue.main), (std::vector<int64_t>{6}));
    EXPECT_EQ(queue.review_count, 1);
    EXPECT_EQ(queue.new_count, 0);
}

TEST(DailyQueue, ReviewsLowestRetrievabilityFirst)
{
    const std::vector<Card> due = {
        review(1, 1, 100, 10),  // R ≈ 0.99
        review(2, 2, 5, 10),    // R ≈ 0.83
        review(3, 3, 1, 10),    // R ≈ 0.57: most at risk
        review(4, 4, 30, 10),
        review(5, 5, 1, 10, -2 * kHour), // same R as card 3, due earlier: before it
        review(6, 6, 2, 1, +30 * kHour), // due tomorrow: not today
    };
    const DailyQueue queue = build(due, {});
    EXPECT_EQ(ids(queue.main), (std::vector<int64_t>{5, 3, 2, 4, 1}));
}

TEST(DailyQueue, DailyLimitsCapReviewsAndNewCards)
{
    std::vector<Card> due, fresh;
    for (int i = 1; i <= 50; ++i)
        due.push_back(review(i, i, 1 + i, 10));
    for (int i = 0; i < 30; ++i)
        fresh.push_back(new_card(1000 + i, 1000 + i));
    const DailyQueue queue = build(due, fresh, DailyLimits{7, 12});
    EXPECT_EQ(queue.review_count, 12);
    EXPECT_EQ(queue.new_count, 7);
    EXPECT_EQ(queue.main.size(), 19u);
    // The twelve most at risk: the lowest stabilities.
    int expected_review = 1;
    int expected_new = 1000;
    for (const Card& c : queue.main) {
        if (c.schedule.phase == CardPhase::Review)
            EXPECT_EQ(c.id.value, expected_review++);
        else
            EXPECT_EQ(c.id.value, expected_new++); // new cards keep deck order
    }
    const DailyQueue none = build(due, fresh, DailyLimits{0, 0});
    EXPECT_TRUE(none.main.empty());
    EXPECT_EQ(build(due, fresh, DailyLimits{-3, -1}).main.size(), 0u);
}

TEST(DailyQueue, NewCardsAreSpreadEvenlyAmongReviews)
{
    struct Case {
        int reviews, new_cards;
        const char* pattern; // R review, N new
    };
    const Case cases[] = {
        {4, 1, "RRNRR"}, {2, 2, "RNNR"}, {0, 3, "NNN"}, {3, 0, "RRR"}, {6, 2, "RRNRRNRR"},
        {1, 3, "NRNN"},  {0, 0, ""},     {9, 3, "RRNRRRNRRNRR"}, {5, 2, "RRNRNRR"},
    };
    for (const Case& c : cases) {
        std::string text;
        for (bool is_new : interleave_pattern(c.reviews, c.new_cards))
            text += is_new ? 'N' : 'R';
        EXPECT_EQ(text, c.pattern) << c.reviews << " reviews, " << c.new_cards << " new";
    }
    // No run of reviews (before, between or after the new cards) is more than one longer than
    // another, whatever the mix.
    for (int reviews = 0; reviews <= 60; ++reviews) {
        for (int fresh = 0; fresh <= 25; ++fresh) {
            const std::vector<bool> pattern = interleave_pattern(reviews, fresh);
            ASSERT_EQ(static_cast<int>(pattern.size()), reviews + fresh);
            ASSERT_EQ(std::count(pattern.begin(), pattern.end(), true), fresh);
            std::vector<int> runs(1, 0);
            for (bool is_new : pattern) {
                if (is_new)
                    runs.push_back(0);
                else
                    ++runs.back();
            }
            const auto [shortest, longest] = std::minmax_element(runs.begin(), runs.end());
            EXPECT_LE(*longest - *shortest, 1) << reviews << " reviews, " << fresh << " new";
        }
    }
}

TEST(DailyQueue, SiblingsOfNotesStudiedTodayWait)
{
    const std::unordered_set<NoteId> studied = {NoteId{1}, NoteId{3}};
    const std::vector<Card> due = {review(11, 1, 3, 5), review(12, 2, 3, 5)};
    const std::vector<Card> fresh = {new_card(31, 3), new_card(32, 3), new_card(41, 4), new_card(42, 4)};
    const DailyQueue queue = build(due, fresh, {}, &studied);
    // Note 1 and 3 had an answer today: neither their review nor their new card comes.
    // Note 4 gives one new card; its other direction waits for another day.
    EXPECT_EQ(ids(queue.main), (std::vector<int64_t>{12, 41}));
}

TEST(DailyQueue, OneCardOfANoteADay)
{
    const std::vector<Card> due = {
        review(1, 7, 2, 10),  // both directions of note 7 are due: the one more at risk comes
        review(2, 7, 20, 10),
        learning(3, 8, -kMinute), // a learning card is never buried, and buries its siblings
        review(4, 8, 1, 10),
        review(5, 9, 5, 10),
    };
    const std::vector<Card> fresh = {new_card(6, 9), new_card(10, 11), new_card(11, 11)};
    const DailyQueue queue = build(due, fresh);
    EXPECT_EQ(ids(queue.learning), (std::vector<int64_t>{3}));
    EXPECT_EQ(ids(queue.main), (std::vector<int64_t>{1, 10, 5}));
    EXPECT_EQ(queue.review_count, 2);
    EXPECT_EQ(queue.new_count, 1);
}

TEST(DailyQueue, LearningCardsAreShownEvenWhenTheirNoteWasStudied)
{
    const std::unordered_set<NoteId> studied = {NoteId{1}};
    const DailyQueue queue = build({learning(1, 1, -kMinute), learning(2, 1, +kHour)}, {}, {}, &studied);
    EXPECT_EQ(ids(queue.learning), (std::vector<int64_t>{1}));
    EXPECT_EQ(ids(queue.later), (std::vector<int64_t>{2}));
}

TEST(DailyQueue, SuspendedCardsAndBurySkipsDoNotUseTheLimits)
{
    Card suspended = review(1, 1, 1, 10);
    suspended.suspended = true;
    const std::unordered_set<NoteId> studied = {NoteId{2}};
    const std::vector<Card> due = {suspended, review(2, 2, 1, 10), review(3, 3, 5, 10), review(4, 4, 9, 10)};
    const DailyQueue queue = build(due, {}, DailyLimits{0, 2}, &studied);
    EXPECT_EQ(ids(queue.main), (std::vector<int64_t>{3, 4}));
}

TEST(DailyQueue, ReportsHowManyNewCardsItLookedAt)
{
    const std::unordered_set<NoteId> studied = {NoteId{1}};
    const std::vector<Card> fresh = {new_card(1, 1), new_card(2, 1), new_card(3, 2), new_card(4, 2)};
    const DailyQueue short_of_cards = build({}, fresh, DailyLimits{5, 0}, &studied);
    EXPECT_EQ(short_of_cards.new_count, 1);
    EXPECT_EQ(short_of_cards.fresh_examined, 4u); // all of them, and still short: fetch more
    const DailyQueue enough = build({}, fresh, DailyLimits{1, 0});
    EXPECT_EQ(enough.new_count, 1);
    EXPECT_EQ(enough.fresh_examined, 1u);
}

TEST(DailyQueue, TodayFollowsTheRolloverHour)
{
    // At 03:30 the learning day is still yesterday's: a review due at 03:59 is due, one due at
    // 04:01 belongs to the new day.
    const int64_t night = kJan1 + 3 * kHour + 30 * kMinute;
    Card before = review(1, 1, 5, 5);
    before.schedule.due_ms = kJan1 + 3 * kHour + 59 * kMinute;
    Card after = review(2, 2, 5, 5);
    after.schedule.due_ms = kJan1 + 4 * kHour + 1 * kMinute;
    const std::vector<Card> due = {before, after};
    const DailyQueue queue =
        build_daily_queue(QueueCandidates{due, {}, nullptr}, DailyLimits{}, night, kClock, FsrsInference{});
    EXPECT_EQ(ids(queue.main), (std::vector<int64_t>{1}));
    // At 04:01 both are.
    const DailyQueue morning = build_daily_queue(QueueCandidates{due, {}, nullptr}, DailyLimits{},
                                                 kJan1 + 4 * kHour + kMinute, kClock, FsrsInference{});
    EXPECT_EQ(morning.main.size(), 2u);
}

} // namespace
} // namespace letopis
