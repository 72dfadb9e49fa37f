// The domain values every layer shares: ratings, card phases, memory state, a card's schedule,
// notes and review records. Plain data; the rules that change them live in core/scheduler.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/ids.h"

namespace letopis {

enum class Rating : uint8_t { Again = 1, Hard = 2, Good = 3, Easy = 4 };
inline constexpr Rating kAllRatings[] = {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy};
std::string_view rating_name(Rating rating); // "Again", "Hard", "Good", "Easy"
std::optional<Rating> rating_from_int(int value); // 1..4, else nullopt

enum class CardPhase : uint8_t { New = 0, Learning = 1, Review = 2, Relearning = 3 };
std::string_view phase_name(CardPhase phase);

// Which side the learner is shown first. A listening card shows nothing: the learner hears the
// Russian word and types it (optional per deck; its cards exist only once a deck asks for them).
enum class Direction : uint8_t { RussianToEnglish = 0, EnglishToRussian = 1, Listening = 2 };

// FSRS memory state. Stability in days (interval at which recall probability is 90 %);
// difficulty in [1, 10].
struct MemoryState {
    double stability = 0;
    double difficulty = 0;
    bool operator==(const MemoryState&) const = default;
};

// Everything the scheduler needs to know about a card, and everything it decides.
struct CardSchedule {
    CardPhase phase = CardPhase::New;
    std::optional<MemoryState> memory; // empty until the first answer
    int64_t due_ms = 0;                // UTC ms at which the card is next due (unused while New)
    int64_t last_review_ms = 0;        // UTC ms of the last answer, 0 if never answered
    int32_t step = 0;                  // index into the (re)learning steps while in a step
    int32_t reps = 0;                  // answers given
    int32_t lapses = 0;                // times forgotten from Review
    int32_t scheduled_days = 0;        // interval in whole days; 0 while in a minutes-long step
    bool operator==(const CardSchedule&) const = default;
};

struct Card {
    CardId id;
    NoteId note;
    DeckId deck;
    Direction direction = Direction::RussianToEnglish;
    CardSchedule schedule;
    bool suspended = false;
};

// One vocabulary entry. Text is NFC; stress marks are vowel + U+0301.
struct Note {
    NoteId id;
    DeckId deck;
    std::string key; // stable key from the deck file, unique within its deck
    std::string russian;
    std::string english;
    std::string part_of_speech;
    std::string grammar;
    std::string example_russian;
    std::string example_english;
    std::string tags; // space-separated
    std::string source;
    std::string notes;
};

// One answer, as appended to the review log.
struct ReviewRecord {
    ReviewId id;
    CardId card;
    int64_t time_ms = 0;               // UTC ms of the answer
    Rating rating = Rating::Good;
    CardPhase phase_before = CardPhase::New;
    int32_t elapsed_days = 0;          // learner's days since the previous answer (0 on the first)
    double retrievability = 0;         // just before the answer; 0 on the first answer
    double stability = 0;              // after the answer
    double difficulty = 0;             // after the answer
    int32_t scheduled_days = 0;        // after the answer
    int64_t due_ms = 0;                // after the answer
    int32_t duration_ms = 0;           // time the learner took to answer
};

} // namespace letopis
