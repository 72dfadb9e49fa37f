// What a deck file says about itself beyond its notes (author, licence, source, directions), kept
// as collection settings "deck.<key>.<name>" at import so that an export writes it back.
#pragma once

#include "deck/deck_file.h"
#include "util/result.h"

namespace letopis {

class Collection;

// Stores the deck's author, licence and source (an empty one clears what an older version said).
// Call inside the import's transaction.
Status store_deck_credits(Collection& collection, const DeckFile& deck);
// Fills `deck`'s author, licence, source and directions from what its import stored.
Status load_deck_credits(Collection& collection, DeckFile& deck);

} // namespace letopis
