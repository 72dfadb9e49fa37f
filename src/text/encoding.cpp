// Encoding detection, decoding and mojibake repair (see encoding.h). ICU supplies the 8-bit code
// page tables once; after that every conversion is a table lookup, which keeps a 50,000-line
// import fast. The guesser follows the measurements in notes-russian-text.md: ICU's own detector
// picks ISO-8859-1 for short Russian word lists and cannot detect CP866 at all.
#include "text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <vector>

#include "util/utf8.h"

namespace letopis {
namespace {

constexpr char32_t kReplacement = utf8::kReplacement;
constexpr char32_t kUndefined = 0xFFFFFFFF; // a byte the code page does not define

// The 8-bit code pages: the four a Russian file may be in, and three it may be misread as.
enum class CodePage : uint8_t { Windows1251, Koi8R, Cp866, Iso8859_5, Windows1250, Windows1252, Latin1, Count };

constexpr std::array<const char*, static_cast<size_t>(CodePage::Count)> kIcuNames = {
    "windows-1251", "KOI8-R", "ibm-866", "ISO-8859-5", "windows-1250", "windows-1252", "ISO-8859-1",
};
constexpr std::array<std::string_view, static_cast<size_t>(CodePage::Count)> kDisplayNames = {
    "windows-1251", "KOI8-R", "CP866", "ISO-8859-5", "windows-1250", "windows-1252", "ISO-8859-1",
};

struct CodePageTable {
    std::array<char32_t, 256> to_unicode{};
    std::vector<int16_t> from_unicode = std::vector<int16_t>(0x10000, -1); // BMP → byte, -1 if none
};

CodePageTable build_table(CodePage page)
{
    CodePageTable table;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(kIcuNames[static_cast<size_t>(page)], &status);
    for (int byte = 0; byte < 256; ++byte) {
        char32_t code_point = byte < 0x80 ? static_cast<char32_t>(byte) : kUndefined;
        if (converter != nullptr && byte >= 0x80) {
            // Stop on an undefined byte instead of substituting, so it can be told apart.
            UErrorCode call_status = U_ZERO_ERROR;
            ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &call_status);
            ucnv_reset(converter);
            const char in = static_cast<char>(byte);
            UChar out[4];
            call_status = U_ZERO_ERROR;
            const int32_t length = ucnv_toUChars(converter, out, 4, &in, 1, &call_status);
            if (U_SUCCESS(call_status) && length == 1 && out[0] != 0xFFFD && out[0] != 0x1A)
                code_point = out[0];
        }
        table.to_unicode[static_cast<size_t>(byte)] = code_point;
        if (code_point != kUndefined && code_point < 0x10000 && table.from_unicode[code_point] < 0)
            table.from_unicode[code_point] = static_cast<int16_t>(byte);
    }
    if (converter != nullptr)
        ucnv_close(converter);
    return table;
}

const CodePageTable& table(CodePage page)
{
    static std::array<CodePageTable, static_cast<size_t>(CodePage::Count)> tables;
    static std::once_flag once;
    std::call_once(once, [] {
        for (size_t i = 0; i < tables.size(); ++i)
            tables[i] = build_table(static_cast<CodePage>(i));
    });
    return tables[static_cast<size_t>(page)];
}

std::optional<CodePage> code_page_of(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Windows1251: return CodePage::Windows1251;
    case TextEncoding::Koi8R: return CodePage::Koi8R;
    case TextEncoding::Cp866: return CodePage::Cp866;
    case TextEncoding::Iso8859_5: return CodePage::Iso8859_5;
    default: return std::nullopt;
    }
}

// Calls fn(code_point) for each character of UTF-8 text; invalid sequences give kReplacement.
// ICU's U8_NEXT, not utf8::next: it gives one U+FFFD for a whole broken sequence (a cut-short
// three-byte letter), where utf8::next gives one per byte, and the scores below count them.
template <typename Fn>
void for_each_code_point(std::string_view utf8, Fn&& fn)
{
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {
            fn(static_cast<char32_t>(s[i++]));
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        fn(c < 0 ? kReplacement : static_cast<char32_t>(c));
    }
}

