// Deck credits as settings: one row per field, plain text, readable with any SQLite tool.
#include "service/deck_credits.h"

#include <string>

#include "service/deck_directions.h"
#include "service/deck_options.h"
#include "storage/collection.h"

namespace letopis {
namespace {

struct Credit {
    const char* name;
    std::string DeckFile::*field;
};
constexpr Credit kCredits[] = {{"author", &DeckFile::author}, {"licence", &DeckFile::licence}, {"source", &DeckFile::source}};

} // namespace

Status store_deck_credits(Collection& collection, const DeckFile& deck)
{
    for (const Credit& credit : kCredits)
        TRY_STATUS(collection.set_setting(deck_option_key(deck.key, credit.name), deck.*credit.field));
    return {};
}

Status load_deck_credits(Collection& collection, DeckFile& deck)
{
    for (const Credit& credit : kCredits) {
        auto value = collection.setting(deck_option_key(deck.key, credit.name));
        if (!value)
            return value.error();
        deck.*credit.field = value->value_or("");
    }
    auto directions = collection.setting(deck_directions_setting(deck.key));
    if (!directions)
        return directions.error();
    const StudiedDirections studied = parse_directions(directions->value_or(""));
    deck.studies_russian_to_english = studied.russian_to_english;
    deck.studies_english_to_russian = studied.english_to_russian;
    return {};
}

} // namespace letopis
