// The study session's queue: limits, sibling burying (also across a restart), reviews by lowest
// retrievability, the day rollover, leeches, per-deck options, persistence of answers.
#include <gtest/gtest.h>

#include <set>

#include "service/deck_options.h"
#include "service/deck_overview.h"
#include "service/study_service.h"
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

// Gives the cards of `deck` a review history: card i of the deck's first notes becomes a Review
// card with the given stability, last answered `days_ago` days before kMorningMs, due then.
struct ReviewSetup {
    int note;            // index of the note in the deck
    Direction direction; // which of its two cards
    double stability;
    int days_ago;
    int32_t lapses = 0;
};

struct StudySessionReviews : testing::StudyFixture {
    DeckInfo deck;
    std::vector<Card> cards; // by note, then direction

    void make_deck(int notes)
    {
        deck = import(testing::make_deck("r", notes));
        for (int n = 0; n < notes; ++n) {
            auto note = collection->note_by_key(deck.id, "r-" + std::to_string(n));
            ASSERT_TRUE(note.ok() && note->has_value());
            auto both = collection->cards_for_note((*note)->id);
            ASSERT_TRUE(both.ok());
            ASSERT_EQ(both->size(), 2u);
            cards.insert(cards.end(), both->begin(), both->end());
        }
    }

    Card& card_of(int note, Direction direction) { return cards[note * 2 + static_cast<int>(direction)]; }

    void set_review(const ReviewSetup& setup)
    {
        Card& card = card_of(setup.note, setup.direction);
        const int64_t answered = testing::kMorningMs - setup.days_ago * testing::kDayMs;
        card.schedule.phase = CardPhase::Review;
        card.schedule.memory = MemoryState{setup.stability, 5};
        card.schedule.last_review_ms = answered;
        card.schedule.due_ms = answered + setup.days_ago * testing::kDayMs - testing::kMinuteMs;
        card.schedule.scheduled_days = setup.days_ago;
        card.schedule.reps = 3;
        card.schedule.lapses = setup.lapses;
        ReviewRecord review;
        review.card = card.id;
        review.time_ms = answered;
        review.rating = Rating::Good;
        review.phase_before = CardPhase::Review;
        review.stability = setup.stability;
        review.difficulty = 5;
        review.scheduled_days = setup.days_ago;
        review.due_ms = card.schedule.due_ms;
        ASSERT_TRUE(collection->record_answer(card, review).ok());
    }
};

TEST_F(StudySessionReviews, ReviewsComeLowestRetrievabilityFirstWithNewCardsAmongThem)
{
    make_deck(8);
    set_review({0, Direction::RussianToEnglish, 30, 10});
    set_review({1, Direction::RussianToEnglish, 2, 10});  // most at risk
    set_review({2, Direction::RussianToEnglish, 8, 10});
    set_review({3, Direction::RussianToEnglish, 4, 4});
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(testing::kMorningMs).ok());
    EXPECT_EQ(session.remaining().review, 4);
    // Notes 4..7 give one new card each; their siblings and the reviewed notes' siblings wait.
    EXPECT_EQ(session.remaining().new_cards, 4);

    std::vector<std::string> order;
    int64_t now = testing::kMorningMs;
    while (session.current()) {
        const StudyCard& shown = *session.current();
        order.push_back(shown.card.schedule.phase == CardPhase::Review ? "R" + shown.note.key : "N");
        now += 1000;
        // Easy: new cards graduate at once, so the session is reviews and new cards only.
        ASSERT_TRUE(session.answer(Rating::Easy, now, 1000).ok());
    }
    // R falls with days/stability: 10/2 > 10/8 > 4/4 > 10/30; the four new cards spread among them.
    EXPECT_EQ(order, (std::vector<std::string>{"Rr-1", "N", "Rr-2", "N", "N", "Rr-3", "N", "Rr-0"}));
}

TEST_F(StudySessionReviews, SiblingsStayBuriedAfterARestart)
{
    make_deck(3);
    {
        StudySession session(*collection, deck, settings);
        ASSERT_TRUE(session.advance(testing::kMorningMs).ok());
        ASSERT_TRUE(session.answer(Rating::Easy, testing::kMorningMs, 1000).ok());
    }
    // A new session (the app restarted) the same day: the studied note's sibling still waits.
    StudySession again(*collection, deck, settings);
    ASSERT_TRUE(again.advance(testing::kMorningMs + testing::kMinuteMs).ok());
    EXPECT_EQ(again.remaining().new_cards, 2);
    std::set<int64_t> notes;
    int64_t now = testing::kMorningMs + testing::kMinuteMs;
    while (again.current()) {
        notes.insert(again.current()->card.note.value);
        ASSERT_TRUE(again.answer(Rating::Easy, ++now, 1000).ok());
    }
    EXPECT_EQ(notes.size(), 2u);
    EXPECT_FALSE(notes.contains(card_of(0, Direction::RussianToEnglish).note.value));
    // The deck list agrees, and the next day the siblings are there.
    auto counts = queue_counts(*collection, deck, now, settings);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->total(), 0);
    auto tomorrow = queue_counts(*collection, deck, testing::kMorningMs + testing::kDayMs, settings);
    ASSERT_TRUE(tomorrow.ok());
    EXPECT_EQ(tomorrow->new_cards, 3);
}