// Russian lower case only: the other letters of U+0450–U+045F (ђ, ќ, ў, …) are what windows-1251
// text looks like when misread as ISO-8859-5, so they must not score.
bool is_russian_lower(char32_t c) { return (c >= 0x430 && c <= 0x44F) || c == 0x451; }
bool is_other_cyrillic_lower(char32_t c) { return c >= 0x450 && c <= 0x45F && c != 0x451; }
bool is_cyrillic_upper(char32_t c) { return (c >= 0x400 && c <= 0x42F); }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_combining(char32_t c) { return c >= 0x300 && c <= 0x36F; }
bool is_latin_letter(char32_t c) { return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7; }

// Scores characters one at a time (see cyrillic_score).
class Scorer {
public:
    void add(char32_t c)
    {
        if (c < 0x80) {
            m_in_word = is_ascii_letter(c);
            return;
        }
        if (is_combining(c))
            return;
        if (is_russian_lower(c)) {
            m_score += 1;
            m_in_word = true;
        } else if (is_other_cyrillic_lower(c)) {
            m_in_word = true;
        } else if (is_cyrillic_upper(c)) {
            if (m_in_word)
                m_score -= 2;
            m_in_word = true;
        } else {
            m_score -= c == kUndefined ? 5 : 2;
            m_in_word = is_latin_letter(c);
        }
    }
    int64_t score() const { return m_score; }

private:
    int64_t m_score = 0;
    bool m_in_word = false;
};

int64_t code_page_score(std::string_view bytes, CodePage page)
{
    const auto& to_unicode = table(page).to_unicode;
    Scorer scorer;
    for (char byte : bytes)
        scorer.add(to_unicode[static_cast<uint8_t>(byte)]);
    return scorer.score();
}

// UTF-16 without a BOM: Russian and ASCII text put 0x04 or 0x00 in every other byte.
std::optional<TextEncoding> guess_utf16(std::string_view bytes)
{
    const size_t sample = std::min<size_t>(bytes.size(), 8192) & ~size_t{1};
    if (sample < 4)
        return std::nullopt;
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < sample; ++i) {
        const auto b = static_cast<uint8_t>(bytes[i]);
        if (b == 0x00 || b == 0x04)
            ++(i % 2 == 0 ? even : odd);
    }
    const size_t half = sample / 2;
    if (odd * 10 >= half * 4 && odd > even)
        return TextEncoding::Utf16Le;
    if (even * 10 >= half * 4 && even > odd)
        return TextEncoding::Utf16Be;
    return std::nullopt;
}

struct Utf8Stats {
    size_t valid_multibyte = 0;
    size_t invalid = 0;
};

Utf8Stats utf8_stats(std::string_view bytes)
{
    Utf8Stats stats;
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    int32_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0)
            ++stats.invalid;
        else
            ++stats.valid_multibyte;
    }
    return stats;
}

void note_invalid_line(DecodedText& decoded, int32_t line)
{
    if (decoded.invalid_lines.empty() || decoded.invalid_lines.back() != line)
        decoded.invalid_lines.push_back(line);
}

void decode_utf8(std::string_view bytes, DecodedText& out)
{
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    int32_t line = 1;
    int32_t i = 0;
    out.utf8.reserve(bytes.size());
    while (i < length) {
        // Copy runs of ASCII at once: most of a word list is ASCII, tabs and line ends.
        int32_t start = i;
        while (i < length && s[i] < 0x80) {
            if (s[i] == '\n')
                ++line;
            ++i;
        }
        out.utf8.append(bytes.data() + start, static_cast<size_t>(i - start));
        if (i >= length)
            break;
        start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            utf8::append(out.utf8, kReplacement);
            note_invalid_line(out, line);
        } else {
            out.utf8.append(bytes.data() + start, static_cast<size_t>(i - start));
        }
    }
}

