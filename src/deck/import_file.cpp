// Reading any importable file (see import_file.h): encoding first (BOM, a `# encoding:` line,
// detection or the user's choice), then mojibake, then the format, then the deck or word list
// reader.
#include "deck/import_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "deck/text_lines.h"
#include "text/slug.h"

namespace letopis {
namespace {

constexpr size_t kMojibakeSampleLines = 5;

// Blanks around a metadata name or value: spaces, tabs, a stray \r.
std::string_view trim(std::string_view text) { return trim_chars(text, " \t\r"); }

// `# name: value` → (name, value) with the name in lower case.
std::optional<std::pair<std::string, std::string_view>> metadata_of(std::string_view line)
{
    if (!line.starts_with('#'))
        return std::nullopt;
    std::string_view rest = trim(line.substr(1));
    const size_t colon = rest.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    return std::pair(ascii_lower(trim(rest.substr(0, colon))), trim(rest.substr(colon + 1)));
}

// The `# encoding:` line among the `#` lines before the first other line; ASCII in every
// encoding that can declare itself this way.
std::optional<std::pair<int32_t, std::string>> declared_encoding(std::string_view bytes)
{
    std::optional<std::pair<int32_t, std::string>> found;
    for_each_line(bytes, [&](int32_t number, std::string_view line) {
        if (trim(line).empty())
            return true;
        if (!line.starts_with('#'))
            return false;
        if (auto meta = metadata_of(line); meta && meta->first == "encoding") {
            found = std::pair(number, std::string(meta->second));
            return false;
        }
        return true;
    });
    return found;
}

// A deck file has `# title:`-style metadata before its header, or a tab-separated header that
// names only deck columns, key among them. Anything else is a word list.
bool looks_like_deck(std::string_view text)
{
    bool deck = false;
    for_each_line(text, [&](int32_t, std::string_view line) {
        if (trim(line).empty())
            return true;
        if (line.starts_with('#')) {
            if (auto meta = metadata_of(line); meta && is_deck_metadata_name(meta->first) && meta->first != "encoding") {
                deck = true;
                return false;
            }
            return true;
        }
        bool all_known = true;
        bool has_key = false;
        size_t start = 0;
        for (;;) {
            size_t end = line.find('\t', start);
            const std::string name = ascii_lower(trim(line.substr(start, end == std::string_view::npos ? end : end - start)));
            all_known = all_known && is_deck_column_name(name);
            has_key = has_key || name == "key";
            if (end == std::string_view::npos)
                break;
            start = end + 1;
        }
        deck = all_known && has_key;
        return false;
    });
    return deck;
}

std::vector<MojibakeOffer::Line> changed_lines(std::string_view before, std::string_view after)
{
    std::vector<std::string_view> after_lines;
    for_each_line(after, [&](int32_t, std::string_view line) {
        after_lines.push_back(line);
        return true;
    });
    std::vector<MojibakeOffer::Line> sample;
    for_each_line(before, [&](int32_t number, std::string_view line) {
        const auto index = static_cast<size_t>(number - 1);
        if (index < after_lines.size() && after_lines[index] != line)
            sample.push_back({number, std::string(line), std::string(after_lines[index])});
        return sample.size() < kMojibakeSampleLines;
    });
    return sample;
}

} // namespace

std::string_view file_format_name(FileFormat format, char delimiter)
{
    if (format == FileFormat::Deck)
        return "Letopis deck";
    switch (delimiter) {
    case '\t': return "TSV word list";
    case ';': return "CSV word list (semicolons)";
    default: return "CSV word list";
    }
}

std::string deck_key_for_word_list(const std::filesystem::path& file_name)
{
    std::string key = ascii_slug(file_name.stem().string());
    return key.empty() ? std::string("word-list") : key;
}

ImportedFile read_import_bytes(std::string_view bytes, const std::filesystem::path& file_name,
                               const ImportFileOptions& options)
{
    ImportedFile file;
    std::vector<Diagnostic> early; // problems found before the reader runs

    // 1. Encoding.
    const size_t bom = byte_order_mark_length(bytes);
    const auto declaration = bom == 0 ? declared_encoding(bytes) : std::nullopt;
    std::optional<TextEncoding> declared;
    if (declaration) {
        declared = encoding_from_name(declaration->second);
        if (!declared) {
            early.push_back({declaration->first, Severity::Error,
                             "unknown encoding \"" + declaration->second +
                                 "\" (write UTF-8, windows-1251, KOI8-R, CP866 or ISO-8859-5)"});
        }
    }
    if (options.encoding) {
        file.encoding = *options.encoding;
        file.encoding_source = EncodingSource::Chosen;
    } else if (bom > 0) {
        file.encoding = detect_encoding(bytes);
        file.encoding_source = EncodingSource::ByteOrderMark;
    } else if (declared) {
        file.encoding = *declared;
        file.encoding_source = EncodingSource::Declared;
    } else {
        file.encoding = detect_encoding(bytes);
        file.encoding_source = EncodingSource::Detected;
    }
    DecodedText decoded = decode_text(bytes, file.encoding);
    file.had_bom = decoded.had_bom;
    for (int32_t line : decoded.invalid_lines) {
        early.push_back({line, Severity::Error,
                         file.encoding == TextEncoding::Utf8
                             ? std::string("the text is not valid UTF-8; the file must be saved as UTF-8 (in a "
                                           "spreadsheet, choose the \"Unicode (UTF-8)\" character set)")
                             : "the text has bytes that are not characters in " +
                                   std::string(encoding_name(file.encoding))});
    }
    std::string text = std::move(decoded.utf8);

    // 2. Mojibake: offered, applied only when asked.
    if (auto repair = find_mojibake_repair(text)) {
        MojibakeOffer offer;
        offer.sample = changed_lines(text, repair->repaired);
        offer.repair = std::move(*repair);
        const int32_t first_line = offer.sample.empty() ? 1 : offer.sample.front().line;
        if (options.mojibake == MojibakeChoice::Repair) {
            text = offer.repair.repaired;
            offer.applied = true;
        } else if (options.mojibake == MojibakeChoice::Ask) {
            // The rest is read as repaired, so the preview shows what the repair would give and
            // the only error is the question itself.
            text = offer.repair.repaired;
            std::string message = "the text looks garbled: it is " + offer.repair.written_in + " shown as " +
                                   offer.repair.read_as;
            if (!offer.sample.empty())
                message += " (\"" + offer.sample.front().before + "\" would read \"" + offer.sample.front().after + "\")";
            message += "; repair it (letopis import --fix-mojibake) or keep it as it is (--keep-mojibake)";
            early.push_back({first_line, Severity::Error, std::move(message)});
        }
        file.mojibake = std::move(offer);
    }

    // 3. Format and reader.
    const std::filesystem::path name = file_name.filename();
    if (looks_like_deck(text)) {
        file.format = FileFormat::Deck;
        DeckReading reading = read_deck_text(text, name.stem().string());
        file.deck = std::move(reading.deck);
        for (auto& diagnostic : reading.diagnostics) {
            // The decoder has already reported bad bytes, with the encoding's own words.
            if (diagnostic.message.starts_with("the text is not valid UTF-8"))
                continue;
            early.push_back(std::move(diagnostic));
        }
        const bool utf8 = file.encoding == TextEncoding::Utf8;
        const bool declared_or_marked = file.encoding_source == EncodingSource::ByteOrderMark ||
                                        file.encoding_source == EncodingSource::Declared;
        if (!utf8 && !declared_or_marked && options.purpose == ReadPurpose::Lint) {
            early.push_back({1, Severity::Error,
                             "the file is not UTF-8 (it reads as " + std::string(encoding_name(file.encoding)) +
                                 "): save it as UTF-8, or declare the encoding with a line `# encoding: " +
                                 std::string(encoding_name(file.encoding)) + "`"});
        }
    } else {
        file.format = FileFormat::WordList;
        const std::string key = options.deck_key.empty() ? deck_key_for_word_list(name) : options.deck_key;
        const std::string title = options.deck_title.empty() ? name.stem().string() : options.deck_title;
        DeckReading reading = read_word_list(text, key, title, options.columns, &file.layout);
        file.deck = std::move(reading.deck);
        for (auto& diagnostic : reading.diagnostics)
            early.push_back(std::move(diagnostic));
    }
    file.diagnostics = std::move(early);
    sort_by_line(file.diagnostics);
    return file;
}

Result<std::string> read_file_bytes(const std::filesystem::path& path)
{
    try {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            return make_error(ErrorKind::NotFound, path.string() + ": no such file");
        if (std::filesystem::is_directory(path, ec))
            return make_error(ErrorKind::Io, path.string() + ": is a folder, not a file");
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return make_error(ErrorKind::Io, path.string() + ": cannot open the file: " + std::strerror(errno));
        // One read of the whole file: a 50,000-line list is a few megabytes.
        std::string bytes;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec)
            bytes.reserve(static_cast<size_t>(size));
        char buffer[1 << 16];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
            bytes.append(buffer, static_cast<size_t>(in.gcount()));
        if (in.bad())
            return make_error(ErrorKind::Io, path.string() + ": cannot read the file: " + std::strerror(errno));
        return bytes;
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, path.string() + ": " + e.what());
    }
}

Result<ImportedFile> read_import_file(const std::filesystem::path& path, const ImportFileOptions& options)
{
    auto bytes = read_file_bytes(path);
    if (!bytes)
        return bytes.error();
    try {
        return read_import_bytes(*bytes, path, options);
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, path.string() + ": " + e.what());
    }
}

} // namespace letopis
