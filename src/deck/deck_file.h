// Reads Letopis deck files: UTF-8, tab-separated, `# name: value` metadata, a header naming the
// columns, then one note per line (the format is described for authors in docs/deck-format.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/card.h"
#include "deck/diagnostic.h"
#include "util/result.h"

namespace letopis {

// One note as read from a deck file. The note's id and deck are left empty: storage assigns them,
// matching notes to earlier imports by `note.key`.
struct DeckEntry {
    int32_t line = 0; // 1-based line of the note in the file, for messages
    Note note;
};

struct DeckFile {
    std::string key; // the deck's stable key: the file name without its extension
    std::string title;
    std::string description;
    std::string author;
    std::string licence;
    std::string source; // the texts or period the deck draws on
    bool studies_russian_to_english = true;
    bool studies_english_to_russian = true;
    std::string encoding; // `# encoding:` as written, empty if the file does not declare one
    std::vector<DeckEntry> entries; // in file order
};

// What the tolerant reader makes of a deck file: everything it could read, and every problem.
struct DeckReading {
    DeckFile deck;
    std::vector<Diagnostic> diagnostics; // in the order found (encoding problems first)
    bool has_errors() const { return letopis::has_errors(diagnostics); }
};

// Reads the UTF-8 text of a deck file and reports every problem instead of stopping at the first:
// the linter's view. Notes on lines with errors are still returned when their fields could be
// split, so that the content checks can look at them too. All text in the result is NFC.
DeckReading read_deck_text(std::string_view text, std::string_view deck_key);

// A note key as deck files allow it: a-z, 0-9, '-', '_' and '.', not empty.
bool is_valid_note_key(std::string_view key);

// The names of the columns and metadata a deck file may use, lower case.
bool is_deck_column_name(std::string_view name);
bool is_deck_metadata_name(std::string_view name);

// Parses the text of a deck file. `file_name` is used only in messages, which read
// "FILE:LINE: what is wrong" (ErrorKind::Parse); the first problem found is reported
// (read_deck_text gives them all).
// All text in the result is NFC.
Result<DeckFile> parse_deck_text(std::string_view text, std::string_view file_name, std::string_view deck_key);

// Reads and parses a deck file; the deck key is the file name's stem. An unreadable file gives
// ErrorKind::Io.
Result<DeckFile> read_deck_file(const std::filesystem::path& path);

} // namespace letopis
