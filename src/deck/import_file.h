// Any importable file, read into a DeckFile: a Letopis deck file or an ordinary word list, in any
// supported encoding, with a garbled (mojibake) text detected and repaired on request. This is
// what `letopis import`, `letopis deck check` and the Import screen read files with.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deck/deck_file.h"
#include "deck/word_list.h"
#include "text/encoding.h"
#include "util/result.h"

namespace letopis {

enum class FileFormat : uint8_t { Deck, WordList };
std::string_view file_format_name(FileFormat format, char delimiter); // "Letopis deck", "CSV word list", …

// What to do with a text that reads as Russian once undone from a wrong code page.
enum class MojibakeChoice : uint8_t {
    Ask,    // report it as an error that names the repair (nothing is imported); read the rest as repaired
    Repair, // apply the repair
    Keep,   // take the text as it is
};

// Why the file is read: the linter holds deck files to the authoring rules (UTF-8 or a declared
// encoding); an import takes whatever it can detect.
enum class ReadPurpose : uint8_t { Import, Lint };

struct ImportFileOptions {
    std::optional<TextEncoding> encoding; // forced; otherwise BOM, declaration or detection
    WordListOptions columns;
    MojibakeChoice mojibake = MojibakeChoice::Ask;
    std::string deck_key;   // word lists: empty for the slug of the file name
    std::string deck_title; // word lists: empty for the file name
    ReadPurpose purpose = ReadPurpose::Import;
};

// A mojibake repair as offered to the user: the whole repair plus a few changed lines to show.
struct MojibakeOffer {
    MojibakeRepair repair;
    struct Line {
        int32_t line = 0;
        std::string before;
        std::string after;
    };
    std::vector<Line> sample; // up to five changed lines
    bool applied = false;
};

struct ImportedFile {
    FileFormat format = FileFormat::Deck;
    TextEncoding encoding = TextEncoding::Utf8;
    EncodingSource encoding_source = EncodingSource::Detected;
    bool had_bom = false;
    std::optional<MojibakeOffer> mojibake;
    WordListLayout layout; // word lists only
    DeckFile deck;
    std::vector<Diagnostic> diagnostics; // sorted by line
    bool has_errors() const { return letopis::has_errors(diagnostics); }
};

// Reads the bytes of a file named `file_name` (its stem gives the deck key and title).
ImportedFile read_import_bytes(std::string_view bytes, const std::filesystem::path& file_name,
                               const ImportFileOptions& options);

// Reads a file from disk. Io (or NotFound) if it cannot be read; problems in its content are
// diagnostics of the result.
Result<ImportedFile> read_import_file(const std::filesystem::path& path, const ImportFileOptions& options);

// Reads a whole file into memory. Io/NotFound errors name the path.
Result<std::string> read_file_bytes(const std::filesystem::path& path);

// The deck key a word list gets from its file name: the slug of the stem ("My words.csv" →
// "my-words"), or "word-list".
std::string deck_key_for_word_list(const std::filesystem::path& file_name);

} // namespace letopis
