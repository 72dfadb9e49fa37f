// Importing decks: first run imports the shipped decks once; re-import keeps history.
#include <gtest/gtest.h>

#include "service/deck_import.h"
#include "service/study_fixture.h"
#include "service/study_session.h"

namespace letopis {
namespace {

using testing::kMorningMs;
using testing::make_deck;

struct DeckImport : testing::StudyFixture {};

TEST_F(DeckImport, ShippedDecksAreImportedOnceAndParse)
{
    auto first = import_missing_decks(*collection, LETOPIS_SOURCE_DIR "/decks");
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_FALSE(first->empty());
    for (const auto& report : *first)
        EXPECT_GE(report.notes_added, 50) << report.deck_title;
    auto second = import_missing_decks(*collection, LETOPIS_SOURCE_DIR "/decks");
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(second->empty());
}

TEST_F(DeckImport, ReimportUpdatesTextAndKeepsReviews)
{
    DeckFile deck = make_deck("history", 4);
    const DeckInfo info = import(deck);
    StudySession session(*collection, info, settings);
    ASSERT_TRUE(session.advance(kMorningMs).ok());
    const CardId studied = session.current()->card.id;
    ASSERT_TRUE(session.answer(Rating::Good, kMorningMs, 1000).ok());

    deck.entries[0].note.english = "a corrected gloss";
    deck.entries.push_back(deck.entries[0]);
    deck.entries.back().note.key = "history-new";
    auto report = import_deck(*collection, deck);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->notes_added, 1);
    EXPECT_EQ(report->notes_updated, 4);

    auto reviews = collection->reviews_for_card(studied);
    ASSERT_TRUE(reviews.ok());
    EXPECT_EQ(reviews->size(), 1u);
    auto card = collection->card(studied);
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(card->schedule.phase, CardPhase::Learning);
    auto note = collection->note(card->note);
    ASSERT_TRUE(note.ok());
    if (note->key == "history-0") {
        EXPECT_EQ(note->english, "a corrected gloss");
    }
}

TEST_F(DeckImport, BrokenDeckFileImportsNothing)
{
    const auto file = dir / "broken.tsv";
    {
        std::ofstream out(file);
        out << "# title: Broken\nkey\trussian\tenglish\na\tвласть\tpower\nb\tвойна\n";
    }
    auto report = import_deck_file(*collection, file);
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.error().message.find("broken.tsv:4"), std::string::npos) << report.error().message;
    auto decks = collection->decks();
    ASSERT_TRUE(decks.ok());
    EXPECT_TRUE(decks->empty());
}

} // namespace
} // namespace letopis