void decode_utf16(std::string_view bytes, bool little_endian, DecodedText& out)
{
    int32_t line = 1;
    out.utf8.reserve(bytes.size());
    auto unit_at = [&](size_t i) -> char16_t {
        const auto lo = static_cast<uint8_t>(bytes[little_endian ? i : i + 1]);
        const auto hi = static_cast<uint8_t>(bytes[little_endian ? i + 1 : i]);
        return static_cast<char16_t>(lo | (hi << 8));
    };
    size_t i = 0;
    while (i + 1 < bytes.size()) {
        char32_t c = unit_at(i);
        i += 2;
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < bytes.size()) {
            const char16_t low = unit_at(i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            c = kReplacement;
            note_invalid_line(out, line);
        }
        if (c == '\n')
            ++line;
        utf8::append(out.utf8, c);
    }
    if (i < bytes.size()) { // an odd byte at the end
        utf8::append(out.utf8, kReplacement);
        note_invalid_line(out, line);
    }
}

void decode_code_page(std::string_view bytes, CodePage page, DecodedText& out)
{
    const auto& to_unicode = table(page).to_unicode;
    int32_t line = 1;
    out.utf8.reserve(bytes.size() * 2);
    for (char byte : bytes) {
        char32_t c = to_unicode[static_cast<uint8_t>(byte)];
        if (c == '\n')
            ++line;
        if (c == kUndefined) {
            c = kReplacement;
            note_invalid_line(out, line);
        }
        utf8::append(out.utf8, c);
    }
}

// Re-encodes UTF-8 text in an 8-bit code page; fails if any character has no byte there.
std::optional<std::string> to_code_page(std::string_view utf8, CodePage page)
{
    const auto& from_unicode = table(page).from_unicode;
    std::string out;
    out.reserve(utf8.size());
    bool ok = true;
    for_each_code_point(utf8, [&](char32_t c) {
        if (!ok)
            return;
        if (c < 0x80) {
            out += static_cast<char>(c);
            return;
        }
        const int16_t byte = c < 0x10000 ? from_unicode[c] : -1;
        if (byte < 0)
            ok = false;
        else
            out += static_cast<char>(byte);
    });
    if (!ok)
        return std::nullopt;
    return out;
}

// (code page the text was shown in, code page it really is in); nullopt means UTF-8.
struct MojibakeCandidate {
    CodePage read_as;
    std::optional<CodePage> written_in;
};

constexpr MojibakeCandidate kMojibakeCandidates[] = {
    {CodePage::Windows1250, CodePage::Windows1251}, {CodePage::Windows1252, CodePage::Windows1251},
    {CodePage::Latin1, CodePage::Windows1251},      {CodePage::Koi8R, CodePage::Windows1251},
    {CodePage::Windows1251, CodePage::Koi8R},       {CodePage::Windows1252, CodePage::Koi8R},
    {CodePage::Latin1, CodePage::Koi8R},            {CodePage::Windows1251, CodePage::Cp866},
    {CodePage::Windows1252, CodePage::Cp866},       {CodePage::Windows1251, std::nullopt},
    {CodePage::Windows1252, std::nullopt},          {CodePage::Latin1, std::nullopt},
    {CodePage::Windows1250, std::nullopt},          {CodePage::Koi8R, std::nullopt},
};

// The text as it reads once the wrong code page is undone; nullopt if that loses anything.
std::optional<std::string> undo_mojibake(std::string_view utf8, const MojibakeCandidate& candidate)
{
    auto bytes = to_code_page(utf8, candidate.read_as);
    if (!bytes)
        return std::nullopt;
    DecodedText decoded;
    if (candidate.written_in) {
        decode_code_page(*bytes, *candidate.written_in, decoded);
    } else {
        if (utf8_stats(*bytes).invalid > 0)
            return std::nullopt;
        decode_utf8(*bytes, decoded);
    }
    if (!decoded.invalid_lines.empty())
        return std::nullopt;
    return std::move(decoded.utf8);
}

