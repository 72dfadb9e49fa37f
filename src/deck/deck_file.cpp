// Deck file reader (see deck_file.h and docs/deck-format.md). It reads on past each problem and
// collects them all, so the linter can list every one; parse_deck_text reports the first.
#include "deck/deck_file.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "deck/text_lines.h"
#include "text/fast_normalize.h"
#include "text/normalize.h"

namespace letopis {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

enum class Column : uint8_t {
    Key,
    Russian,
    English,
    PartOfSpeech,
    Grammar,
    ExampleRussian,
    ExampleEnglish,
    Tags,
    Source,
    Notes,
};

struct ColumnInfo {
    std::string_view name;
    Column column;
    bool required;
};

constexpr std::array<ColumnInfo, 10> kColumns = {{
    {"key", Column::Key, true},
    {"russian", Column::Russian, true},
    {"english", Column::English, true},
    {"pos", Column::PartOfSpeech, false},
    {"grammar", Column::Grammar, false},
    {"example_ru", Column::ExampleRussian, false},
    {"example_en", Column::ExampleEnglish, false},
    {"tags", Column::Tags, false},
    {"source", Column::Source, false},
    {"notes", Column::Notes, false},
}};

constexpr std::string_view kKnownColumnList =
    "key, russian, english, pos, grammar, example_ru, example_en, tags, source, notes";

enum class Metadata : uint8_t { Title, Description, Author, Licence, Source, Directions, Encoding };

struct MetadataInfo {
    std::string_view name;
    Metadata field;
};

constexpr std::array<MetadataInfo, 7> kMetadata = {{
    {"title", Metadata::Title},
    {"description", Metadata::Description},
    {"author", Metadata::Author},
    {"licence", Metadata::Licence},
    {"source", Metadata::Source},
    {"directions", Metadata::Directions},
    {"encoding", Metadata::Encoding},
}};

std::string_view trim_spaces(std::string_view text) { return trim_chars(text, " "); }

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (;;) {
        size_t end = text.find(separator, start);
        if (end == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

// Lines of the file without their ends; CRLF and LF are both accepted. A final line end does
// not start another line.
std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> lines = split(text, '\n');
    if (!lines.empty() && lines.back().empty())
        lines.pop_back();
    for (auto& line : lines) {
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
    }
    return lines;
}

// A line holding nothing but spaces and tabs is blank: spreadsheets export empty rows that way.
bool is_blank(std::string_view line)
{
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

std::string hex_code_point(unsigned char c)
{
    constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out = "U+00";
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
    return out;
}

// Names a control character in a line (other than tab), which no field may hold. NUL bytes
// are what a UTF-16 file looks like when read as UTF-8, so they get their own advice.
const ColumnInfo* find_column(std::string_view name)
{
    for (const auto& info : kColumns) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

std::optional<std::string> control_character_problem(std::string_view line)
{
    for (char ch : line) {
        auto c = static_cast<unsigned char>(ch);
        if (c == '\t' || (c >= 0x20 && c != 0x7F))
            continue;
        if (c == 0)
            return std::string("contains a NUL byte; the file may be UTF-16: save it as UTF-8");
        if (c == '\r')
            return std::string("contains a carriage return inside the line; end lines with LF or CRLF only");
        return "contains the control character " + hex_code_point(c) + ", which a field may not hold";
    }
    return std::nullopt;
}

class DeckParser {
public:
    explicit DeckParser(std::string_view deck_key) { m_reading.deck.key = std::string(deck_key); }

    DeckReading read(std::string_view text)
    {
        if (text.starts_with(kUtf8Bom)) {
            text.remove_prefix(kUtf8Bom.size());
        } else if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
            error(1, "the file is UTF-16; save it as UTF-8");
            return std::move(m_reading);
        }

        const auto lines = split_lines(text);
        for (size_t i = 0; i < lines.size(); ++i)
            check_encoding(static_cast<int32_t>(i + 1), lines[i]);

        for (size_t i = 0; i < lines.size(); ++i) {
            const auto line_number = static_cast<int32_t>(i + 1);
            const std::string_view line = lines[i];
            if (is_blank(line))
                continue;
            if (line.starts_with('#'))
                read_comment(line_number, line);
            else if (m_header_line == 0 && !m_header_failed)
                read_header(line_number, line);
            else if (!m_header_failed)
                read_note(line_number, line);
        }

        if (m_header_line == 0 && !m_header_failed) {
            error(std::max<int32_t>(1, static_cast<int32_t>(lines.size())),
                  "missing header line: after the `#` lines, one line must name the columns, "
                  "e.g. key<TAB>russian<TAB>english");
        }
        if (m_reading.deck.title.empty())
            error(1, "missing title: add a line `# title: …` at the top of the file");
        return std::move(m_reading);
    }

private:
    void error(int32_t line, std::string what)
    {
        m_reading.diagnostics.push_back(Diagnostic{line, Severity::Error, std::move(what)});
    }

    void check_encoding(int32_t line_number, std::string_view line)
    {
        if (!is_valid_utf8(line)) {
            error(line_number, "the text is not valid UTF-8; the file must be saved as UTF-8 "
                               "(in a spreadsheet, choose the \"Unicode (UTF-8)\" character set)");
        }
        if (auto problem = control_character_problem(line))
            error(line_number, std::move(*problem));
    }

    // `# name: value` before the header is metadata; any other `#` line is a comment.
    void read_comment(int32_t line_number, std::string_view line)
    {
        std::string_view rest = trim_spaces(line.substr(1));
        const size_t colon = rest.find(':');
        if (colon == std::string_view::npos)
            return;
        const std::string name = ascii_lower(trim_spaces(rest.substr(0, colon)));
        const MetadataInfo* info = nullptr;
        for (const auto& candidate : kMetadata) {
            if (candidate.name == name)
                info = &candidate;
        }
        if (info == nullptr)
            return;
        if (m_header_line != 0) {
            error(line_number, "the metadata line `# " + std::string(name) + ":` must come before the header line (line " +
                                   std::to_string(m_header_line) + ")");
            return;
        }
        if (auto seen = m_metadata_lines.find(info->name); seen != m_metadata_lines.end()) {
            error(line_number, "`# " + std::string(name) + ":` is given twice (first on line " +
                                   std::to_string(seen->second) + ")");
            return;
        }
        m_metadata_lines.emplace(info->name, line_number);

        DeckFile& deck = m_reading.deck;
        std::string value = to_nfc(trim_spaces(rest.substr(colon + 1)));
        switch (info->field) {
        case Metadata::Title: deck.title = std::move(value); break;
        case Metadata::Description: deck.description = std::move(value); break;
        case Metadata::Author: deck.author = std::move(value); break;
        case Metadata::Licence: deck.licence = std::move(value); break;
        case Metadata::Source: deck.source = std::move(value); break;
        case Metadata::Directions: read_directions(line_number, value); break;
        case Metadata::Encoding: deck.encoding = std::move(value); break;
        }
    }

    void read_directions(int32_t line_number, std::string_view value)
    {
        bool russian_to_english = false;
        bool english_to_russian = false;
        for (std::string_view word : split(value, ' ')) {
            if (word.empty())
                continue;
            if (word == "ru-en") {
                russian_to_english = true;
            } else if (word == "en-ru") {
                english_to_russian = true;
            } else {
                error(line_number, "unknown direction \"" + std::string(word) +
                                       "\" (write ru-en, en-ru or both, separated by a space)");
                return;
            }
        }
        if (!russian_to_english && !english_to_russian) {
            error(line_number, "`# directions:` is empty (write ru-en, en-ru or both)");
            return;
        }
        m_reading.deck.studies_russian_to_english = russian_to_english;
        m_reading.deck.studies_english_to_russian = english_to_russian;
    }

    // Reports every problem of the header. Unknown and repeated columns are then ignored, so
    // the notes below can still be checked.
    void read_header(int32_t line_number, std::string_view line)
    {
        const auto names = split(line, '\t');
        bool any_known = false;
        for (std::string_view name : names) {
            if (find_column(ascii_lower(trim_spaces(name))))
                any_known = true;
        }
        if (!any_known) {
            error(line_number, "missing header line: the first line that is not a `#` line must "
                               "name the columns, e.g. key<TAB>russian<TAB>english");
            m_header_failed = true;
            return;
        }

        std::vector<std::optional<Column>> columns;
        for (size_t i = 0; i < names.size(); ++i) {
            const std::string name = ascii_lower(trim_spaces(names[i]));
            columns.emplace_back();
            if (name.empty()) {
                error(line_number, "column " + std::to_string(i + 1) + " of the header has no name");
                continue;
            }
            const ColumnInfo* info = find_column(name);
            if (info == nullptr) {
                error(line_number, "unknown column \"" + std::string(trim_spaces(names[i])) +
                                       "\" (known columns: " + std::string(kKnownColumnList) + ")");
                continue;
            }
            bool repeated = false;
            for (const auto& seen : columns)
                repeated = repeated || seen == info->column;
            if (repeated) {
                error(line_number, "column \"" + name + "\" appears twice in the header");
                continue;
            }
            columns.back() = info->column;
        }
        for (const auto& info : kColumns) {
            if (!info.required)
                continue;
            bool present = false;
            for (const auto& column : columns)
                present = present || column == info.column;
            if (!present) {
                error(line_number, "missing required column \"" + std::string(info.name) +
                                       "\" (every deck needs key, russian and english)");
            }
            m_has_column[static_cast<size_t>(info.column)] = present;
        }
        m_columns = std::move(columns);
        m_header_line = line_number;
    }

    void read_note(int32_t line_number, std::string_view line)
    {
        const auto fields = split(line, '\t');
        if (fields.size() != m_columns.size()) {
            error(line_number, "expected " + std::to_string(m_columns.size()) +
                                   " tab-separated fields (as in the header on line " + std::to_string(m_header_line) +
                                   "), found " + std::to_string(fields.size()));
            return;
        }

        DeckEntry entry;
        entry.line = line_number;
        Note& note = entry.note;
        for (size_t i = 0; i < fields.size(); ++i) {
            if (m_columns[i])
                field_for(note, *m_columns[i]) = to_nfc_fast(trim_spaces(fields[i]));
        }

        if (has_column(Column::Key)) {
            if (note.key.empty()) {
                error(line_number, "the key field is empty; every note needs a unique key");
            } else if (!std::all_of(note.key.begin(), note.key.end(), is_key_char)) {
                error(line_number, "key \"" + note.key + "\" may contain only a-z, 0-9, '-', '_' and '.'");
            }
        }
        if (has_column(Column::Russian) && note.russian.empty())
            error(line_number, "the russian field is empty");
        if (has_column(Column::English) && note.english.empty())
            error(line_number, "the english field is empty");
        if (!note.key.empty()) {
            if (auto seen = m_key_lines.find(note.key); seen != m_key_lines.end()) {
                error(line_number, "duplicate key \"" + note.key + "\" (first used on line " +
                                       std::to_string(seen->second) + ")");
            } else {
                m_key_lines.emplace(note.key, line_number);
            }
        }
        m_reading.deck.entries.push_back(std::move(entry));
    }

    bool has_column(Column column) const { return m_has_column[static_cast<size_t>(column)]; }

    static std::string& field_for(Note& note, Column column)
    {
        switch (column) {
        case Column::Key: return note.key;
        case Column::Russian: return note.russian;
        case Column::English: return note.english;
        case Column::PartOfSpeech: return note.part_of_speech;
        case Column::Grammar: return note.grammar;
        case Column::ExampleRussian: return note.example_russian;
        case Column::ExampleEnglish: return note.example_english;
        case Column::Tags: return note.tags;
        case Column::Source: return note.source;
        case Column::Notes: return note.notes;
        }
        VERIFY_NOT_REACHED();
    }

    DeckReading m_reading;
    std::vector<std::optional<Column>> m_columns; // empty until the header has been read
    std::array<bool, kColumns.size()> m_has_column{};
    int32_t m_header_line = 0;
    bool m_header_failed = false; // the first line was no header: the notes cannot be read
    std::unordered_map<std::string_view, int32_t> m_metadata_lines;
    std::unordered_map<std::string, int32_t> m_key_lines;
};

} // namespace

DeckReading read_deck_text(std::string_view text, std::string_view deck_key)
{
    return DeckParser(deck_key).read(text);
}

bool is_valid_note_key(std::string_view key) { return !key.empty() && std::all_of(key.begin(), key.end(), is_key_char); }

bool is_deck_column_name(std::string_view name) { return find_column(name) != nullptr; }

bool is_deck_metadata_name(std::string_view name)
{
    return std::any_of(kMetadata.begin(), kMetadata.end(), [&](const MetadataInfo& info) { return info.name == name; });
}

Result<DeckFile> parse_deck_text(std::string_view text, std::string_view file_name, std::string_view deck_key)
{
    // Only std::bad_alloc can escape the reader; it must not cross the module boundary.
    try {
        DeckReading reading = read_deck_text(text, deck_key);
        for (const auto& diagnostic : reading.diagnostics) {
            if (diagnostic.severity == Severity::Error) {
                return make_error(ErrorKind::Parse, std::string(file_name) + ":" + std::to_string(diagnostic.line) +
                                                        ": " + diagnostic.message);
            }
        }
        return std::move(reading.deck);
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Parse, std::string(file_name) + ": " + e.what());
    }
}

Result<DeckFile> read_deck_file(const std::filesystem::path& path)
{
    try {
        const std::string name = path.string();
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            return make_error(ErrorKind::Io, name + ": is a folder, not a deck file");

        std::ifstream in(path, std::ios::binary);
        if (!in)
            return make_error(ErrorKind::Io, name + ": cannot open the file: " + std::strerror(errno));
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (in.bad())
            return make_error(ErrorKind::Io, name + ": cannot read the file: " + std::strerror(errno));
        return parse_deck_text(text, name, path.stem().string());
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, path.string() + ": " + e.what());
    }
}

} // namespace letopis
