// Tests for the collection's data: decks, notes and their cards, queues and counts, the
// append-only review log, settings, and transact() with nesting and rollback.
#include <algorithm>
#include <chrono>

#include "db/database.h"
#include "storage/collection_fixture.h"
#include "text/normalize.h"

namespace letopis {
namespace {

using testing::TempDir;

constexpr int64_t kDay = 24 * 60 * 60 * 1000;
constexpr int64_t kNow = 1'700'000'000'000; // 2023-11-14, UTC ms

ReviewRecord answer_at(int64_t time_ms, CardId card = {})
{
    ReviewRecord review;
    review.time_ms = time_ms;
    review.card = card;
    return review;
}

class CollectionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_collection = testing::open_collection(m_dir / "collection.db");
        ASSERT_TRUE(m_collection);
        m_deck = testing::add_deck(*m_collection, "letopis", "Летопись");
    }

    void reopen()
    {
        m_collection.reset();
        m_collection = testing::open_collection(m_dir / "collection.db", OpenMode::MustExist);
        ASSERT_TRUE(m_collection);
    }

    std::vector<Card> cards_of(NoteId note)
    {
        Result<std::vector<Card>> cards = m_collection->cards_for_note(note);
        EXPECT_TRUE(cards.ok());
        return cards.ok() ? *cards : std::vector<Card>{};
    }

    // Puts `card` into `phase`, due at `due_ms`, by recording an answer at `time_ms`.
    ReviewId answer(Card card, CardPhase phase, int64_t due_ms, int64_t time_ms, CardPhase before = CardPhase::New)
    {
        card.schedule.phase = phase;
        card.schedule.due_ms = due_ms;
        card.schedule.last_review_ms = time_ms;
        card.schedule.memory = MemoryState{3.5, 5.25};
        card.schedule.reps += 1;
        ReviewRecord review;
        review.time_ms = time_ms;
        review.rating = Rating::Good;
        review.phase_before = before;
        review.stability = 3.5;
        review.difficulty = 5.25;
        review.due_ms = due_ms;
        Result<ReviewId> id = m_collection->record_answer(card, review);
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
        return id.ok() ? *id : ReviewId{};
    }

    static std::vector<int64_t> ids(const std::vector<Card>& cards)
    {
        std::vector<int64_t> out;
        for (const Card& card : cards)
            out.push_back(card.id.value);
        return out;
    }

    TempDir m_dir;
    std::unique_ptr<Collection> m_collection;
    DeckId m_deck;
};

TEST_F(CollectionTest, UpsertDeckMatchesByKey)
{
    DeckInfo deck;
    deck.key = "letopis";
    deck.title = "Повесть временных лет";
    deck.description = "Начальная летопись";
    deck.new_per_day = 5;
    deck.reviews_per_day = 50;
    Result<DeckId> id = m_collection->upsert_deck(deck);
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(*id, m_deck);
    DeckId other = testing::add_deck(*m_collection, "byliny", "Былины");
    EXPECT_NE(other, m_deck);

    Result<std::vector<DeckInfo>> decks = m_collection->decks();
    ASSERT_TRUE(decks.ok());
    ASSERT_EQ(decks->size(), 2u);
    Result<std::optional<DeckInfo>> found = m_collection->deck_by_key("letopis");
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->title, "Повесть временных лет");
    EXPECT_EQ((*found)->description, "Начальная летопись");
    EXPECT_EQ((*found)->new_per_day, 5);
    EXPECT_EQ((*found)->reviews_per_day, 50);
    Result<std::optional<DeckInfo>> missing = m_collection->deck_by_key("nope");
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
}

