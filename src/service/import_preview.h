// The import use case as the Import screen sees it: look at a file (format, encoding, columns,
// a garbled-text repair to accept or decline, the first rows, the problems, what an import would
// change), then import it with the same choices. Plain values only: no deck or storage types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/result.h"

namespace letopis {

class Collection;

// What to do about a text that looks garbled (mojibake).
enum class MojibakeDecision : uint8_t { Undecided, Repair, Keep };

// The user's choices on the Import screen; the defaults detect everything.
struct ImportChoices {
    std::string encoding;        // "" for automatic; else one of ImportService::encoding_names()
    int32_t russian_column = -1; // 0-based; -1 to detect (word lists only)
    int32_t english_column = -1;
    MojibakeDecision mojibake = MojibakeDecision::Undecided;
    bool operator==(const ImportChoices&) const = default;
};

struct ImportMessage {
    int32_t line = 0; // 1-based, 0 for the whole file
    bool error = true;
    std::string text; // without file name or line
};

struct ImportPreviewRow {
    int32_t line = 0;
    std::string key;
    std::string russian;
    std::string english;
};

struct ImportPreview {
    std::string path;
    std::string format;          // "Letopis deck", "TSV word list", "CSV word list", …
    bool word_list = false;
    std::string encoding;        // e.g. "windows-1251"
    std::string encoding_source; // "detected", "byte-order mark", "declared in the file", "chosen"

    // Word lists: the columns, and which are Russian and English (0-based).
    bool has_header = false;
    std::vector<std::string> column_names; // header cells, or "column N"
    std::vector<std::string> column_roles; // "russian", "english", "notes", …
    int32_t russian_column = -1;
    int32_t english_column = -1;

    // A garbled text and its repair, shown line by line.
    bool mojibake_found = false;
    bool mojibake_repaired = false;
    std::string mojibake_description; // "windows-1251 text shown as windows-1250"
    struct MojibakeLine {
        int32_t line = 0;
        std::string before;
        std::string after;
    };
    std::vector<MojibakeLine> mojibake_sample;

    std::string deck_key;
    std::string deck_title;
    bool deck_exists = false;
    int32_t note_count = 0;
    std::vector<ImportPreviewRow> rows; // the first kPreviewRows notes

    // Against the collection: what Import would do.
    int32_t would_add = 0;
    int32_t would_update = 0;
    int32_t would_suspend = 0; // notes of the deck that the file no longer has

    std::vector<ImportMessage> messages; // errors and warnings by line (at most kMaxMessages)
    int32_t error_count = 0;             // all of them, even past kMaxMessages
    int32_t warning_count = 0;
    bool can_import() const { return error_count == 0; }
};

struct ImportSummary {
    std::string deck_title;
    int32_t added = 0;
    int32_t updated = 0;
    int32_t changed = 0;
    int32_t restored = 0;
    int32_t suspended = 0;
    std::vector<std::string> missing; // "key — russian" of notes gone from the file
    std::string text() const;         // one sentence for the screen or the terminal
};

class ImportService {
public:
    static constexpr int32_t kPreviewRows = 20;
    static constexpr int32_t kMaxMessages = 200;

    explicit ImportService(Collection& collection);

    // Encodings the user may choose instead of automatic detection.
    static std::vector<std::string> encoding_names();

    // Reads `path` and tells what importing it would do. Io/NotFound if it cannot be read.
    Result<ImportPreview> preview(const std::string& path, const ImportChoices& choices);
    // Imports `path` with the same choices: one transaction; refused with every error listed
    // (ErrorKind::Parse) if the file has errors or a garbled text was neither repaired nor kept.
    Result<ImportSummary> import(const std::string& path, const ImportChoices& choices);

private:
    Collection& m_collection;
};

} // namespace letopis
