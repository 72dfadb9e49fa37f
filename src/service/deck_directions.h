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
    bool studies(Direction direction) const
    {
        return direction == Direction::RussianToEnglish ? russian_to_english : english_to_russian;
    }
};

std::string deck_directions_setting(std::string_view deck_key); // "deck.<key>.directions"
std::string format_directions(bool russian_to_english, bool english_to_russian); // "ru-en en-ru"
// A missing or unreadable value studies both directions.
StudiedDirections parse_directions(std::string_view text);

} // namespace letopis