TEST_F(CollectionTest, UpsertNoteStoresTheTextAndMakesTwoNewCards)
{
    Note input = testing::make_note(m_deck, "knyaz", "кня́зь", "prince");
    input.part_of_speech = "noun";
    input.grammar = "m., pl. князья́";
    input.example_russian = "Князь Олег пошёл на Царьград.";
    input.example_english = "Prince Oleg marched on Constantinople.";
    input.tags = "people rulers";
    input.source = "ПВЛ";
    input.notes = "Cf. Old Norse konungr.";
    Result<NoteId> id = m_collection->upsert_note(input);
    ASSERT_TRUE(id.ok());

    Result<Note> stored = m_collection->note(*id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->id, *id);
    EXPECT_EQ(stored->deck, m_deck);
    EXPECT_EQ(stored->key, "knyaz");
    EXPECT_EQ(stored->russian, "кня́зь");
    EXPECT_EQ(stored->english, "prince");
    EXPECT_EQ(stored->part_of_speech, "noun");
    EXPECT_EQ(stored->grammar, "m., pl. князья́");
    EXPECT_EQ(stored->example_russian, "Князь Олег пошёл на Царьград.");
    EXPECT_EQ(stored->example_english, "Prince Oleg marched on Constantinople.");
    EXPECT_EQ(stored->tags, "people rulers");
    EXPECT_EQ(stored->source, "ПВЛ");
    EXPECT_EQ(stored->notes, "Cf. Old Norse konungr.");

    std::vector<Card> cards = cards_of(*id);
    ASSERT_EQ(cards.size(), 2u);
    EXPECT_EQ(cards[0].direction, Direction::RussianToEnglish);
    EXPECT_EQ(cards[1].direction, Direction::EnglishToRussian);
    for (const Card& card : cards) {
        EXPECT_EQ(card.note, *id);
        EXPECT_EQ(card.deck, m_deck);
        EXPECT_EQ(card.schedule, CardSchedule{});
        EXPECT_FALSE(card.suspended);
        Result<Card> again = m_collection->card(card.id);
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(again->schedule, card.schedule);
    }

    Result<std::string> folded = m_collection->database().query_text(
        "SELECT fold_key FROM notes WHERE id = " + std::to_string(id->value));
    ASSERT_TRUE(folded.ok());
    EXPECT_EQ(*folded, fold_key("кня́зь"));
    EXPECT_EQ(*folded, "князь");
}

TEST_F(CollectionTest, UpsertNoteStoresNfc)
{
    // "ёлка" with a decomposed ё (е + U+0308) and a stress mark on о.
    Result<NoteId> id = m_collection->upsert_note(testing::make_note(m_deck, "yolka", "е\u0308ло\u0301чка", "fir"));
    ASSERT_TRUE(id.ok());
    Result<Note> stored = m_collection->note(*id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->russian, to_nfc("е\u0308ло\u0301чка"));
    EXPECT_EQ(stored->russian, "ёло\u0301чка");
    // Found again under the NFC key, and matched by it on upsert.
    Result<std::optional<Note>> by_key = m_collection->note_by_key(m_deck, "yolka");
    ASSERT_TRUE(by_key.ok() && by_key->has_value());
    EXPECT_EQ((*by_key)->id, *id);
}

TEST_F(CollectionTest, UpsertNoteTwiceUpdatesInPlaceAndKeepsCardsAndReviews)
{
    NoteId id = testing::add_note(*m_collection, m_deck, "veche", "ве́че", "assembly");
    std::vector<Card> before = cards_of(id);
    ASSERT_EQ(before.size(), 2u);
    answer(before[0], CardPhase::Review, kNow + 3 * kDay, kNow);
    Card answered = *m_collection->card(before[0].id);

    Note changed = testing::make_note(m_deck, "veche", "ве́че", "popular assembly");
    changed.id = NoteId{9999}; // ignored: the match is by deck and key
    changed.tags = "institutions";
    Result<NoteId> again = m_collection->upsert_note(changed);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, id);

    Result<Note> stored = m_collection->note(id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->english, "popular assembly");
    EXPECT_EQ(stored->tags, "institutions");
    std::vector<Card> after = cards_of(id);
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].id, before[0].id);
    EXPECT_EQ(after[1].id, before[1].id);
    EXPECT_EQ(after[0].schedule, answered.schedule);
    Result<std::vector<ReviewRecord>> reviews = m_collection->reviews_for_card(before[0].id);
    ASSERT_TRUE(reviews.ok());
    EXPECT_EQ(reviews->size(), 1u);
    Result<int64_t> notes = m_collection->note_count(m_deck);
    ASSERT_TRUE(notes.ok());
    EXPECT_EQ(*notes, 1);
}

