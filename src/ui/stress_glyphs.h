// Stressed vowels as single glyphs. ImGui cannot place a combining accent, so the font atlas gets
// one ready-made glyph per stressed vowel (a Private Use Area code point, accent centred over
// the vowel, see app/fonts.cpp), and text is mapped to them just before ImGui draws it.
#pragma once

#include <string>
#include <string_view>

namespace letopis {

inline constexpr char32_t kCombiningAcute = 0x0301;
// The vowels that get a stressed glyph, in the order of their Private Use Area code points.
inline constexpr std::u32string_view kStressableVowels = U"аеиоуыэюяАЕИОУЫЭЮЯ";
inline constexpr char32_t kFirstStressGlyph = 0xE000;

// The Private Use Area code point for `vowel` + U+0301, or 0 if `vowel` is not stressable.
char32_t stress_glyph_for(char32_t vowel);
// The vowel a stress glyph stands for, or 0 if `c` is not one.
char32_t vowel_of_stress_glyph(char32_t c);

// vowel + U+0301 → its stress glyph (for drawing with ImGui).
std::string to_stress_glyphs(std::string_view utf8);
// Stress glyphs → vowel + U+0301 (back to stored text, e.g. from an input field).
std::string from_stress_glyphs(std::string_view utf8);
// Drops stress marks and turns stress glyphs back into plain vowels (the "hide stress" setting).
std::string without_stress(std::string_view utf8);

} // namespace letopis
