// Per-deck scheduler options (retention, maximum interval, steps, daily limits, leech threshold),
// kept as collection settings "deck.<key>.<option>" so the schema does not change for them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/deck.h"
#include "service/study_settings.h"
#include "util/result.h"

namespace letopis {

class Collection;

// When the Russian side of a card is spoken by itself (R and the speaker buttons always work).
enum class SpeakWhen : uint8_t { Off, OnShow, OnReveal };
std::string_view speak_when_name(SpeakWhen when); // "off", "show", "reveal": the stored text

struct DeckOptions {
    double desired_retention = 0.9;       // 0.70 .. 0.99
    int32_t maximum_interval_days = 36500; // 1 .. 36500
    std::vector<int32_t> learning_steps_minutes{1, 10};
    std::vector<int32_t> relearning_steps_minutes{10};
    int32_t new_per_day = 20;     // 0 .. 9999
    int32_t reviews_per_day = 200; // 0 .. 99999
    int32_t leech_threshold = kDefaultLeechThreshold; // 0: never
    SpeakWhen speak = SpeakWhen::OnShow;
    bool listening = false; // listening cards: hear the word, type it
    bool operator==(const DeckOptions&) const = default;
};

inline constexpr double kMinDesiredRetention = 0.70;
inline constexpr double kMaxDesiredRetention = 0.99;

// The options in effect for `deck`: the stored ones where set and valid, else those of `base`
// (retention, maximum interval, steps, leech threshold) and the deck's own daily limits.
// An unreadable stored value is ignored rather than fatal.
Result<DeckOptions> load_deck_options(Collection& collection, const DeckInfo& deck, const StudySettings& base);

// Stores every option of `options` for `deck`, in one transaction. Values are clamped to their
// ranges; steps must be positive (InvalidInput otherwise). Turning listening on gives every note
// of the deck its listening card (same transaction); turning it off keeps them, and their
// history, for when it is turned on again.
Status save_deck_options(Collection& collection, const DeckInfo& deck, const DeckOptions& options);

// Whether `deck_key` studies listening cards (its "listening" option), without reading the rest.
Result<bool> deck_studies_listening(Collection& collection, const std::string& deck_key);

// `base` with the deck's options applied to its scheduler and queue (listening cards only while
// base.sound_available).
StudySettings settings_for_deck(const StudySettings& base, const DeckOptions& options);
// `deck` with the options' daily limits.
DeckInfo with_limits(DeckInfo deck, const DeckOptions& options);

// Setting names, e.g. deck_option_key("01-revolution", "retention") == "deck.01-revolution.retention".
std::string deck_option_key(const std::string& deck_key, const std::string& option);

} // namespace letopis
