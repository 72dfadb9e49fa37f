// Listening cards and the per-deck speech option: stored with the deck's options, made for every
// note when turned on (and for notes a re-import adds), studied only while on and while sound works.
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
using testing::kMorningMs;
using testing::make_deck;

struct ListeningCards : testing::StudyFixture {
    int64_t listening_cards_of(const DeckInfo& deck)
    {
        auto notes = collection->notes_in_deck(deck.id);
        EXPECT_TRUE(notes.ok());
        int64_t count = 0;
        for (const Note& note : *notes) {
            auto cards = collection->cards_for_note(note.id);
            EXPECT_TRUE(cards.ok());
            for (const Card& card : *cards)
                count += card.direction == Direction::Listening ? 1 : 0;
        }
        return count;
    }

    void turn_listening(const DeckInfo& deck, bool on)
    {
        auto options = load_deck_options(*collection, deck, settings);
        ASSERT_TRUE(options.ok());
        options->listening = on;
        ASSERT_TRUE(save_deck_options(*collection, deck, *options).ok());
    }

    // Studies the deck's whole queue at `now` with Easy; returns the directions shown.
    std::vector<Direction> study_day(const DeckInfo& deck, int64_t now, const StudySettings& base)
    {
        auto options = load_deck_options(*collection, deck, base);
        EXPECT_TRUE(options.ok());
        StudySession session(*collection, with_limits(deck, *options), settings_for_deck(base, *options));
        EXPECT_TRUE(session.advance(now).ok());
        std::vector<Direction> shown;
        while (session.current() && shown.size() < 100) {
            shown.push_back(session.current()->card.direction);
            EXPECT_TRUE(session.answer(Rating::Easy, now, 1000).ok());
        }
        return shown;
    }
};

TEST_F(ListeningCards, SpeakAndListeningRoundTripWithTheOtherOptions)
{
    const DeckInfo deck = import(make_deck("s", 3));
    auto loaded = load_deck_options(*collection, deck, settings);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->speak, SpeakWhen::OnShow); // the default
    EXPECT_FALSE(loaded->listening);

    DeckOptions options = *loaded;
    options.speak = SpeakWhen::OnReveal;
    options.listening = true;
    ASSERT_TRUE(save_deck_options(*collection, deck, options).ok());
    loaded = load_deck_options(*collection, deck, settings);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(*loaded, options);
    EXPECT_EQ(*collection->setting(deck_option_key("s", "speak")), std::optional<std::string>("reveal"));
    EXPECT_EQ(*collection->setting(deck_option_key("s", "listening")), std::optional<std::string>("on"));

    options.speak = SpeakWhen::Off;
    ASSERT_TRUE(save_deck_options(*collection, deck, options).ok());
    EXPECT_EQ(load_deck_options(*collection, deck, settings)->speak, SpeakWhen::Off);

    // An unreadable stored value falls back to the default.
    ASSERT_TRUE(collection->set_setting(deck_option_key("s", "speak"), "loudly").ok());
    EXPECT_EQ(load_deck_options(*collection, deck, settings)->speak, SpeakWhen::OnShow);
}

TEST_F(ListeningCards, TurningListeningOnMakesOneCardPerNoteAndOffKeepsThem)
{
    const DeckInfo deck = import(make_deck("l", 4));
    EXPECT_EQ(listening_cards_of(deck), 0) << "a deck has no listening cards until it asks for them";
    turn_listening(deck, true);
    EXPECT_EQ(listening_cards_of(deck), 4);
    turn_listening(deck, true); // again: nothing doubles
    EXPECT_EQ(listening_cards_of(deck), 4);
    turn_listening(deck, false);
    EXPECT_EQ(listening_cards_of(deck), 4);

    // A re-import that adds notes gives them listening cards only while listening is on.
    import(make_deck("l", 5));
    EXPECT_EQ(listening_cards_of(deck), 4);
    turn_listening(deck, true);
    import(make_deck("l", 7));
    EXPECT_EQ(listening_cards_of(deck), 7);
}

TEST_F(ListeningCards, TheQueueOffersThemOnADayOfTheirOwnOnlyWhileOn)
{
    DeckFile file = make_deck("q", 3);
    file.studies_english_to_russian = false; // reading + listening: two cards per note
    const DeckInfo deck = import(file);
    turn_listening(deck, true);

    // Day 1: the reading cards; a note's listening card waits for another day (siblings).
    std::vector<Direction> day1 = study_day(deck, kMorningMs, settings);
    EXPECT_EQ(day1, std::vector<Direction>(3, Direction::RussianToEnglish));
    // Day 2: the listening cards are new now.
    std::vector<Direction> day2 = study_day(deck, kMorningMs + kDayMs, settings);
    EXPECT_EQ(day2, std::vector<Direction>(3, Direction::Listening));

    // Their reviews come due later; with listening off they rest, with no sound as well.
    const int64_t later = kMorningMs + 60 * kDayMs;
    auto all_on = queue_counts(*collection, deck, later, settings_for_deck(settings, *load_deck_options(*collection, deck, settings)));
    ASSERT_TRUE(all_on.ok());
    EXPECT_EQ(all_on->review, 3) << "six cards are due, one a note a day";

    StudySettings silent = settings;
    silent.sound_available = false;
    EXPECT_EQ(study_day(deck, later, silent), std::vector<Direction>(3, Direction::RussianToEnglish));

    turn_listening(deck, false);
    auto off = load_deck_options(*collection, deck, settings);
    ASSERT_TRUE(off.ok());
    auto counts = queue_counts(*collection, deck, later + kDayMs, settings_for_deck(settings, *off));
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->review, 0) << "reading cards were just answered; listening cards rest while off";
    turn_listening(deck, true);
    auto on = load_deck_options(*collection, deck, settings);
    counts = queue_counts(*collection, deck, later + kDayMs, settings_for_deck(settings, *on));
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->review, 3) << "the listening cards come back with their schedules";
}

TEST_F(ListeningCards, TheServiceDropsThemWhenSoundTurnsOutNotToWork)
{
    DeckFile file = make_deck("n", 2);
    file.studies_english_to_russian = false;
    const DeckInfo deck = import(file);
    turn_listening(deck, true);

    StudyService service(*collection, settings);
    ASSERT_TRUE(service.start_session(deck.id, kMorningMs).ok());
    while (service.current())
        ASSERT_TRUE(service.answer(Rating::Easy, kMorningMs, 1000).ok());
    ASSERT_TRUE(service.start_session(deck.id, kMorningMs + kDayMs).ok());
    ASSERT_NE(service.current(), nullptr);
    EXPECT_EQ(service.current()->card.direction, Direction::Listening);
    EXPECT_EQ(service.speak_when(), SpeakWhen::OnShow);

    ASSERT_TRUE(service.set_sound_available(false, kMorningMs + kDayMs).ok());
    EXPECT_EQ(service.current(), nullptr) << "the session starts again without listening cards";
    auto summaries = service.deck_summaries(kMorningMs + kDayMs);
    ASSERT_TRUE(summaries.ok());
    EXPECT_EQ((*summaries)[0].today.total(), 0);
}

} // namespace
} // namespace letopis