TEST_F(CollectionTest, UpsertNoteRecreatesAMissingCard)
{
    NoteId id = testing::add_note(*m_collection, m_deck, "grad", "град", "town");
    std::vector<Card> cards = cards_of(id);
    ASSERT_EQ(cards.size(), 2u);
    // A card lost somehow (an older import, a hand edit) comes back on the next upsert.
    ASSERT_TRUE(m_collection->database().exec("DELETE FROM cards WHERE id = " + std::to_string(cards[1].id.value)).ok());
    ASSERT_EQ(cards_of(id).size(), 1u);
    ASSERT_TRUE(m_collection->upsert_note(testing::make_note(m_deck, "grad", "град", "town")).ok());
    std::vector<Card> restored = cards_of(id);
    ASSERT_EQ(restored.size(), 2u);
    EXPECT_EQ(restored[0].id, cards[0].id);
    EXPECT_EQ(restored[1].direction, Direction::EnglishToRussian);
}

TEST_F(CollectionTest, UpsertNoteRefusesBadInput)
{
    Result<NoteId> no_deck = m_collection->upsert_note(testing::make_note(DeckId{}, "k", "слово", "word"));
    ASSERT_FALSE(no_deck.ok());
    EXPECT_EQ(no_deck.error().kind, ErrorKind::InvalidInput);
    Result<NoteId> no_key = m_collection->upsert_note(testing::make_note(m_deck, "", "слово", "word"));
    ASSERT_FALSE(no_key.ok());
    EXPECT_EQ(no_key.error().kind, ErrorKind::InvalidInput);
    Result<NoteId> unknown_deck = m_collection->upsert_note(testing::make_note(DeckId{77}, "k", "слово", "word"));
    ASSERT_FALSE(unknown_deck.ok());
    EXPECT_EQ(unknown_deck.error().kind, ErrorKind::NotFound);
    Result<int64_t> notes = m_collection->note_count(DeckId{77});
    ASSERT_TRUE(notes.ok());
    EXPECT_EQ(*notes, 0);
}

TEST_F(CollectionTest, MissingRecordsAreNotFound)
{
    Result<Note> note = m_collection->note(NoteId{12345});
    ASSERT_FALSE(note.ok());
    EXPECT_EQ(note.error().kind, ErrorKind::NotFound);
    Result<Card> card = m_collection->card(CardId{12345});
    ASSERT_FALSE(card.ok());
    EXPECT_EQ(card.error().kind, ErrorKind::NotFound);
    Result<std::optional<Note>> by_key = m_collection->note_by_key(m_deck, "nope");
    ASSERT_TRUE(by_key.ok());
    EXPECT_FALSE(by_key->has_value());
}

