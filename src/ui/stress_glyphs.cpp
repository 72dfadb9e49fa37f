// UTF-8 rewriting between vowel + U+0301 and the atlas's stressed-vowel glyphs.
#include "ui/stress_glyphs.h"

namespace letopis {
namespace {

// Decodes one UTF-8 code point at `i`, advancing it; malformed bytes come back as themselves.
char32_t next_code_point(std::string_view s, size_t& i)
{
    const auto byte = static_cast<unsigned char>(s[i]);
    int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 1;
    if (i + length > s.size())
        length = 1;
    char32_t c = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length; ++k)
        c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += length;
    return c;
}

void append_utf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

} // namespace

char32_t stress_glyph_for(char32_t vowel)
{
    const size_t index = kStressableVowels.find(vowel);
    return index == std::u32string_view::npos ? 0 : kFirstStressGlyph + static_cast<char32_t>(index);
}

char32_t vowel_of_stress_glyph(char32_t c)
{
    if (c < kFirstStressGlyph || c >= kFirstStressGlyph + kStressableVowels.size())
        return 0;
    return kStressableVowels[c - kFirstStressGlyph];
}

std::string to_stress_glyphs(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    size_t i = 0;
    while (i < utf8.size()) {
        const size_t start = i;
        const char32_t c = next_code_point(utf8, i);
        if (const char32_t glyph = stress_glyph_for(c); glyph && i < utf8.size()) {
            size_t after = i;
            if (next_code_point(utf8, after) == kCombiningAcute) {
                append_utf8(out, glyph);
                i = after;
                continue;
            }
        }
        out.append(utf8.substr(start, i - start));
    }
    return out;
}

std::string from_stress_glyphs(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size() + 8);
    size_t i = 0;
    while (i < utf8.size()) {
        const size_t start = i;
        const char32_t c = next_code_point(utf8, i);
        if (const char32_t vowel = vowel_of_stress_glyph(c)) {
            append_utf8(out, vowel);
            append_utf8(out, kCombiningAcute);
        } else {
            out.append(utf8.substr(start, i - start));
        }
    }
    return out;
}

std::string without_stress(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    size_t i = 0;
    while (i < utf8.size()) {
        const size_t start = i;
        const char32_t c = next_code_point(utf8, i);
        if (c == kCombiningAcute || c == 0x0300)
            continue;
        if (const char32_t vowel = vowel_of_stress_glyph(c))
            append_utf8(out, vowel);
        else
            out.append(utf8.substr(start, i - start));
    }
    return out;
}

} // namespace letopis
