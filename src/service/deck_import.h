// Importing deck files into the collection: one transaction per file, notes matched by their
// stable key so that a re-import updates text in place and keeps every card's history.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "deck/deck_file.h"
#include "storage/collection.h"
#include "util/result.h"

namespace letopis {

struct ImportReport {
    std::string deck_title;
    int32_t notes_added = 0;
    int32_t notes_updated = 0;
};

Result<ImportReport> import_deck(Collection& collection, const DeckFile& deck);
Result<ImportReport> import_deck_file(Collection& collection, const std::filesystem::path& path);

// Imports each deck file in `decks_dir` (*.tsv) whose deck the collection does not have yet.
// Used on start-up, so a new collection opens with the shipped decks and a new release's decks
// appear without touching the learner's existing ones.
Result<std::vector<ImportReport>> import_missing_decks(Collection& collection,
                                                       const std::filesystem::path& decks_dir);

} // namespace letopis