TEST_F(StudySessionReviews, DueReviewOfANoteBuriesItsSibling)
{
    make_deck(2);
    set_review({0, Direction::RussianToEnglish, 5, 6});
    set_review({0, Direction::EnglishToRussian, 3, 6});
    auto counts = queue_counts(*collection, deck, testing::kMorningMs, settings);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->review, 1); // one direction of note 0 today: the one more at risk
    EXPECT_EQ(counts->new_cards, 1);
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(testing::kMorningMs).ok());
    ASSERT_TRUE(session.current());
    EXPECT_EQ(session.current()->card.id, card_of(0, Direction::EnglishToRussian).id);
}

TEST_F(StudySessionReviews, DailyReviewLimitCountsTodaysReviews)
{
    make_deck(6);
    for (int n = 0; n < 6; ++n)
        set_review({n, Direction::RussianToEnglish, 1.0 + n, 10});
    deck.reviews_per_day = 4;
    deck.new_per_day = 0;
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(testing::kMorningMs).ok());
    EXPECT_EQ(session.remaining().review, 4);
    ASSERT_TRUE(session.answer(Rating::Good, testing::kMorningMs + 1000, 1000).ok());
    ASSERT_TRUE(session.answer(Rating::Good, testing::kMorningMs + 2000, 1000).ok());
    EXPECT_EQ(session.remaining().review, 2);
    // After a restart the two reviews done today still count against the limit.
    auto counts = queue_counts(*collection, deck, testing::kMorningMs + 3000, settings);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->review, 2);
}

TEST_F(StudySessionReviews, ANewDayBringsANewQueue)
{
    make_deck(30);
    const int64_t late = testing::kMorningMs + 17 * 3'600'000 + 58 * testing::kMinuteMs; // 03:58 next night
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(late).ok());
    EXPECT_EQ(session.remaining().new_cards, 20);
    int64_t now = late;
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(session.answer(Rating::Easy, now += 1000, 1000).ok());
    EXPECT_FALSE(session.current());
    // 04:01: a new learning day; twenty more new cards (the last ten notes, then siblings).
    ASSERT_TRUE(session.advance(late + 3 * testing::kMinuteMs).ok());
    EXPECT_EQ(session.remaining().new_cards, 20);
    ASSERT_TRUE(session.current());
}

TEST_F(StudySessionReviews, EighthLapseSuspendsTagsAndTellsTheLearner)
{
    make_deck(2);
    set_review({0, Direction::RussianToEnglish, 3, 4, 7});
    StudyService service(*collection, settings);
    ASSERT_TRUE(service.start_session(deck.id, testing::kMorningMs).ok());
    ASSERT_NE(service.current(), nullptr);
    const Card leech = card_of(0, Direction::RussianToEnglish);
    ASSERT_EQ(service.current()->card.id, leech.id);
    EXPECT_TRUE(service.current()->preview[Rating::Again].leech);
    EXPECT_FALSE(service.take_notice());

    ASSERT_TRUE(service.answer(Rating::Again, testing::kMorningMs + 1000, 1000).ok());
    auto stored = collection->card(leech.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->suspended);
    EXPECT_EQ(stored->schedule.lapses, 8);
    auto note = collection->note(leech.note);
    ASSERT_TRUE(note.ok());
    EXPECT_EQ(note->tags, "leech");

    const std::optional<StudyNotice> notice = service.take_notice();
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->kind, NoticeKind::Leech);
    EXPECT_EQ(notice->card, leech.id);
    EXPECT_EQ(notice->lapses, 8);
    EXPECT_EQ(notice->front, note->russian);
    EXPECT_NE(notice->message.find("leech"), std::string::npos);
    EXPECT_NE(notice->message.find(note->russian), std::string::npos);
    EXPECT_FALSE(service.take_notice()) << "told once";

    // The suspended card does not come back in relearning, today or later.
    for (int i = 0; i < 5 && service.current(); ++i) {
        EXPECT_NE(service.current()->card.id, leech.id);
        ASSERT_TRUE(service.answer(Rating::Easy, testing::kMorningMs + 2000 + i, 1000).ok());
    }
    auto later = queue_counts(*collection, deck, testing::kMorningMs + 60 * testing::kDayMs, settings);
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(later->learning, 0);
}