TEST_F(CollectionTest, NewCardsComeInDeckFileOrder)
{
    DeckId other = testing::add_deck(*m_collection, "other");
    NoteId c = testing::add_note(*m_collection, m_deck, "c", "дружи́на", "retinue");
    NoteId a = testing::add_note(*m_collection, m_deck, "a", "бо́ярин", "boyar");
    testing::add_note(*m_collection, other, "x", "смерд", "peasant");
    NoteId b = testing::add_note(*m_collection, m_deck, "b", "по́людье", "tribute round");
    // Updating a note keeps its place.
    testing::add_note(*m_collection, m_deck, "c", "дружи́на", "prince's retinue");

    Result<std::vector<Card>> queue = m_collection->new_cards(m_deck, 100);
    ASSERT_TRUE(queue.ok());
    ASSERT_EQ(queue->size(), 6u);
    std::vector<NoteId> order;
    for (size_t i = 0; i < queue->size(); ++i) {
        order.push_back((*queue)[i].note);
        EXPECT_EQ((*queue)[i].direction, i % 2 == 0 ? Direction::RussianToEnglish : Direction::EnglishToRussian);
    }
    EXPECT_EQ(order, (std::vector<NoteId>{c, c, a, a, b, b}));

    Result<std::vector<Card>> limited = m_collection->new_cards(m_deck, 3);
    ASSERT_TRUE(limited.ok());
    std::vector<int64_t> all = ids(*queue);
    EXPECT_EQ(ids(*limited), std::vector<int64_t>(all.begin(), all.begin() + 3));

    // Answered and suspended cards leave the new queue.
    answer((*queue)[0], CardPhase::Learning, kNow + 60'000, kNow);
    Card suspended = (*queue)[2];
    suspended.suspended = true;
    ASSERT_TRUE(m_collection->record_answer(suspended, answer_at(kNow)).ok());
    Result<std::vector<Card>> rest = m_collection->new_cards(m_deck, 100);
    ASSERT_TRUE(rest.ok());
    EXPECT_EQ(ids(*rest), (std::vector<int64_t>{(*queue)[1].id.value, (*queue)[3].id.value, (*queue)[4].id.value,
                                                (*queue)[5].id.value}));
}

TEST_F(CollectionTest, DueCardsPutLearningFirstThenByDue)
{
    std::vector<Card> cards;
    for (int i = 0; i < 5; ++i)
        for (const Card& card : cards_of(testing::add_note(*m_collection, m_deck, "k" + std::to_string(i), "слово", "word")))
            cards.push_back(card);
    ASSERT_EQ(cards.size(), 10u);
    const int64_t day_end = kNow + 6 * 60 * 60 * 1000;
    answer(cards[0], CardPhase::Review, kNow - 2 * kDay, kNow - 5 * kDay);    // overdue review
    answer(cards[1], CardPhase::Review, kNow - 1 * kDay, kNow - 5 * kDay);    // review
    answer(cards[2], CardPhase::Learning, kNow + 10 * 60'000, kNow);          // learning, later today
    answer(cards[3], CardPhase::Relearning, kNow - 60'000, kNow - 600'000);   // relearning, due
    answer(cards[4], CardPhase::Review, kNow + 3 * kDay, kNow);                // not due
    answer(cards[5], CardPhase::Review, kNow + 60'000, kNow - 5 * kDay);      // due later today
    Card suspended = cards[6];
    suspended.suspended = true;
    answer(suspended, CardPhase::Review, kNow - kDay, kNow - 5 * kDay);       // suspended: never due
    // cards[7..9] stay New and are never in the due queue.

    Result<std::vector<Card>> due = m_collection->due_cards(m_deck, day_end, 100);
    ASSERT_TRUE(due.ok());
    EXPECT_EQ(ids(*due), (std::vector<int64_t>{cards[3].id.value, cards[2].id.value, cards[0].id.value,
                                               cards[1].id.value, cards[5].id.value}));
    Result<std::vector<Card>> first_two = m_collection->due_cards(m_deck, day_end, 2);
    ASSERT_TRUE(first_two.ok());
    EXPECT_EQ(ids(*first_two), (std::vector<int64_t>{cards[3].id.value, cards[2].id.value}));
    Result<std::vector<Card>> now_only = m_collection->due_cards(m_deck, kNow, 100);
    ASSERT_TRUE(now_only.ok());
    EXPECT_EQ(ids(*now_only), (std::vector<int64_t>{cards[3].id.value, cards[0].id.value, cards[1].id.value}));
    DeckId other = testing::add_deck(*m_collection, "other");
    Result<std::vector<Card>> none = m_collection->due_cards(other, day_end, 100);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
}

TEST_F(CollectionTest, CardCountsSeparateEachKind)
{
    std::vector<Card> cards;
    for (int i = 0; i < 6; ++i)
        for (const Card& card : cards_of(testing::add_note(*m_collection, m_deck, "k" + std::to_string(i), "слово", "word")))
            cards.push_back(card);
    const int64_t day_start = kNow - 10 * 60 * 60 * 1000;
    const int64_t day_end = day_start + kDay;
    const int64_t cutoff = kNow + 20 * 60'000;

    // Yesterday: first answers of cards 0 and 1 (not counted today).
    answer(cards[0], CardPhase::Review, kNow - 1, day_start - 1000, CardPhase::New);
    answer(cards[1], CardPhase::Review, kNow + 2 * 60 * 60 * 1000, day_start - 1000, CardPhase::New);
    // Today: card 0 reviewed (phase_before Review) and lapsed to relearning, due within cutoff.
    answer(cards[0], CardPhase::Relearning, kNow + 5 * 60'000, kNow - 1000, CardPhase::Review);
    // Today: cards 2 and 3 seen for the first time; card 2 answered twice while learning.
    answer(cards[2], CardPhase::Learning, kNow + 60 * 60'000, kNow - 3000, CardPhase::New);
    answer(cards[2], CardPhase::Learning, kNow + 90 * 60'000, kNow - 2000, CardPhase::Learning);
    answer(cards[3], CardPhase::Review, day_end + kDay, kNow - 1500, CardPhase::New);
    // Another deck's answers are not counted.
    DeckId other = testing::add_deck(*m_collection, "other");
    std::vector<Card> foreign = cards_of(testing::add_note(*m_collection, other, "f", "чужое", "foreign"));
    answer(foreign[0], CardPhase::Learning, kNow, kNow - 500, CardPhase::New);
    // A suspended new card is not new.
    Card suspended = cards[11];
    suspended.suspended = true;
    ASSERT_TRUE(m_collection->record_answer(suspended, answer_at(day_start - kDay)).ok());

    Result<DeckCardCounts> counts = m_collection->card_counts(m_deck, cutoff, day_start, day_end);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->new_cards, 7);          // cards 4..10
    EXPECT_EQ(counts->learning_due, 1);       // card 0 (relearning, due in 5 min)
    EXPECT_EQ(counts->learning_later, 1);     // card 2 (due in 90 min)
    EXPECT_EQ(counts->review_due, 1);         // card 1 (card 3 is due tomorrow)
    EXPECT_EQ(counts->new_studied_today, 2);  // cards 2 and 3
    EXPECT_EQ(counts->reviews_today, 1);      // card 0's review

    Result<DeckCardCounts> empty = m_collection->card_counts(DeckId{999}, cutoff, day_start, day_end);
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->new_cards + empty->learning_due + empty->review_due + empty->reviews_today, 0);
}

TEST_F(CollectionTest, RecordAnswerPersistsAcrossReopen)
{
    NoteId note = testing::add_note(*m_collection, m_deck, "izba", "изба́", "peasant hut");
    Card card = cards_of(note)[1];
    card.schedule.phase = CardPhase::Review;
    card.schedule.memory = MemoryState{12.75, 4.5};
    card.schedule.due_ms = kNow + 13 * kDay;
    card.schedule.last_review_ms = kNow;
    card.schedule.step = 0;
    card.schedule.reps = 4;
    card.schedule.lapses = 1;
    card.schedule.scheduled_days = 13;
    ReviewRecord review;
    review.card = card.id;
    review.time_ms = kNow;
    review.rating = Rating::Easy;
    review.phase_before = CardPhase::Relearning;
    review.elapsed_days = 2;
    review.retrievability = 0.8125;
    review.stability = 12.75;
    review.difficulty = 4.5;
    review.scheduled_days = 13;
    review.due_ms = kNow + 13 * kDay;
    review.duration_ms = 4200;
    Result<ReviewId> id = m_collection->record_answer(card, review);
    ASSERT_TRUE(id.ok());
    const int64_t device = m_collection->device_id();
    EXPECT_EQ(id->value, kNow * 1000 + device % 1000);

    reopen();
    Result<Card> stored = m_collection->card(card.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->schedule, card.schedule);
    EXPECT_EQ(stored->note, note);
    EXPECT_EQ(stored->direction, Direction::EnglishToRussian);
    Result<std::vector<ReviewRecord>> reviews = m_collection->reviews_for_card(card.id);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    const ReviewRecord& r = (*reviews)[0];
    EXPECT_EQ(r.id, *id);
    EXPECT_EQ(r.card, card.id);
    EXPECT_EQ(r.time_ms, kNow);
    EXPECT_EQ(r.rating, Rating::Easy);
    EXPECT_EQ(r.phase_before, CardPhase::Relearning);
    EXPECT_EQ(r.elapsed_days, 2);
    EXPECT_DOUBLE_EQ(r.retrievability, 0.8125);
    EXPECT_DOUBLE_EQ(r.stability, 12.75);
    EXPECT_DOUBLE_EQ(r.difficulty, 4.5);
    EXPECT_EQ(r.scheduled_days, 13);
    EXPECT_EQ(r.due_ms, kNow + 13 * kDay);
    EXPECT_EQ(r.duration_ms, 4200);
    Result<int64_t> stored_device = m_collection->database().query_int("SELECT device_id FROM reviews");
    ASSERT_TRUE(stored_device.ok());
    EXPECT_EQ(*stored_device, device);
    Result<int64_t> count = m_collection->review_count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 1);
}

TEST_F(CollectionTest, ReviewIdsAreUniqueAndTimeOrdered)
{
    Card card = cards_of(testing::add_note(*m_collection, m_deck, "k", "лето", "year"))[0];
    ReviewId a = answer(card, CardPhase::Learning, kNow, kNow);
    ReviewId b = answer(card, CardPhase::Learning, kNow, kNow);            // same millisecond
    ReviewId c = answer(card, CardPhase::Learning, kNow, kNow - 60'000);   // clock went back
    ReviewId d = answer(card, CardPhase::Learning, kNow, kNow + 3000);
    // The number after the millisecond starts at the device id's last three digits.
    const int64_t start = m_collection->device_id() % 1000;
    EXPECT_EQ(a.value, kNow * 1000 + start);
    EXPECT_EQ(b.value, kNow * 1000 + start + 1);
    EXPECT_EQ(c.value, kNow * 1000 + start + 2);
    EXPECT_EQ(d.value, (kNow + 3000) * 1000 + start);
    Result<std::vector<ReviewRecord>> reviews = m_collection->reviews_for_card(card.id);
    ASSERT_TRUE(reviews.ok());
    std::vector<ReviewId> order;
    for (const ReviewRecord& r : *reviews)
        order.push_back(r.id);
    EXPECT_EQ(order, (std::vector<ReviewId>{a, b, c, d}));
}

TEST_F(CollectionTest, RecordAnswerRefusesBadInputAndWritesNothing)
{
    Card card = cards_of(testing::add_note(*m_collection, m_deck, "k", "лето", "year"))[0];
    Card ghost = card;
    ghost.id = CardId{424242};
    ghost.schedule.phase = CardPhase::Review;
    Result<ReviewId> missing = m_collection->record_answer(ghost, answer_at(kNow));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    Result<ReviewId> mismatch = m_collection->record_answer(card, answer_at(kNow, CardId{1234}));
    ASSERT_FALSE(mismatch.ok());
    EXPECT_EQ(mismatch.error().kind, ErrorKind::InvalidInput);
    Result<ReviewId> negative = m_collection->record_answer(card, answer_at(-1));
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error().kind, ErrorKind::InvalidInput);
    Result<int64_t> count = m_collection->review_count();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 0);
}

TEST_F(CollectionTest, ReviewsCannotBeChangedOrDeleted)
{
    Card card = cards_of(testing::add_note(*m_collection, m_deck, "k", "лето", "year"))[0];
    answer(card, CardPhase::Learning, kNow, kNow);
    Database& db = m_collection->database();
    Status update = db.exec("UPDATE reviews SET rating = 1");
    ASSERT_FALSE(update.ok());
    EXPECT_NE(update.error().message.find("append-only"), std::string::npos) << update.error().message;
    Status erase = db.exec("DELETE FROM reviews");
    ASSERT_FALSE(erase.ok());
    EXPECT_NE(erase.error().message.find("append-only"), std::string::npos);
    // Nor can a reviewed card vanish from under its log.
    EXPECT_FALSE(db.exec("DELETE FROM cards WHERE id = " + std::to_string(card.id.value)).ok());
    Result<std::vector<ReviewRecord>> reviews = m_collection->reviews_for_card(card.id);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].rating, Rating::Good);
}

