// Writing decks out: the Letopis deck file format (what `letopis deck export` writes, readable
// again by the deck reader) and a plain TSV for spreadsheets and other programs.
#pragma once

#include <string>

#include "deck/deck_file.h"

namespace letopis {

// A deck file: metadata lines, the full header, one note per line. Tabs and line breaks inside a
// field become spaces (the format cannot hold them). Reading the result gives the same deck.
std::string write_deck_text(const DeckFile& deck);

// Plain TSV: a header row `russian english pos grammar example_ru example_en tags source notes
// key`, then one note per line; no metadata or comments.
std::string write_tsv(const DeckFile& deck);

} // namespace letopis
