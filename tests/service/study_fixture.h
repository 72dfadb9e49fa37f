// A temporary collection with a deck of generated notes, and a fixed clock, for service and UI tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "db/temp_dir.h"
#include "service/deck_import.h"
#include "service/study_settings.h"
#include "storage/collection.h"

namespace letopis::testing {

// 2026-03-02 10:00 UTC: mid-morning, well clear of the 4:00 rollover.
inline constexpr int64_t kMorningMs = 1772445600000;
inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kDayMs = 86'400'000;

inline DeckFile make_deck(const std::string& key, int notes)
{
    DeckFile deck;
    deck.key = key;
    deck.title = "Deck " + key;
    for (int i = 0; i < notes; ++i) {
        DeckEntry entry;
        entry.line = i + 2;
        entry.note.key = key + "-" + std::to_string(i);
        entry.note.russian = "сло\u0301во " + std::to_string(i);
        entry.note.english = "word " + std::to_string(i);
        deck.entries.push_back(entry);
    }
    return deck;
}

struct StudyFixture : ::testing::Test {
    TempDir dir;
    std::unique_ptr<Collection> collection;
    StudySettings settings;

    void SetUp() override
    {
        auto opened = Collection::open(dir / "collection.db");
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        collection = std::move(opened).value();
        settings.clock = DayClock{0, 4};
        settings.scheduler.fuzz = Fuzz::Off; // exact intervals; a test that wants fuzz turns it on
    }

    DeckInfo import(const DeckFile& deck)
    {
        auto report = import_deck(*collection, deck);
        EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
        auto info = collection->deck_by_key(deck.key);
        EXPECT_TRUE(info.ok() && info->has_value());
        return info.ok() && info->has_value() ? **info : DeckInfo{};
    }
};

} // namespace letopis::testing