TEST_F(CollectionTest, SettingsRoundTrip)
{
    Result<std::optional<std::string>> missing = m_collection->setting("ui.theme");
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
    ASSERT_TRUE(m_collection->set_setting("ui.theme", "light").ok());
    ASSERT_TRUE(m_collection->set_setting("ui.theme", "dark").ok());
    ASSERT_TRUE(m_collection->set_setting("study.font", "PT Sans — 18").ok());
    reopen();
    Result<std::optional<std::string>> theme = m_collection->setting("ui.theme");
    ASSERT_TRUE(theme.ok() && theme->has_value());
    EXPECT_EQ(**theme, "dark");
    Result<std::optional<std::string>> font = m_collection->setting("study.font");
    ASSERT_TRUE(font.ok() && font->has_value());
    EXPECT_EQ(**font, "PT Sans — 18");
    // Settings cannot reach the collection's own meta keys.
    Result<std::optional<std::string>> device = m_collection->setting("device_id");
    ASSERT_TRUE(device.ok());
    EXPECT_FALSE(device->has_value());
}

TEST_F(CollectionTest, TransactRollsBackWhenFnFails)
{
    Status status = m_collection->transact([&]() -> Status {
        TRY_STATUS(m_collection->set_setting("a", "1"));
        testing::add_note(*m_collection, m_deck, "k", "слово", "word");
        return make_error(ErrorKind::InvalidInput, "changed my mind");
    });
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message, "changed my mind");
    EXPECT_FALSE(m_collection->database().in_transaction());
    Result<std::optional<std::string>> a = m_collection->setting("a");
    ASSERT_TRUE(a.ok());
    EXPECT_FALSE(a->has_value());
    Result<int64_t> notes = m_collection->note_count(m_deck);
    ASSERT_TRUE(notes.ok());
    EXPECT_EQ(*notes, 0);
}