TEST_F(StudySessionReviews, UndoOfTheLeechAnswerTakesBackTheTagAndReimportKeepsIt)
{
    make_deck(2);
    set_review({0, Direction::RussianToEnglish, 3, 4, 7});
    StudyService service(*collection, settings);
    ASSERT_TRUE(service.start_session(deck.id, testing::kMorningMs).ok());
    const Card leech = card_of(0, Direction::RussianToEnglish);
    ASSERT_EQ(service.current()->card.id, leech.id);
    ASSERT_TRUE(service.answer(Rating::Again, testing::kMorningMs + 1000, 1000).ok());
    ASSERT_EQ(collection->note(leech.note)->tags, "leech");

    // Undo: the card as it was, and the note as it was.
    ASSERT_TRUE(service.undo(testing::kMorningMs + 2000).ok());
    EXPECT_FALSE(collection->card(leech.id)->suspended);
    EXPECT_EQ(collection->note(leech.note)->tags, "");
    EXPECT_EQ(service.current()->card.id, leech.id);

    // Again for real; then a new version of the deck file (other tags) keeps the learner's tag.
    ASSERT_TRUE(service.answer(Rating::Again, testing::kMorningMs + 3000, 1000).ok());
    ASSERT_EQ(collection->note(leech.note)->tags, "leech");
    DeckFile file = testing::make_deck("r", 2);
    file.entries[0].note.tags = "war 1812";
    import(file);
    EXPECT_EQ(collection->note(leech.note)->tags, "war 1812 leech");
    import(file); // unchanged now: nothing rewritten, the tag still there
    EXPECT_EQ(collection->note(leech.note)->tags, "war 1812 leech");
}

TEST(LeechTag, RemovedWithoutDisturbingTheOthers)
{
    EXPECT_EQ(without_tag("leech", "leech"), "");
    EXPECT_EQ(without_tag("a leech b", "leech"), "a b");
    EXPECT_EQ(without_tag("leeches 1917", "leech"), "leeches 1917");
    EXPECT_TRUE(has_tag("1917 leech", "leech"));
    EXPECT_FALSE(has_tag("leeches", "leech"));
}

TEST_F(StudySessionReviews, LeechThresholdIsADeckOption)
{
    make_deck(1);
    set_review({0, Direction::RussianToEnglish, 3, 4, 2});
    StudyService service(*collection, settings);
    auto options = service.deck_options(deck.id);
    ASSERT_TRUE(options.ok());
    EXPECT_EQ(options->leech_threshold, 8);
    options->leech_threshold = 3;
    ASSERT_TRUE(service.set_deck_options(deck.id, *options).ok());
    ASSERT_TRUE(service.start_session(deck.id, testing::kMorningMs).ok());
    ASSERT_TRUE(service.answer(Rating::Again, testing::kMorningMs + 1000, 1000).ok());
    EXPECT_TRUE(service.take_notice());
    EXPECT_TRUE(collection->card(card_of(0, Direction::RussianToEnglish).id)->suspended);
}

TEST_F(StudySessionReviews, PreviewIsTheAnswerWithFuzzOn)
{
    make_deck(4);
    for (int n = 0; n < 4; ++n)
        set_review({n, Direction::RussianToEnglish, 20.0 + 7 * n, 20});
    settings.scheduler.fuzz = Fuzz::On;
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(testing::kMorningMs).ok());
    std::set<int32_t> days;
    int64_t now = testing::kMorningMs;
    while (session.current() && session.current()->card.schedule.phase == CardPhase::Review) {
        const StudyCard shown = *session.current();
        now += 4000;
        ASSERT_TRUE(session.answer(Rating::Good, now, 4000).ok());
        auto stored = collection->card(shown.card.id);
        ASSERT_TRUE(stored.ok());
        EXPECT_EQ(stored->schedule.scheduled_days, shown.preview[Rating::Good].schedule.scheduled_days);
        days.insert(stored->schedule.scheduled_days);
    }
    EXPECT_EQ(days.size(), 4u);
}

