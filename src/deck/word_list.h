// Ordinary word lists: CSV or TSV (also semicolon-separated), with or without a header row, two
// or more columns. Finds the separator, the header and which column is Russian (the user may
// override it), and gives each note a stable key made from its Russian headword.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deck/deck_file.h"

namespace letopis {

struct WordListOptions {
    std::optional<int32_t> russian_column; // 0-based; overrides detection
    std::optional<int32_t> english_column; // 0-based; overrides detection
};

// What was detected (or chosen) about a word list.
struct WordListLayout {
    char delimiter = '\t';
    bool has_header = false;
    int32_t header_line = 0; // 1-based, 0 without a header
    int32_t column_count = 0;
    int32_t russian_column = -1; // 0-based, -1 if none was found
    int32_t english_column = -1;
    std::vector<std::string> column_names; // the header's cells, or empty strings
    // The deck column each column fills ("russian", "english", "key", "example_ru", …), or
    // "other" for a column that names nothing Letopis knows: its text goes to the notes, after
    // its header name if it has one.
    std::vector<std::string> column_roles;
};

struct WordListRow {
    int32_t line = 0; // 1-based line where the row starts
    std::vector<std::string> fields; // raw, untrimmed
};

// Tab, ';' or ',': the one that splits the first lines most consistently (tab wins ties).
char detect_delimiter(std::string_view text);

// Splits UTF-8 text into rows. Fields may be quoted ("…", with "" for a quote) and then hold the
// delimiter or line breaks. Blank lines and lines starting with '#' are skipped.
std::vector<WordListRow> split_word_list(std::string_view text, char delimiter);

// Reads a word list (UTF-8 text, BOM removed) into a deck keyed `deck_key` titled `title`.
// Notes without a key column get one from ascii_slug(russian), made unique with -2, -3, … in
// file order, so re-importing the same list matches the same notes.
DeckReading read_word_list(std::string_view text, std::string_view deck_key, std::string_view title,
                           const WordListOptions& options, WordListLayout* layout = nullptr);

// Key for a note from its Russian headword; never empty.
std::string note_key_from_russian(std::string_view russian);

} // namespace letopis
