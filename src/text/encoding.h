// Character encodings of imported files: detection (BOM, UTF-16, strict UTF-8, then a scored
// guess among the Cyrillic 8-bit code pages), decoding to UTF-8, and mojibake repair.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace letopis {

// The encodings a word list or deck file may come in.
enum class TextEncoding : uint8_t {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1251,
    Koi8R,
    Cp866,
    Iso8859_5,
};

inline constexpr TextEncoding kAllTextEncodings[] = {
    TextEncoding::Utf8,        TextEncoding::Utf16Le, TextEncoding::Utf16Be, TextEncoding::Windows1251,
    TextEncoding::Koi8R,       TextEncoding::Cp866,   TextEncoding::Iso8859_5,
};

// Canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1251", "KOI8-R", "CP866", "ISO-8859-5".
std::string_view encoding_name(TextEncoding encoding);
// Accepts the canonical names and common aliases (utf8, cp1251, win1251, koi8r, ibm866, 866, …),
// case-insensitively.
std::optional<TextEncoding> encoding_from_name(std::string_view name);

// How the encoding of a text became known.
enum class EncodingSource : uint8_t { ByteOrderMark, Declared, Detected, Chosen };
std::string_view encoding_source_name(EncodingSource source); // "byte-order mark", "declared", …

// Guesses the encoding of `bytes`: a BOM; UTF-16 without BOM (many 0x00/0x04 bytes at odd or even
// offsets); strict UTF-8 (or mostly UTF-8 with a few broken sequences); else the Cyrillic code
// page whose reading scores best (see cyrillic_score). Pure ASCII counts as UTF-8.
TextEncoding detect_encoding(std::string_view bytes);

// The length of the byte-order mark `bytes` starts with (UTF-8 3, UTF-16 2), else 0.
size_t byte_order_mark_length(std::string_view bytes);

struct DecodedText {
    std::string utf8;                       // the text, a BOM removed; not normalised
    TextEncoding encoding = TextEncoding::Utf8;
    bool had_bom = false;
    // 1-based lines holding bytes that are invalid in `encoding` (each became U+FFFD).
    std::vector<int32_t> invalid_lines;
};

// Decodes `bytes` as `encoding`; a matching BOM is skipped. Never fails: invalid sequences become
// U+FFFD and their lines are listed.
DecodedText decode_text(std::string_view bytes, TextEncoding encoding);

// UTF-8 text in `encoding` (for fixtures and export). InvalidInput if a character has no byte in
// that code page.
Result<std::string> encode_text(std::string_view utf8, TextEncoding encoding);

// How Russian a UTF-8 text looks: +1 per lowercase Russian letter, −2 per capital inside a word,
// −2 per other non-ASCII character (other Cyrillic letters count 0). ASCII counts nothing.
int64_t cyrillic_score(std::string_view utf8);

// A text that reads as Russian once undone from a wrong code page: "Đóńńęŕ˙ âĺđńč˙" is
// windows-1251 bytes shown as windows-1250.
struct MojibakeRepair {
    std::string repaired;  // the whole text, repaired
    std::string read_as;   // the code page the bytes were wrongly shown in, e.g. "windows-1250"
    std::string written_in; // the code page they really are in, e.g. "windows-1251" or "UTF-8"
};

// Finds the repair that makes `utf8` score best as Russian, if it beats the text as it is. Only
// lossless repairs are considered. Offer the result to the user; never apply it silently.
std::optional<MojibakeRepair> find_mojibake_repair(std::string_view utf8);

} // namespace letopis