TEST_F(CollectionTest, NestedTransactUndoesOnlyTheFailedInnerCall)
{
    Status status = m_collection->transact([&]() -> Status {
        TRY_STATUS(m_collection->set_setting("outer", "1"));
        Status inner = m_collection->transact([&]() -> Status {
            TRY_STATUS(m_collection->set_setting("inner", "1"));
            return make_error(ErrorKind::InvalidInput, "inner fails");
        });
        EXPECT_FALSE(inner.ok());
        // A failing record_answer inside must not leave its card update behind either.
        Card ghost;
        ghost.id = CardId{999};
        EXPECT_FALSE(m_collection->record_answer(ghost, answer_at(kNow)).ok());
        return m_collection->set_setting("after", "1");
    });
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(m_collection->setting("outer")->has_value());
    EXPECT_FALSE(m_collection->setting("inner")->has_value());
    EXPECT_TRUE(m_collection->setting("after")->has_value());
    EXPECT_FALSE(m_collection->database().in_transaction());
}

TEST_F(CollectionTest, FoldKeyIsAnSqlFunction)
{
    Result<std::string> folded = m_collection->database().query_text("SELECT fold_key('Ёлка́')");
    ASSERT_TRUE(folded.ok()) << folded.error().message;
    EXPECT_EQ(*folded, fold_key("Ёлка́"));
}