TEST_F(StudySessionReviews, DeckOptionsRoundTripAndBadValuesAreIgnored)
{
    make_deck(3);
    DeckOptions options;
    options.desired_retention = 0.85;
    options.maximum_interval_days = 400;
    options.learning_steps_minutes = {5, 30, 1440};
    options.relearning_steps_minutes = {};
    options.new_per_day = 2;
    options.reviews_per_day = 50;
    options.leech_threshold = 0;
    ASSERT_TRUE(save_deck_options(*collection, deck, options).ok());
    auto loaded = load_deck_options(*collection, deck, settings);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, options);
    EXPECT_EQ(*collection->setting(deck_option_key("r", "learning_steps")), std::optional<std::string>("5m 30m 1d"));

    // The deck list uses them: two new cards today.
    auto summaries = deck_summaries(*collection, testing::kMorningMs, settings);
    ASSERT_TRUE(summaries.ok());
    ASSERT_EQ(summaries->size(), 1u);
    EXPECT_EQ((*summaries)[0].today.new_cards, 2);
    EXPECT_EQ((*summaries)[0].deck.new_per_day, 2);
    const StudySettings applied = settings_for_deck(settings, *loaded);
    EXPECT_EQ(applied.scheduler.desired_retention, 0.85);
    EXPECT_EQ(applied.scheduler.learning_steps_minutes, (std::vector<int32_t>{5, 30, 1440}));
    EXPECT_TRUE(applied.scheduler.relearning_steps_minutes.empty());

    // Values out of range are clamped when saved; unreadable stored values fall back.
    options.desired_retention = 1.5;
    options.new_per_day = -4;
    ASSERT_TRUE(save_deck_options(*collection, deck, options).ok());
    ASSERT_TRUE(collection->set_setting(deck_option_key("r", "max_interval_days"), "soon").ok());
    ASSERT_TRUE(collection->set_setting(deck_option_key("r", "learning_steps"), "1m 10").ok());
    loaded = load_deck_options(*collection, deck, settings);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->desired_retention, 0.99);
    EXPECT_EQ(loaded->new_per_day, 0);
    EXPECT_EQ(loaded->maximum_interval_days, 36500);
    EXPECT_EQ(loaded->learning_steps_minutes, (std::vector<int32_t>{1, 10}));
    options.learning_steps_minutes = {0};
    EXPECT_EQ(save_deck_options(*collection, deck, options).error().kind, ErrorKind::InvalidInput);
}

TEST_F(StudySessionReviews, ANewUtcOffsetIsTakenUpAtOnce)
{
    make_deck(30);
    StudyService service(*collection, settings);
    ASSERT_TRUE(service.start_session(deck.id, testing::kMorningMs).ok());
    for (int i = 0; i < 20 && service.current(); ++i)
        ASSERT_TRUE(service.answer(Rating::Easy, testing::kMorningMs + i * 1000, 1000).ok());
    const int64_t evening = testing::kMorningMs + 8 * 3'600'000; // 18:00 UTC, the same learning day
    ASSERT_TRUE(service.refresh(evening).ok());
    EXPECT_EQ(service.remaining().new_cards, 0);
    // Eleven hours east, 18:00 UTC is 05:00 the next morning: a new learning day, and the morning's
    // answers (21:00 there) were yesterday's.
    service.set_day_clock(DayClock{11 * 60, 4});
    ASSERT_TRUE(service.refresh(evening).ok());
    EXPECT_EQ(service.remaining().new_cards, 20);
}

TEST(LeechTag, AddedOnceToTheNotesTags)
{
    EXPECT_EQ(with_tag("", "leech"), "leech");
    EXPECT_EQ(with_tag("revolution 1917", "leech"), "revolution 1917 leech");
    EXPECT_EQ(with_tag("leech", "leech"), "leech");
    EXPECT_EQ(with_tag("a leech b", "leech"), "a leech b");
    EXPECT_EQ(with_tag("leeches", "leech"), "leeches leech");
}

} // namespace
} // namespace letopis

namespace letopis {
namespace {

struct DeckDirections : testing::StudyFixture {};

TEST_F(DeckDirections, ADeckThatStudiesOneDirectionOffersOnlyItsNewCards)
{
    DeckFile file = testing::make_deck("typed-only", 6);
    file.studies_russian_to_english = false;
    const DeckInfo deck = import(file);
    StudySession session(*collection, deck, settings);
    ASSERT_TRUE(session.advance(testing::kMorningMs).ok());
    int shown = 0;
    while (session.current() && shown < 30) {
        EXPECT_EQ(session.current()->card.direction, Direction::EnglishToRussian);
        ASSERT_TRUE(session.answer(Rating::Easy, testing::kMorningMs, 1000).ok());
        ++shown;
    }
    EXPECT_EQ(shown, 6); // one card per note, all typed

    // Both directions again after the deck file says so.
    file.studies_russian_to_english = true;
    import(file);
    auto counts = queue_counts(*collection, deck, testing::kMorningMs + 2 * testing::kDayMs, settings);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->new_cards, 6);
}

} // namespace
} // namespace letopis
