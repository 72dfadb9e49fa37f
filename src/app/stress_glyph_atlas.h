// Paints a ready-made glyph for each stressed vowel into ImGui's font atlas: the font's own accent,
// centred over the vowel's ink and lifted clear of capitals. Text is mapped to these glyphs by
// ui/stress_glyphs.h. Must be redone after every atlas rebuild.
#pragma once

#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace letopis {

struct StressGlyphSlot {
    ImFont* font = nullptr;
    char32_t vowel = 0;
    char32_t glyph = 0; // Private Use Area code point
    int rect = -1;      // custom rectangle in the atlas
};

// Before ImFontAtlas::Build: reserves a rectangle per stressed vowel of `font` (sized generously,
// since the glyph metrics are known only after the build).
void reserve_stress_glyphs(ImFontAtlas& atlas, ImFont* font, float pixel_size, std::vector<StressGlyphSlot>& slots);

// After ImFontAtlas::Build, before the texture is created: composes the glyphs and fixes their
// metrics. Returns how many glyphs were painted.
int paint_stress_glyphs(ImFontAtlas& atlas, const std::vector<StressGlyphSlot>& slots);

} // namespace letopis