std::string ascii_lower(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (c != '-' && c != '_' && c != ' ')
            out += c;
    }
    return out;
}

} // namespace

std::string_view encoding_name(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf16Le: return "UTF-16LE";
    case TextEncoding::Utf16Be: return "UTF-16BE";
    case TextEncoding::Windows1251: return "windows-1251";
    case TextEncoding::Koi8R: return "KOI8-R";
    case TextEncoding::Cp866: return "CP866";
    case TextEncoding::Iso8859_5: return "ISO-8859-5";
    }
    VERIFY_NOT_REACHED();
}

std::optional<TextEncoding> encoding_from_name(std::string_view name)
{
    // Hyphens, underscores and spaces are ignored: "UTF-8", "utf8" and "utf_8" are one name.
    const std::string key = ascii_lower(name);
    struct Alias {
        std::string_view name;
        TextEncoding encoding;
    };
    static constexpr Alias kAliases[] = {
        {"utf8", TextEncoding::Utf8},          {"utf16le", TextEncoding::Utf16Le},
        {"utf16", TextEncoding::Utf16Le},      {"utf16be", TextEncoding::Utf16Be},
        {"windows1251", TextEncoding::Windows1251}, {"cp1251", TextEncoding::Windows1251},
        {"win1251", TextEncoding::Windows1251}, {"1251", TextEncoding::Windows1251},
        {"koi8r", TextEncoding::Koi8R},        {"koi8", TextEncoding::Koi8R},
        {"cp866", TextEncoding::Cp866},        {"ibm866", TextEncoding::Cp866},
        {"866", TextEncoding::Cp866},          {"dos", TextEncoding::Cp866},
        {"iso88595", TextEncoding::Iso8859_5},
    };
    for (const auto& alias : kAliases) {
        if (alias.name == key)
            return alias.encoding;
    }
    return std::nullopt;
}

std::string_view encoding_source_name(EncodingSource source)
{
    switch (source) {
    case EncodingSource::ByteOrderMark: return "byte-order mark";
    case EncodingSource::Declared: return "declared in the file";
    case EncodingSource::Detected: return "detected";
    case EncodingSource::Chosen: return "chosen";
    }
    VERIFY_NOT_REACHED();
}

size_t byte_order_mark_length(std::string_view bytes)
{
    if (bytes.starts_with("\xEF\xBB\xBF"))
        return 3;
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        return 2;
    return 0;
}

TextEncoding detect_encoding(std::string_view bytes)
{
    if (bytes.starts_with("\xEF\xBB\xBF"))
        return TextEncoding::Utf8;
    if (bytes.starts_with("\xFF\xFE"))
        return TextEncoding::Utf16Le;
    if (bytes.starts_with("\xFE\xFF"))
        return TextEncoding::Utf16Be;
    if (auto utf16 = guess_utf16(bytes))
        return *utf16;

    const Utf8Stats stats = utf8_stats(bytes);
    // A few broken sequences in a mostly-UTF-8 file are damage, not another encoding: an 8-bit
    // Russian text almost never forms valid multi-byte sequences by chance.
    if (stats.invalid == 0 || stats.valid_multibyte >= 2 * stats.invalid)
        return TextEncoding::Utf8;

    TextEncoding best = TextEncoding::Windows1251;
    int64_t best_score = 0;
    bool first = true;
    for (TextEncoding candidate : {TextEncoding::Windows1251, TextEncoding::Koi8R, TextEncoding::Cp866,
                                   TextEncoding::Iso8859_5}) {
        const int64_t score = code_page_score(bytes, *code_page_of(candidate));
        if (first || score > best_score) {
            best = candidate;
            best_score = score;
            first = false;
        }
    }
    return best;
}

