// A collection studied through the study service for several days, as the app would (fuzz on,
// every rating), for the tests of check --rebuild and undo.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "db/temp_dir.h"
#include "service/study_service.h"
#include "service/study_settings.h"
#include "storage/collection.h"

namespace letopis::testing {

inline constexpr int64_t kStudyStartMs = 1'772'445'600'000; // 2026-03-02 10:00 UTC
inline constexpr int64_t kStudyDayMs = 86'400'000;

inline StudySettings app_like_settings()
{
    StudySettings settings; // the app's scheduler, fuzz included
    settings.clock = DayClock{180, 4};
    return settings;
}

inline DeckId add_study_deck(Collection& collection, int notes)
{
    DeckInfo info;
    info.key = "01-revolution";
    info.title = "Революция";
    Result<DeckId> deck = collection.upsert_deck(info);
    EXPECT_TRUE(deck.ok());
    for (int i = 0; i < notes; ++i) {
        Note note;
        note.deck = *deck;
        note.key = "n" + std::to_string(i);
        note.russian = "сове́т " + std::to_string(i);
        note.english = "council " + std::to_string(i);
        EXPECT_TRUE(collection.upsert_note(note).ok());
    }
    return *deck;
}

// Studies `deck` for `days` days through StudyService, cycling through the four ratings; returns
// the time after the last answer.
inline int64_t study(Collection& collection, DeckId deck, const StudySettings& settings, int days,
                     int answers_per_day = 60)
{
    StudyService service(collection, settings);
    int64_t now = kStudyStartMs;
    int n = 0;
    for (int day = 0; day < days; ++day) {
        now = kStudyStartMs + day * kStudyDayMs;
        EXPECT_TRUE(service.start_session(deck, now).ok());
        for (int i = 0; i < answers_per_day && service.current(); ++i, ++n) {
            now += 90'000;
            const Rating rating = kAllRatings[(n * 7 + n / 4) % 4];
            Status answered = service.answer(rating, now, 4000);
            EXPECT_TRUE(answered.ok()) << (answered.ok() ? "" : answered.error().message);
        }
        service.end_session();
    }
    return now;
}

} // namespace letopis::testing
