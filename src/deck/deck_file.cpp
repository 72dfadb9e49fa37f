// Deck file parser (see deck_file.h and docs/deck-format.md). It stops at the first problem and
// names its file and line; the full deck linter, which reports everything, is separate.
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

enum class Metadata : uint8_t { Title, Description, Author, Licence, Source, Directions };

struct MetadataInfo {
    std::string_view name;
    Metadata field;
};

constexpr std::array<MetadataInfo, 6> kMetadata = {{
    {"title", Metadata::Title},
    {"description", Metadata::Description},
    {"author", Metadata::Author},
    {"licence", Metadata::Licence},
    {"source", Metadata::Source},
    {"directions", Metadata::Directions},
}};

std::string_view trim_spaces(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

std::string ascii_lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

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
    DeckParser(std::string_view file_name, std::string_view deck_key)
        : m_file_name(file_name)
    {
        m_deck.key = std::string(deck_key);
    }

    Result<DeckFile> parse(std::string_view text)
    {
        if (text.starts_with(kUtf8Bom))
            text.remove_prefix(kUtf8Bom.size());
        else if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
            return error(1, "the file is UTF-16; save it as UTF-8");

        const auto lines = split_lines(text);
        for (size_t i = 0; i < lines.size(); ++i) {
            const auto line_number = static_cast<int32_t>(i + 1);
            if (auto status = check_encoding(line_number, lines[i]); !status.ok())
                return status.error();
        }

        for (size_t i = 0; i < lines.size(); ++i) {
            const auto line_number = static_cast<int32_t>(i + 1);
            const std::string_view line = lines[i];
            Status status;
            if (is_blank(line))
                continue;
            if (line.starts_with('#'))
                status = read_comment(line_number, line);
            else if (m_columns.empty())
                status = read_header(line_number, line);
            else
                status = read_note(line_number, line);
            if (!status.ok())
                return status.error();
        }

        if (m_columns.empty()) {
            return error(std::max<int32_t>(1, static_cast<int32_t>(lines.size())),
                         "missing header line: after the `#` lines, one line must name the columns, "
                         "e.g. key<TAB>russian<TAB>english");
        }
        if (m_deck.title.empty())
            return error(1, "missing title: add a line `# title: …` at the top of the file");
        return std::move(m_deck);
    }

private:
    Error error(int32_t line, std::string_view what) const
    {
        std::string message(m_file_name);
        message += ':';
        message += std::to_string(line);
        message += ": ";
        message += what;
        return make_error(ErrorKind::Parse, std::move(message));
    }

    Status check_encoding(int32_t line_number, std::string_view line) const
    {
        if (!is_valid_utf8(line)) {
            return error(line_number, "the text is not valid UTF-8; the file must be saved as UTF-8 "
                                      "(in a spreadsheet, choose the \"Unicode (UTF-8)\" character set)");
        }
        if (auto problem = control_character_problem(line))
            return error(line_number, *problem);
        return {};
    }

    // `# name: value` before the header is metadata; any other `#` line is a comment.
    Status read_comment(int32_t line_number, std::string_view line)
    {
        std::string_view rest = trim_spaces(line.substr(1));
        const size_t colon = rest.find(':');
        if (colon == std::string_view::npos)
            return {};
        const std::string name = ascii_lower(trim_spaces(rest.substr(0, colon)));
        const MetadataInfo* info = nullptr;
        for (const auto& candidate : kMetadata) {
            if (candidate.name == name)
                info = &candidate;
        }
        if (info == nullptr)
            return {};
        if (!m_columns.empty()) {
            return error(line_number, "the metadata line `# " + std::string(name) +
                                          ":` must come before the header line (line " +
                                          std::to_string(m_header_line) + ")");
        }
        if (auto seen = m_metadata_lines.find(info->name); seen != m_metadata_lines.end()) {
            return error(line_number, "`# " + std::string(name) + ":` is given twice (first on line " +
                                          std::to_string(seen->second) + ")");
        }
        m_metadata_lines.emplace(info->name, line_number);

        std::string value = to_nfc(trim_spaces(rest.substr(colon + 1)));
        switch (info->field) {
        case Metadata::Title: m_deck.title = std::move(value); break;
        case Metadata::Description: m_deck.description = std::move(value); break;
        case Metadata::Author: m_deck.author = std::move(value); break;
        case Metadata::Licence: m_deck.licence = std::move(value); break;
        case Metadata::Source: m_deck.source = std::move(value); break;
        case Metadata::Directions: return read_directions(line_number, value);
        }
        return {};
    }

    Status read_directions(int32_t line_number, std::string_view value)
    {
        bool russian_to_english = false;
        bool english_to_russian = false;
        for (std::string_view word : split(value, ' ')) {
            if (word.empty())
                continue;
            if (word == "ru-en")
                russian_to_english = true;
            else if (word == "en-ru")
                english_to_russian = true;
            else
                return error(line_number, "unknown direction \"" + std::string(word) +
                                              "\" (write ru-en, en-ru or both, separated by a space)");
        }
        if (!russian_to_english && !english_to_russian)
            return error(line_number, "`# directions:` is empty (write ru-en, en-ru or both)");
        m_deck.studies_russian_to_english = russian_to_english;
        m_deck.studies_english_to_russian = english_to_russian;
        return {};
    }

    Status read_header(int32_t line_number, std::string_view line)
    {
        const auto names = split(line, '\t');
        bool any_known = false;
        for (std::string_view name : names) {
            if (find_column(ascii_lower(trim_spaces(name))))
                any_known = true;
        }
        if (!any_known) {
            return error(line_number, "missing header line: the first line that is not a `#` line must "
                                      "name the columns, e.g. key<TAB>russian<TAB>english");
        }

        std::vector<Column> columns;
        for (size_t i = 0; i < names.size(); ++i) {
            const std::string name = ascii_lower(trim_spaces(names[i]));
            if (name.empty())
                return error(line_number, "column " + std::to_string(i + 1) + " of the header has no name");
            const ColumnInfo* info = find_column(name);
            if (info == nullptr) {
                return error(line_number, "unknown column \"" + std::string(trim_spaces(names[i])) +
                                              "\" (known columns: " + std::string(kKnownColumnList) + ")");
            }
            for (Column seen : columns) {
                if (seen == info->column)
                    return error(line_number, "column \"" + name + "\" appears twice in the header");
            }
            columns.push_back(info->column);
        }
        for (const auto& info : kColumns) {
            if (!info.required)
                continue;
            bool present = false;
            for (Column column : columns)
                present = present || column == info.column;
            if (!present) {
                return error(line_number, "missing required column \"" + std::string(info.name) +
                                              "\" (every deck needs key, russian and english)");
            }
        }
        m_columns = std::move(columns);
        m_header_line = line_number;
        return {};
    }

    Status read_note(int32_t line_number, std::string_view line)
    {
        const auto fields = split(line, '\t');
        if (fields.size() != m_columns.size()) {
            return error(line_number, "expected " + std::to_string(m_columns.size()) +
                                          " tab-separated fields (as in the header on line " +
                                          std::to_string(m_header_line) + "), found " +
                                          std::to_string(fields.size()));
        }

        DeckEntry entry;
        entry.line = line_number;
        Note& note = entry.note;
        for (size_t i = 0; i < fields.size(); ++i)
            field_for(note, m_columns[i]) = to_nfc(trim_spaces(fields[i]));

        if (note.key.empty())
            return error(line_number, "the key field is empty; every note needs a unique key");
        for (char c : note.key) {
            if (!is_key_char(c)) {
                return error(line_number, "key \"" + note.key +
                                              "\" may contain only a-z, 0-9, '-', '_' and '.'");
            }
        }
        if (note.russian.empty())
            return error(line_number, "the russian field is empty");
        if (note.english.empty())
            return error(line_number, "the english field is empty");
        if (auto seen = m_key_lines.find(note.key); seen != m_key_lines.end()) {
            return error(line_number, "duplicate key \"" + note.key + "\" (first used on line " +
                                          std::to_string(seen->second) + ")");
        }
        m_key_lines.emplace(note.key, line_number);
        m_deck.entries.push_back(std::move(entry));
        return {};
    }

    static const ColumnInfo* find_column(std::string_view name)
    {
        for (const auto& info : kColumns) {
            if (info.name == name)
                return &info;
        }
        return nullptr;
    }

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

    std::string_view m_file_name;
    DeckFile m_deck;
    std::vector<Column> m_columns; // empty until the header has been read
    int32_t m_header_line = 0;
    std::unordered_map<std::string_view, int32_t> m_metadata_lines;
    std::unordered_map<std::string, int32_t> m_key_lines;
};

} // namespace

Result<DeckFile> parse_deck_text(std::string_view text, std::string_view file_name, std::string_view deck_key)
{
    // Only std::bad_alloc can escape the parser; it must not cross the module boundary.
    try {
        return DeckParser(file_name, deck_key).parse(text);
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
