// The `deck.<key>.directions` setting: "ru-en", "en-ru" or both, space-separated.
#include "service/deck_directions.h"

namespace letopis {

std::string deck_directions_setting(std::string_view deck_key)
{
    return "deck." + std::string(deck_key) + ".directions";
}

std::string format_directions(bool russian_to_english, bool english_to_russian)
{
    if (russian_to_english && english_to_russian)
        return "ru-en en-ru";
    return russian_to_english ? "ru-en" : "en-ru";
}

StudiedDirections parse_directions(std::string_view text)
{
    StudiedDirections directions{text.find("ru-en") != std::string_view::npos,
                                 text.find("en-ru") != std::string_view::npos};
    if (!directions.russian_to_english && !directions.english_to_russian)
        return StudiedDirections{};
    return directions;
}

} // namespace letopis
