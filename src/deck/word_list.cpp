// Word list reader (see word_list.h). Detection works on the content: the Russian column is the
// one whose cells most often hold Cyrillic, and a first row without Cyrillic above a Russian
// column is a header. Header names, when there are any, are honoured first.
#include "deck/word_list.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "deck/text_lines.h"
#include "text/fast_normalize.h"
#include "text/russian_word.h"
#include "text/slug.h"
#include "util/utf8.h"

namespace letopis {
namespace {

// Rows looked at to choose the delimiter.
constexpr size_t kDelimiterSampleLines = 200;
// A quoted field may span lines, but not the rest of a large file: an unclosed quote is read as
// a literal character past this many bytes.
constexpr size_t kMaxQuotedFieldBytes = 1 << 16;

struct HeaderAlias {
    std::string_view name;
    std::string_view role;
};

// Header cells Letopis recognises (lower case, spaces trimmed), and the deck column they fill.
constexpr HeaderAlias kHeaderAliases[] = {
    {"key", "key"},
    {"russian", "russian"}, {"ru", "russian"}, {"rus", "russian"}, {"russian word", "russian"},
    {"word", "russian"}, {"русский", "russian"}, {"слово", "russian"}, {"по-русски", "russian"},
    {"english", "english"}, {"en", "english"}, {"eng", "english"}, {"translation", "english"},
    {"meaning", "english"}, {"definition", "english"}, {"gloss", "english"}, {"английский", "english"},
    {"перевод", "english"},
    {"pos", "pos"}, {"part of speech", "pos"}, {"grammar", "grammar"},
    {"example_ru", "example_ru"}, {"example", "example_ru"}, {"пример", "example_ru"},
    {"example_en", "example_en"}, {"example translation", "example_en"},
    {"tags", "tags"}, {"tag", "tags"}, {"source", "source"},
    {"notes", "notes"}, {"note", "notes"}, {"comment", "notes"}, {"comments", "notes"},
};

std::string lower_trimmed(std::string_view text)
{
    std::string folded = fold_word(text);
    const size_t first = folded.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    const size_t last = folded.find_last_not_of(" \t");
    return folded.substr(first, last - first + 1);
}

std::optional<std::string_view> role_of_header(std::string_view cell)
{
    const std::string name = lower_trimmed(cell);
    for (const auto& alias : kHeaderAliases) {
        // fold_word reads ё as е; no alias holds ё, so comparing folded forms is exact.
        if (alias.name == name)
            return alias.role;
    }
    return std::nullopt;
}

std::string_view trim(std::string_view text) { return trim_chars(text, " \t"); }

// A field as stored: trimmed, NFC, with no tab or line break (a deck field cannot hold them).
std::string clean_field(std::string_view raw)
{
    const std::string_view trimmed = trim(raw);
    if (trimmed.find_first_of("\t\n\r") == std::string_view::npos)
        return to_nfc_fast(trimmed);
    std::string text(trimmed);
    for (char& c : text) {
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
    }
    return to_nfc_fast(trim(text));
}

bool has_cyrillic(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        if (c >= 0x400 && c <= 0x47F) // Russian and the other common Cyrillic letters
            return true;
    }
    return false;
}

bool has_latin(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// Counts the delimiters of one line outside quotes.
size_t count_outside_quotes(std::string_view line, char delimiter)
{
    size_t count = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == delimiter && !quoted)
            ++count;
    }
    return count;
}

std::string_view delimiter_name(char delimiter)
{
    switch (delimiter) {
    case '\t': return "tab-separated";
    case ';': return "semicolon-separated";
    default: return "comma-separated";
    }
}

size_t effective_size(const std::vector<std::string>& fields)
{
    size_t size = fields.size();
    while (size > 0 && trim(fields[size - 1]).empty())
        --size;
    return size;
}

} // namespace

char detect_delimiter(std::string_view text)
{
    std::vector<std::string_view> lines;
    for_each_line(text, [&](int32_t, std::string_view line) {
        if (!trim(line).empty() && !line.starts_with('#'))
            lines.push_back(line);
        return lines.size() < kDelimiterSampleLines;
    });
    if (lines.empty())
        return '\t';

    char best = '\t';
    double best_score = 0;
    for (char candidate : {'\t', ';', ','}) {
        std::map<size_t, size_t> counts; // delimiters per line → lines
        for (std::string_view line : lines)
            ++counts[count_outside_quotes(line, candidate)];
        size_t mode = 0, mode_lines = 0;
        for (const auto& [count, number] : counts) {
            if (count > 0 && number > mode_lines) {
                mode = count;
                mode_lines = number;
            }
        }
        if (mode == 0)
            continue;
        // Consistency matters more than frequency: glosses hold commas ("power, authority").
        const double score = static_cast<double>(mode_lines) / static_cast<double>(lines.size());
        if (score > best_score + 1e-9) {
            best = candidate;
            best_score = score;
        }
    }
    return best;
}

