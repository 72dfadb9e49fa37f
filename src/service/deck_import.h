// Importing deck files and word lists into the collection: one transaction per file, notes
// matched by their stable key so that a re-import updates text in place and keeps every card's
// history; notes gone from the file are suspended and reported, never deleted.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "deck/deck_file.h"
#include "deck/import_file.h"
#include "storage/collection.h"
#include "util/result.h"

namespace letopis {

struct ImportReport {
    std::string deck_title;
    std::string deck_key;
    int32_t notes_added = 0;
    int32_t notes_updated = 0;  // notes of the file the collection already had
    int32_t notes_changed = 0;  // of those, notes whose text changed
    int32_t notes_restored = 0; // suspended notes back in the file, unsuspended
    struct MissingNote {
        std::string key;
        std::string russian;
    };
    // Notes of the deck that the file no longer has: their cards are suspended (with their
    // history kept), so they leave the queues until a later file brings them back.
    std::vector<MissingNote> notes_missing;
    int32_t notes_suspended = 0; // of those, notes this import suspended (the rest already were)
    std::vector<Diagnostic> warnings; // from reading the file
};

// Stores `deck` in one transaction (see above).
Result<ImportReport> import_deck(Collection& collection, const DeckFile& deck);

// Imports a file that has been read: refused (ErrorKind::Parse, nothing written) if it has
// errors; the message lists every error as "FILE:LINE: error: text", one per line.
Result<ImportReport> import_read_file(Collection& collection, const ImportedFile& file, std::string_view file_label);

// Reads and imports a deck file or word list (see read_import_file).
Result<ImportReport> import_file(Collection& collection, const std::filesystem::path& path,
                                 const ImportFileOptions& options);
Result<ImportReport> import_deck_file(Collection& collection, const std::filesystem::path& path);

// Imports each deck file in `decks_dir` (*.tsv) whose deck the collection does not have yet.
// Used on start-up, so a new collection opens with the shipped decks and a new release's decks
// appear without touching the learner's existing ones.
Result<std::vector<ImportReport>> import_missing_decks(Collection& collection,
                                                       const std::filesystem::path& decks_dir);

} // namespace letopis
