// Re-importing an edited file: notes updated by key, new ones added, missing ones suspended and
// reported (never deleted), every card's review history kept; a file with errors imports nothing.
#include <gtest/gtest.h>

#include "db/temp_dir.h"
#include "service/deck_import.h"
#include "storage/collection_fixture.h"

namespace letopis {
namespace {

constexpr int64_t kMorningMs = 1'700'000'000'000;

struct Reimport : ::testing::Test {
    testing::TempDir dir;
    std::unique_ptr<Collection> collection = testing::open_collection(dir / "collection.db");

    ImportReport import_text(const std::string& name, const std::string& text)
    {
        testing::write_bytes(dir / name, text);
        auto report = import_file(*collection, dir / name, {});
        EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
        return report.ok() ? *report : ImportReport{};
    }

    Note note(const std::string& deck_key, const std::string& key)
    {
        auto deck = collection->deck_by_key(deck_key);
        EXPECT_TRUE(deck.ok() && deck->has_value());
        auto found = collection->note_by_key((*deck)->id, key);
        EXPECT_TRUE(found.ok() && found->has_value()) << key;
        return found.ok() && found->has_value() ? **found : Note{};
    }

    // Answers the note's first card once, as a learner would.
    CardId study(const Note& studied)
    {
        auto cards = collection->cards_for_note(studied.id);
        EXPECT_TRUE(cards.ok() && !cards->empty());
        Card card = cards->front();
        card.schedule.phase = CardPhase::Learning;
        card.schedule.memory = MemoryState{2.3, 5.0};
        card.schedule.due_ms = kMorningMs + 600'000;
        card.schedule.last_review_ms = kMorningMs;
        card.schedule.reps = 1;
        ReviewRecord review;
        review.time_ms = kMorningMs;
        review.rating = Rating::Good;
        review.stability = 2.3;
        review.difficulty = 5.0;
        auto id = collection->record_answer(card, review);
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
        return card.id;
    }
};

const std::string kDeckV1 = "# title: History\nkey\trussian\tenglish\n"
                            "vlast\tвласть\tpower\nvoina\tвойна́\twar\nsovet\tсове́т\tsoviet\n";

TEST_F(Reimport, EditedDeckUpdatesByKeyAndKeepsHistory)
{
    ImportReport first = import_text("history.tsv", kDeckV1);
    EXPECT_EQ(first.notes_added, 3);
    const CardId studied = study(note("history", "voina"));

    // v2: voina's gloss fixed, sovet removed, cheka added.
    ImportReport second = import_text("history.tsv", "# title: History (revised)\nkey\trussian\tenglish\n"
                                                     "vlast\tвласть\tpower\nvoina\tвойна́\twar; warfare\n"
                                                     "cheka\tЧК\tCheka\n");
    EXPECT_EQ(second.deck_title, "History (revised)");
    EXPECT_EQ(second.notes_added, 1);
    EXPECT_EQ(second.notes_updated, 2);
    EXPECT_EQ(second.notes_changed, 1);
    ASSERT_EQ(second.notes_missing.size(), 1u);
    EXPECT_EQ(second.notes_missing[0].key, "sovet");
    EXPECT_EQ(second.notes_missing[0].russian, "сове\u0301т");
    EXPECT_EQ(second.notes_suspended, 1);

    // The studied card kept its review and schedule; the note's text changed in place.
    auto reviews = collection->reviews_for_card(studied);
    ASSERT_TRUE(reviews.ok());
    EXPECT_EQ(reviews->size(), 1u);
    auto card = collection->card(studied);
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(card->schedule.phase, CardPhase::Learning);
    EXPECT_EQ(card->schedule.reps, 1);
    EXPECT_EQ(note("history", "voina").english, "war; warfare");

    // The removed note still exists, with every card suspended.
    const Note removed = note("history", "sovet");
    auto removed_cards = collection->cards_for_note(removed.id);
    ASSERT_TRUE(removed_cards.ok());
    ASSERT_EQ(removed_cards->size(), 2u);
    for (const Card& c : *removed_cards)
        EXPECT_TRUE(c.suspended);

    // Importing v2 again: nothing new; the missing note is reported again but not re-suspended.
    ImportReport third = import_text("history.tsv", "# title: History (revised)\nkey\trussian\tenglish\n"
                                                    "vlast\tвласть\tpower\nvoina\tвойна́\twar; warfare\n"
                                                    "cheka\tЧК\tCheka\n");
    EXPECT_EQ(third.notes_added, 0);
    EXPECT_EQ(third.notes_changed, 0);
    EXPECT_EQ(third.notes_missing.size(), 1u);
    EXPECT_EQ(third.notes_suspended, 0);

    // v1 again brings sovet back: unsuspended, same note and cards.
    ImportReport fourth = import_text("history.tsv", kDeckV1);
    EXPECT_EQ(fourth.notes_restored, 1);
    EXPECT_EQ(note("history", "sovet").id, removed.id);
    auto back = collection->cards_for_note(removed.id);
    ASSERT_TRUE(back.ok());
    for (const Card& c : *back)
        EXPECT_FALSE(c.suspended);
    ASSERT_TRUE(collection->reviews_for_card(studied).ok());
    EXPECT_EQ(collection->reviews_for_card(studied)->size(), 1u);
}

TEST_F(Reimport, WordListWithoutKeysUpdatesInPlace)
{
    import_text("my words.csv", "власть,power\nвойна,war\n");
    const Note before = note("my-words", "voina");
    const CardId studied = study(before);

    // The same list with a corrected gloss and a new word in front: same keys, same notes.
    ImportReport again = import_text("my words.csv", "съезд,congress\nвласть,power\nвойна,\"war, warfare\"\n");
    EXPECT_EQ(again.notes_added, 1);
    EXPECT_EQ(again.notes_updated, 2);
    EXPECT_EQ(again.notes_changed, 1);
    EXPECT_TRUE(again.notes_missing.empty());
    const Note after = note("my-words", "voina");
    EXPECT_EQ(after.id, before.id);
    EXPECT_EQ(after.english, "war, warfare");
    EXPECT_EQ(collection->reviews_for_card(studied)->size(), 1u);
}

TEST_F(Reimport, FileWithErrorsImportsNothingAndListsEveryError)
{
    import_text("history.tsv", kDeckV1);
    testing::write_bytes(dir / "history.tsv", "# title: History\nkey\trussian\tenglish\n"
                                              "vlast\tвласть\tauthority\nvoina\t\twar\nsovet\tсове́т\n"
                                              "vlast\tвласть\tpower\n");
    auto report = import_file(*collection, dir / "history.tsv", {});
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().kind, ErrorKind::Parse);
    const std::string file = (dir / "history.tsv").string();
    EXPECT_EQ(report.error().message,
              file + ":4: error: the russian field is empty\n" + file +
                  ":5: error: expected 3 tab-separated fields (as in the header on line 2), found 2\n" + file +
                  ":6: error: duplicate key \"vlast\" (first used on line 3)");
    // Nothing changed: the first line's new gloss was not written.
    EXPECT_EQ(note("history", "vlast").english, "power");
}

} // namespace
} // namespace letopis
