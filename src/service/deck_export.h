// Exporting a deck from the collection: as a Letopis deck file (which imports back into the same
// deck, notes matched by key) or as a plain TSV.
#pragma once

#include <string>
#include <string_view>

#include "deck/deck_file.h"
#include "storage/collection.h"
#include "util/result.h"

namespace letopis {

enum class ExportFormat : uint8_t { Deck, Tsv };

// The deck called `name`: its key, else its title (compared without case, stress or ё/е).
// NotFound names the decks there are; InvalidInput if the title fits several decks.
Result<DeckInfo> find_deck(Collection& collection, std::string_view name);

// The deck and its notes in deck-file order, as a DeckFile.
Result<DeckFile> deck_from_collection(Collection& collection, const DeckInfo& deck);

// The text of the exported file.
Result<std::string> export_deck(Collection& collection, std::string_view name, ExportFormat format);

} // namespace letopis