// 25,000 notes = 50,000 cards in one deck: the counts a deck list shows for every deck on
// every frame it changes must stay well inside a frame.
TEST(CollectionScale, CountsAndQueuesAreFastOnFiftyThousandCards)
{
    TempDir dir;
    auto collection = testing::open_collection(dir / "big.db");
    ASSERT_TRUE(collection);
    DeckId deck = testing::add_deck(*collection, "big");
    constexpr int kNotes = 25'000;
    ASSERT_TRUE(collection->transact([&]() -> Status {
        for (int i = 0; i < kNotes; ++i)
            TRY_STATUS(collection->upsert_note(testing::make_note(deck, "n" + std::to_string(i), "сло́во", "word")));
        // A fifth of the cards studied: review cards spread over the next 100 days, some learning.
        for (int64_t id = 1; id <= 2 * kNotes; id += 5) {
            Card card = *collection->card(CardId{id});
            card.schedule.phase = id % 3 == 0 ? CardPhase::Learning : CardPhase::Review;
            card.schedule.due_ms = kNow + (id % 100) * kDay - kDay / 2;
            card.schedule.memory = MemoryState{10, 5};
            Result<ReviewId> r = collection->record_answer(card, answer_at(kNow - (id % 7) * kDay));
            if (!r)
                return r.error();
        }
        return {};
    }).ok());

    using Clock = std::chrono::steady_clock;
    constexpr int kRuns = 50;
    auto start = Clock::now();
    DeckCardCounts counts;
    for (int i = 0; i < kRuns; ++i)
        counts = *collection->card_counts(deck, kNow + 20 * 60'000, kNow - kDay / 4, kNow + 3 * kDay / 4);
    double counts_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / kRuns;
    start = Clock::now();
    for (int i = 0; i < kRuns; ++i)
        ASSERT_EQ(collection->new_cards(deck, 20)->size(), 20u);
    double new_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / kRuns;
    start = Clock::now();
    for (int i = 0; i < kRuns; ++i)
        ASSERT_EQ(collection->due_cards(deck, kNow + 3 * kDay / 4, 200)->size(), 200u);
    double due_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / kRuns;

    EXPECT_EQ(counts.new_cards, 2 * kNotes - 2 * kNotes / 5);
    std::printf("[ figures  ] 50,000 cards: card_counts %.2f ms, new_cards(20) %.3f ms, due_cards(200) %.2f ms\n",
                counts_ms, new_ms, due_ms);
    // The goal is < 5 ms; the bound leaves room for a busy shared machine or a sanitizer build.
    EXPECT_LT(counts_ms, 25.0);
    EXPECT_LT(new_ms, 5.0);
}

} // namespace
} // namespace letopis
