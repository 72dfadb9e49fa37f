// Which card directions a deck studies (its file's `# directions:` line), kept as a collection
// setting so the daily queue offers new cards only in those directions.
#pragma once

#include <string>
#include <string_view>

#include "core/model/card.h"

namespace letopis {

struct StudiedDirections {
    bool russian_to_english = true;
    bool english_to_russian = true;
    bool listening = false; // a deck option rather than the deck file's (deck_options.h)
    bool studies(Direction direction) const
    {
        switch (direction) {
        case Direction::RussianToEnglish: return russian_to_english;
        case Direction::EnglishToRussian: return english_to_russian;
        case Direction::Listening: return listening;
        }
        return false;
    }
};

std::string deck_directions_setting(std::string_view deck_key); // "deck.<key>.directions"
std::string format_directions(bool russian_to_english, bool english_to_russian); // "ru-en en-ru"
// A missing or unreadable value studies both directions.
StudiedDirections parse_directions(std::string_view text);

} // namespace letopis
