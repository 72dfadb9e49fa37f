// Composition of stressed-vowel glyphs from the vowel and U+0301 bitmaps already in the atlas.
#include "app/stress_glyph_atlas.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "ui/stress_glyphs.h"

namespace letopis {
namespace {

struct InkBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0; // in line coordinates (pixels), x1/y1 exclusive
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

// A glyph's bitmap in the atlas and where it sits relative to the pen and the line top.
struct GlyphBitmap {
    int atlas_x = 0, atlas_y = 0, width = 0, height = 0;
    int offset_x = 0, offset_y = 0;
};

GlyphBitmap bitmap_of(const ImFontAtlas& atlas, const ImFontGlyph& glyph)
{
    GlyphBitmap bitmap;
    bitmap.atlas_x = static_cast<int>(std::lround(glyph.U0 * atlas.TexWidth));
    bitmap.atlas_y = static_cast<int>(std::lround(glyph.V0 * atlas.TexHeight));
    bitmap.width = static_cast<int>(std::lround((glyph.U1 - glyph.U0) * atlas.TexWidth));
    bitmap.height = static_cast<int>(std::lround((glyph.V1 - glyph.V0) * atlas.TexHeight));
    bitmap.offset_x = static_cast<int>(std::lround(glyph.X0));
    bitmap.offset_y = static_cast<int>(std::lround(glyph.Y0));
    return bitmap;
}

InkBox ink_of(const ImFontAtlas& atlas, const GlyphBitmap& b)
{
    InkBox box{b.width, b.height, 0, 0};
    for (int y = 0; y < b.height; ++y)
        for (int x = 0; x < b.width; ++x)
            if (atlas.TexPixelsAlpha8[(b.atlas_y + y) * atlas.TexWidth + b.atlas_x + x] > 40) {
                box.x0 = std::min(box.x0, x);
                box.y0 = std::min(box.y0, y);
                box.x1 = std::max(box.x1, x + 1);
                box.y1 = std::max(box.y1, y + 1);
            }
    if (box.empty())
        return {};
    return InkBox{box.x0 + b.offset_x, box.y0 + b.offset_y, box.x1 + b.offset_x, box.y1 + b.offset_y};
}

const ImFontGlyph* exact_glyph(const ImFont* font, char32_t c)
{
    const ImFontGlyph* glyph = font->FindGlyph(static_cast<ImWchar>(c));
    return glyph && glyph->Codepoint == c ? glyph : nullptr;
}

void blit_max(ImFontAtlas& atlas, const GlyphBitmap& source, int to_x, int to_y)
{
    for (int y = 0; y < source.height; ++y)
        for (int x = 0; x < source.width; ++x) {
            unsigned char& out = atlas.TexPixelsAlpha8[(to_y + y) * atlas.TexWidth + to_x + x];
            out = std::max(out, atlas.TexPixelsAlpha8[(source.atlas_y + y) * atlas.TexWidth + source.atlas_x + x]);
        }
}

} // namespace

void reserve_stress_glyphs(ImFontAtlas& atlas, ImFont* font, float pixel_size, std::vector<StressGlyphSlot>& slots)
{
    const int width = static_cast<int>(std::ceil(pixel_size * 1.3f)) + 4;
    const int height = static_cast<int>(std::ceil(pixel_size * 1.8f)) + 4;
    for (char32_t vowel : kStressableVowels) {
        const char32_t glyph = stress_glyph_for(vowel);
        const int rect = atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(glyph), width, height, 0.0f);
        slots.push_back(StressGlyphSlot{font, vowel, glyph, rect});
    }
}

int paint_stress_glyphs(ImFontAtlas& atlas, const std::vector<StressGlyphSlot>& slots)
{
    if (!atlas.TexPixelsAlpha8)
        return 0; // the builder made a colour atlas; stress glyphs are then not available
    int painted = 0;
    std::set<ImFont*> touched;
    for (const auto& slot : slots) {
        const ImFontGlyph* vowel = exact_glyph(slot.font, slot.vowel);
        const ImFontGlyph* accent = exact_glyph(slot.font, kCombiningAcute);
        auto* target = const_cast<ImFontGlyph*>(exact_glyph(slot.font, slot.glyph));
        if (!vowel || !accent || !target)
            continue;
        const GlyphBitmap vowel_bitmap = bitmap_of(atlas, *vowel);
        const GlyphBitmap accent_bitmap = bitmap_of(atlas, *accent);
        const InkBox vowel_ink = ink_of(atlas, vowel_bitmap);
        const InkBox accent_ink = ink_of(atlas, accent_bitmap);
        if (vowel_ink.empty() || accent_ink.empty())
            continue;

        // Centre the accent's ink over the vowel's ink; keep the font's height for it unless that
        // would touch the vowel (capitals), then lift it to leave a gap.
        const float size = slot.font->FontSize;
        const int gap = std::max(1, static_cast<int>(std::lround(size * 0.06f)));
        const int shift_x = (vowel_ink.x0 + vowel_ink.x1) / 2 - (accent_ink.x0 + accent_ink.x1) / 2;
        const int shift_y = std::min(0, vowel_ink.y0 - gap - accent_ink.y1);
        const int accent_x = accent_bitmap.offset_x + shift_x;
        const int accent_y = accent_bitmap.offset_y + shift_y;

        const int box_x0 = std::min(vowel_bitmap.offset_x, accent_x);
        const int box_y0 = std::min(vowel_bitmap.offset_y, accent_y);
        const int box_x1 = std::max(vowel_bitmap.offset_x + vowel_bitmap.width, accent_x + accent_bitmap.width);
        const int box_y1 = std::max(vowel_bitmap.offset_y + vowel_bitmap.height, accent_y + accent_bitmap.height);
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(slot.rect);
        if (box_x1 - box_x0 > rect->Width || box_y1 - box_y0 > rect->Height)
            continue;

        for (int y = 0; y < rect->Height; ++y)
            std::memset(atlas.TexPixelsAlpha8 + (rect->Y + y) * atlas.TexWidth + rect->X, 0, rect->Width);
        blit_max(atlas, vowel_bitmap, rect->X + vowel_bitmap.offset_x - box_x0, rect->Y + vowel_bitmap.offset_y - box_y0);
        blit_max(atlas, accent_bitmap, rect->X + accent_x - box_x0, rect->Y + accent_y - box_y0);

        const float w = static_cast<float>(atlas.TexWidth);
        const float h = static_cast<float>(atlas.TexHeight);
        target->X0 = static_cast<float>(box_x0);
        target->Y0 = static_cast<float>(box_y0);
        target->X1 = static_cast<float>(box_x1);
        target->Y1 = static_cast<float>(box_y1);
        target->U0 = rect->X / w;
        target->V0 = rect->Y / h;
        target->U1 = (rect->X + box_x1 - box_x0) / w;
        target->V1 = (rect->Y + box_y1 - box_y0) / h;
        target->AdvanceX = vowel->AdvanceX;
        target->Visible = 1;
        touched.insert(slot.font);
        ++painted;
    }
    // The advance table caches AdvanceX per code point: refresh it for the glyphs just changed.
    for (ImFont* font : touched)
        font->BuildLookupTable();
    return painted;
}

} // namespace letopis