DecodedText decode_text(std::string_view bytes, TextEncoding encoding)
{
    DecodedText out;
    out.encoding = encoding;
    switch (encoding) {
    case TextEncoding::Utf8:
        if (bytes.starts_with("\xEF\xBB\xBF")) {
            bytes.remove_prefix(3);
            out.had_bom = true;
        }
        decode_utf8(bytes, out);
        break;
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be: {
        const bool little = encoding == TextEncoding::Utf16Le;
        if (bytes.starts_with(little ? "\xFF\xFE" : "\xFE\xFF")) {
            bytes.remove_prefix(2);
            out.had_bom = true;
        }
        decode_utf16(bytes, little, out);
        break;
    }
    default:
        decode_code_page(bytes, *code_page_of(encoding), out);
        break;
    }
    return out;
}

Result<std::string> encode_text(std::string_view utf8, TextEncoding encoding)
{
    if (encoding == TextEncoding::Utf8)
        return std::string(utf8);
    if (encoding == TextEncoding::Utf16Le || encoding == TextEncoding::Utf16Be) {
        const bool little = encoding == TextEncoding::Utf16Le;
        std::string out;
        auto put = [&](char16_t unit) {
            const char lo = static_cast<char>(unit & 0xFF);
            const char hi = static_cast<char>(unit >> 8);
            out += little ? lo : hi;
            out += little ? hi : lo;
        };
        for_each_code_point(utf8, [&](char32_t c) {
            if (c >= 0x10000) {
                put(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
                put(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
            } else {
                put(static_cast<char16_t>(c));
            }
        });
        return out;
    }
    auto encoded = to_code_page(utf8, *code_page_of(encoding));
    if (!encoded) {
        return make_error(ErrorKind::InvalidInput,
                          "the text has characters that " + std::string(encoding_name(encoding)) + " cannot hold");
    }
    return std::move(*encoded);
}

int64_t cyrillic_score(std::string_view utf8)
{
    Scorer scorer;
    for_each_code_point(utf8, [&](char32_t c) { scorer.add(c); });
    return scorer.score();
}

std::optional<MojibakeRepair> find_mojibake_repair(std::string_view utf8)
{
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; }))
        return std::nullopt;

    // Text that is mostly Russian letters already is not garbled; most files stop here, before
    // any re-encoding.
    size_t russian = 0, other = 0;
    for_each_code_point(utf8, [&](char32_t c) {
        if (c < 0x80 || is_combining(c))
            return;
        ++(is_russian_lower(c) ? russian : other);
    });
    if (russian >= 2 * other)
        return std::nullopt;

    // The candidates are judged on the first 64 KiB (whole lines); the winner is then applied to
    // the whole text, and must be lossless there too.
    constexpr size_t kSample = 1 << 16;
    std::string_view sample = utf8;
    if (sample.size() > kSample) {
        const size_t end = sample.rfind('\n', kSample);
        sample = sample.substr(0, end == std::string_view::npos || end == 0 ? kSample : end);
    }

    // A repair must read clearly better than the text as it is, and like more than a stray
    // accented letter ("café" undone from windows-1252 gives "cafй").
    constexpr int64_t kMinimumScore = 4;
    const int64_t original = cyrillic_score(sample);
    const MojibakeCandidate* best = nullptr;
    std::string best_text;
    int64_t best_score = std::max<int64_t>(original, kMinimumScore - 1);
    for (const auto& candidate : kMojibakeCandidates) {
        auto repaired = undo_mojibake(sample, candidate);
        if (!repaired)
            continue;
        const int64_t score = cyrillic_score(*repaired);
        if (score > best_score) {
            best_score = score;
            best = &candidate;
            best_text = std::move(*repaired);
        }
    }
    if (best == nullptr)
        return std::nullopt;
    if (sample.size() < utf8.size()) {
        auto whole = undo_mojibake(utf8, *best);
        if (!whole)
            return std::nullopt;
        best_text = std::move(*whole);
    }
    return MojibakeRepair{std::move(best_text), std::string(kDisplayNames[static_cast<size_t>(best->read_as)]),
                          best->written_in ? std::string(kDisplayNames[static_cast<size_t>(*best->written_in)])
                                           : std::string("UTF-8")};
}

} // namespace letopis