std::vector<WordListRow> split_word_list(std::string_view text, char delimiter)
{
    std::vector<WordListRow> rows;
    int32_t line = 1;
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        // At the start of a line: skip blank and comment lines.
        const size_t line_end = std::min(text.find('\n', i), n);
        std::string_view whole = text.substr(i, line_end - i);
        if (!whole.empty() && whole.back() == '\r')
            whole.remove_suffix(1);
        if (whole.starts_with('#') || whole.find_first_not_of(std::string(" \t") + delimiter) == std::string_view::npos) {
            i = line_end + 1;
            ++line;
            continue;
        }

        WordListRow row;
        row.line = line;
        for (;;) {
            std::string field;
            bool quoted_ok = false;
            if (i < n && text[i] == '"') {
                // A quoted field: read to the closing quote, which must end the field.
                size_t j = i + 1;
                int32_t lines_inside = 0;
                std::string value;
                bool closed = false;
                while (j < n && j - i <= kMaxQuotedFieldBytes) {
                    if (text[j] == '"') {
                        if (j + 1 < n && text[j + 1] == '"') {
                            value += '"';
                            j += 2;
                            continue;
                        }
                        closed = true;
                        ++j;
                        break;
                    }
                    if (text[j] == '\n')
                        ++lines_inside;
                    value += text[j];
                    ++j;
                }
                size_t after = j;
                if (closed && after < n && text[after] == '\r' && (after + 1 == n || text[after + 1] == '\n'))
                    ++after;
                if (closed && (after >= n || text[after] == delimiter || text[after] == '\n')) {
                    field = std::move(value);
                    line += lines_inside;
                    i = after;
                    quoted_ok = true;
                }
            }
            if (!quoted_ok) {
                // Unquoted, or quotes that do not close the field: the raw text up to the delimiter.
                size_t j = i;
                while (j < n && text[j] != delimiter && text[j] != '\n')
                    ++j;
                std::string_view raw = text.substr(i, j - i);
                if (!raw.empty() && raw.back() == '\r' && (j >= n || text[j] == '\n'))
                    raw.remove_suffix(1);
                field = std::string(raw);
                i = j;
            }
            row.fields.push_back(std::move(field));
            if (i < n && text[i] == delimiter) {
                ++i;
                continue;
            }
            // End of the row: a line end or the end of the text.
            if (i < n && text[i] == '\n')
                ++i;
            ++line;
            break;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string note_key_from_russian(std::string_view russian)
{
    std::string key = ascii_slug(russian);
    return key.empty() ? std::string("note") : key;
}

DeckReading read_word_list(std::string_view text, std::string_view deck_key, std::string_view title,
                           const WordListOptions& options, WordListLayout* layout_out)
{
    DeckReading reading;
    reading.deck.key = std::string(deck_key);
    reading.deck.title = std::string(title);
    WordListLayout layout;
    auto error = [&](int32_t line, std::string message) {
        reading.diagnostics.push_back(Diagnostic{line, Severity::Error, std::move(message)});
    };
    auto finish = [&]() -> DeckReading {
        if (layout_out != nullptr)
            *layout_out = layout;
        return std::move(reading);
    };

    layout.delimiter = detect_delimiter(text);
    std::vector<WordListRow> rows = split_word_list(text, layout.delimiter);
    if (rows.empty()) {
        error(1, "the word list is empty");
        return finish();
    }

    // Columns, header and roles.
    const WordListRow& first = rows.front();
    std::vector<std::optional<std::string_view>> header_roles;
    bool header_named = false;
    for (const auto& cell : first.fields) {
        header_roles.push_back(role_of_header(cell));
        header_named = header_named || header_roles.back().has_value();
    }

    std::map<size_t, size_t> size_counts;
    for (size_t r = header_named ? 1 : 0; r < rows.size(); ++r)
        ++size_counts[rows[r].fields.size()];
    size_t modal_size = first.fields.size();
    size_t modal_rows = 0;
    for (const auto& [size, number] : size_counts) {
        if (number > modal_rows) {
            modal_size = size;
            modal_rows = number;
        }
    }
    layout.column_count = static_cast<int32_t>(header_named || rows.size() == 1 ? first.fields.size() : modal_size);
    auto columns = static_cast<size_t>(layout.column_count);

    // Share of rows (after a possible header) whose cell in each column holds Cyrillic or Latin;
    // the first few thousand rows tell as well as all of them.
    constexpr size_t kDetectionRows = 2000;
    auto shares = [&](size_t from) {
        std::vector<double> cyrillic(columns, 0), latin(columns, 0);
        const size_t until = std::min(rows.size(), from + kDetectionRows);
        const size_t total = until > from ? until - from : 0;
        for (size_t r = from; r < until; ++r) {
            for (size_t c = 0; c < columns && c < rows[r].fields.size(); ++c) {
                cyrillic[c] += has_cyrillic(rows[r].fields[c]) ? 1 : 0;
                latin[c] += has_latin(rows[r].fields[c]) ? 1 : 0;
            }
        }
        if (total > 0) {
            for (size_t c = 0; c < columns; ++c) {
                cyrillic[c] /= static_cast<double>(total);
                latin[c] /= static_cast<double>(total);
            }
        }
        return std::pair(cyrillic, latin);
    };
    auto best_of = [&](const std::vector<double>& share, std::optional<size_t> except) -> int32_t {
        int32_t best = -1;
        for (size_t c = 0; c < share.size(); ++c) {
            if (except && c == *except)
                continue;
            if (share[c] > 0 && (best < 0 || share[c] > share[static_cast<size_t>(best)]))
                best = static_cast<int32_t>(c);
        }
        return best;
    };

    layout.has_header = header_named;
    if (!header_named && rows.size() > 1) {
        // A first row without Cyrillic above a column that is mostly Russian names the columns.
        auto [cyrillic, latin] = shares(1);
        const int32_t russian = options.russian_column.value_or(best_of(cyrillic, std::nullopt));
        if (russian >= 0 && static_cast<size_t>(russian) < first.fields.size() &&
            static_cast<size_t>(russian) < cyrillic.size() && cyrillic[static_cast<size_t>(russian)] >= 0.5 && !has_cyrillic(first.fields[static_cast<size_t>(russian)]))
            layout.has_header = true;
    }
    if (layout.has_header) {
        layout.header_line = first.line;
        layout.column_count = static_cast<int32_t>(first.fields.size());
        columns = first.fields.size();
    }

    const size_t data_from = layout.has_header ? 1 : 0;
    auto [cyrillic, latin] = shares(data_from);
    layout.column_names.assign(columns, "");
    layout.column_roles.assign(columns, "other");
    if (layout.has_header) {
        for (size_t c = 0; c < columns && c < first.fields.size(); ++c)
            layout.column_names[c] = std::string(trim(first.fields[c]));
    }

    auto header_column = [&](std::string_view role) -> int32_t {
        for (size_t c = 0; c < header_roles.size() && c < columns; ++c) {
            if (header_roles[c] == role)
                return static_cast<int32_t>(c);
        }
        return -1;
    };
    layout.russian_column = options.russian_column.value_or(header_named ? header_column("russian") : -1);
    if (layout.russian_column < 0)
        layout.russian_column = best_of(cyrillic, std::nullopt);
    std::optional<size_t> russian_index;
    if (layout.russian_column >= 0)
        russian_index = static_cast<size_t>(layout.russian_column);
    layout.english_column = options.english_column.value_or(header_named ? header_column("english") : -1);
    if (layout.english_column < 0 || layout.english_column == layout.russian_column)
        layout.english_column = best_of(latin, russian_index);
    if (layout.english_column < 0) {
        for (int32_t c = 0; c < layout.column_count; ++c) {
            if (c != layout.russian_column) {
                layout.english_column = c;
                break;
            }
        }
    }

    if (columns < 2) {
        error(first.line, "a word list needs at least two columns, Russian and English, separated by tabs, "
                          "commas or semicolons");
        return finish();
    }
    if (layout.russian_column < 0 || layout.russian_column >= layout.column_count) {
        error(first.line, options.russian_column ? "there is no column " + std::to_string(*options.russian_column + 1) +
                                                       " to take the Russian from"
                                                 : std::string("no column holds Russian (Cyrillic) text"));
        return finish();
    }
    if (layout.english_column < 0 || layout.english_column >= layout.column_count) {
        error(first.line, "there is no column " + std::to_string(layout.english_column + 1) +
                              " to take the English from");
        return finish();
    }

    bool has_key_column = false;
    for (size_t c = 0; c < columns; ++c) {
        if (static_cast<int32_t>(c) == layout.russian_column) {
            layout.column_roles[c] = "russian";
        } else if (static_cast<int32_t>(c) == layout.english_column) {
            layout.column_roles[c] = "english";
        } else if (header_named && c < header_roles.size() && header_roles[c] &&
                   *header_roles[c] != "russian" && *header_roles[c] != "english") {
            // One column per role; a second column of the same name goes to the notes.
            const std::string role(*header_roles[c]);
            bool taken = false;
            for (size_t earlier = 0; earlier < c; ++earlier)
                taken = taken || layout.column_roles[earlier] == role;
            layout.column_roles[c] = taken ? "notes" : role;
            has_key_column = has_key_column || layout.column_roles[c] == "key";
        }
    }

    // Rows into notes.
    const std::string_view separated = delimiter_name(layout.delimiter);
    std::unordered_map<std::string, int32_t> key_lines;
    std::unordered_set<std::string> used_keys;
    reading.deck.entries.reserve(rows.size());
    used_keys.reserve(rows.size());
    for (size_t r = data_from; r < rows.size(); ++r) {
        const WordListRow& row = rows[r];
        const size_t size = effective_size(row.fields);
        const size_t needed = static_cast<size_t>(std::max(layout.russian_column, layout.english_column)) + 1;
        if (size > columns || row.fields.size() < needed) {
            error(row.line, "expected " + std::to_string(columns) + " " + std::string(separated) + " fields (" +
                                (layout.has_header ? "as in the header on line " + std::to_string(layout.header_line)
                                                   : std::string("as on most lines")) +
                                "), found " + std::to_string(row.fields.size()));
            continue;
        }
        DeckEntry entry;
        entry.line = row.line;
        Note& note = entry.note;
        for (size_t c = 0; c < row.fields.size() && c < columns; ++c) {
            std::string value = clean_field(row.fields[c]);
            const std::string& role = layout.column_roles[c];
            if (role == "russian") note.russian = std::move(value);
            else if (role == "english") note.english = std::move(value);
            else if (role == "key") note.key = std::move(value);
            else if (role == "pos") note.part_of_speech = std::move(value);
            else if (role == "grammar") note.grammar = std::move(value);
            else if (role == "example_ru") note.example_russian = std::move(value);
            else if (role == "example_en") note.example_english = std::move(value);
            else if (role == "tags") note.tags = std::move(value);
            else if (role == "source") note.source = std::move(value);
            else if (role == "notes" && !value.empty()) {
                if (!note.notes.empty())
                    note.notes += "; ";
                note.notes += value;
            } else if (!value.empty()) {
                // Unnamed or unknown columns ("other") are kept in the notes, with their header if any.
                if (!note.notes.empty())
                    note.notes += "; ";
                if (!layout.column_names[c].empty())
                    note.notes += layout.column_names[c] + ": ";
                note.notes += value;
            }
        }
        if (note.russian.empty())
            error(row.line, "the russian field is empty");
        if (note.english.empty())
            error(row.line, "the english field is empty");

        if (has_key_column) {
            if (note.key.empty()) {
                error(row.line, "the key field is empty; every note needs a unique key");
            } else if (!is_valid_note_key(note.key)) {
                error(row.line, "key \"" + note.key + "\" may contain only a-z, 0-9, '-', '_' and '.'");
            } else if (auto seen = key_lines.find(note.key); seen != key_lines.end()) {
                error(row.line, "duplicate key \"" + note.key + "\" (first used on line " + std::to_string(seen->second) + ")");
            } else {
                key_lines.emplace(note.key, row.line);
            }
        } else if (!note.russian.empty()) {
            // The same headword twice gets -2, -3, … in file order.
            const std::string base = note_key_from_russian(note.russian);
            std::string key = base;
            for (int n = 2; used_keys.count(key) > 0; ++n)
                key = base + "-" + std::to_string(n);
            used_keys.insert(key);
            note.key = std::move(key);
        }
        reading.deck.entries.push_back(std::move(entry));
    }
    if (reading.deck.entries.empty() && !reading.has_errors())
        error(rows.front().line, "the word list has a header but no words");
    return finish();
}

} // namespace letopis
