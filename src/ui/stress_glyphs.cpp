// UTF-8 rewriting between vowel + U+0301 and the atlas's stressed-vowel glyphs. Bytes that are
// not valid UTF-8 decode as U+FFFD, match nothing and are copied through as they are.
#include "ui/stress_glyphs.h"

#include "util/utf8.h"

namespace letopis {

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
        const char32_t c = utf8::next(utf8, i);
        if (const char32_t glyph = stress_glyph_for(c); glyph && i < utf8.size()) {
            size_t after = i;
            if (utf8::next(utf8, after) == kCombiningAcute) {
                utf8::append(out, glyph);
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
        const char32_t c = utf8::next(utf8, i);
        if (const char32_t vowel = vowel_of_stress_glyph(c)) {
            utf8::append(out, vowel);
            utf8::append(out, kCombiningAcute);
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
        const char32_t c = utf8::next(utf8, i);
        if (c == kCombiningAcute || c == 0x0300)
            continue;
        if (const char32_t vowel = vowel_of_stress_glyph(c))
            utf8::append(out, vowel);
        else
            out.append(utf8.substr(start, i - start));
    }
    return out;
}

} // namespace letopis
