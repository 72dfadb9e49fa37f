// Stress marks are drawn centred over their vowels — on card faces (SDL_ttf) and in the ImGui
// atlas (chrome, input fields, lists) — for every vowel, lower and upper case, at several sizes.
// Each test compares the accent's ink box with the vowel's in the pixels actually produced.
#include <gtest/gtest.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <imgui.h>

#include <string>

#include "app/fonts.h"
#include "app/stressed_text_surface.h"
#include "ui/stress_glyphs.h"
#include "util/utf8.h"

namespace letopis {
namespace {

// Ink boxes of the two parts of a stressed letter: the accent on top, then blank rows, then the vowel.
struct Parts {
    bool separated = false;
    int accent_x0 = 0, accent_x1 = 0, accent_y1 = 0;
    int vowel_x0 = 0, vowel_x1 = 0, vowel_y0 = 0;
    double accent_centre() const { return (accent_x0 + accent_x1) / 2.0; }
    double vowel_centre() const { return (vowel_x0 + vowel_x1) / 2.0; }
};

template <typename AlphaAt>
Parts split_parts(int width, int height, AlphaAt alpha_at, int x_from = 0, int x_to = -1)
{
    if (x_to < 0)
        x_to = width;
    auto row_has_ink = [&](int y) {
        for (int x = x_from; x < x_to; ++x)
            if (alpha_at(x, y) > 60)
                return true;
        return false;
    };
    auto columns = [&](int y0, int y1, int& lo, int& hi) {
        lo = x_to;
        hi = x_from;
        for (int y = y0; y < y1; ++y)
            for (int x = x_from; x < x_to; ++x)
                if (alpha_at(x, y) > 60) {
                    lo = std::min(lo, x);
                    hi = std::max(hi, x + 1);
                }
    };
    Parts parts;
    int y = 0;
    while (y < height && !row_has_ink(y))
        ++y;
    const int accent_top = y;
    while (y < height && row_has_ink(y))
        ++y;
    parts.accent_y1 = y;
    while (y < height && !row_has_ink(y))
        ++y;
    parts.vowel_y0 = y;
    parts.separated = parts.vowel_y0 > parts.accent_y1 && parts.vowel_y0 < height;
    columns(accent_top, parts.accent_y1, parts.accent_x0, parts.accent_x1);
    columns(parts.vowel_y0, height, parts.vowel_x0, parts.vowel_x1);
    return parts;
}

struct SdlTtf : ::testing::Test {
    static void SetUpTestSuite() { ASSERT_EQ(TTF_Init(), 0) << TTF_GetError(); }
    static void TearDownTestSuite() { TTF_Quit(); }
};

Uint8 surface_alpha(const SDL_Surface* s, int x, int y)
{
    return static_cast<Uint8>(reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s->pixels) + y * s->pitch)[x] >> 24);
}

TEST_F(SdlTtf, CardFacesCentreEveryStressMarkOverItsVowel)
{
    for (int size : {28, 48, 72}) {
        TTF_Font* font = TTF_OpenFont(LETOPIS_SOURCE_DIR "/fonts/PTS55F.ttf", size);
        ASSERT_NE(font, nullptr);
        TTF_SetFontScriptName(font, "Cyrl");
        for (char32_t vowel : kStressableVowels) {
            const std::string text = utf8::encode(vowel) + "\u0301";
            SDL_Surface* s = render_stressed_text(font, text, SDL_Color{0, 0, 0, 255}, 0, StressMarks::Show);
            ASSERT_NE(s, nullptr);
            const Parts parts = split_parts(s->w, s->h, [&](int x, int y) { return surface_alpha(s, x, y); });
            EXPECT_TRUE(parts.separated) << text << " at " << size << " px: the accent touches the vowel";
            EXPECT_NEAR(parts.accent_centre(), parts.vowel_centre(), 1.0) << text << " at " << size << " px";
            SDL_FreeSurface(s);
        }
        TTF_CloseFont(font);
    }
}

TEST_F(SdlTtf, TheMarkSitsOnTheVowelItFollows)
{
    TTF_Font* font = TTF_OpenFont(LETOPIS_SOURCE_DIR "/fonts/PTS55F.ttf", 48);
    ASSERT_NE(font, nullptr);
    int plain_width = 0, h = 0, prefix_first = 0, prefix_second = 0;
    TTF_SizeUTF8(font, "замок", &plain_width, &h);
    TTF_SizeUTF8(font, "з", &prefix_first, &h);     // за́мок: the mark is over the 2nd letter
    TTF_SizeUTF8(font, "зам", &prefix_second, &h);  // замо́к: over the 4th
    for (auto [text, left] : {std::pair{"за\u0301мок", prefix_first}, std::pair{"замо\u0301к", prefix_second}}) {
        SDL_Surface* s = render_stressed_text(font, text, SDL_Color{0, 0, 0, 255}, 0, StressMarks::Show);
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(s->w, plain_width) << "the marks add no width";
        const Parts parts = split_parts(s->w, s->h, [&](int x, int y) { return surface_alpha(s, x, y); });
        EXPECT_GT(parts.accent_centre(), left) << text;
        EXPECT_LT(parts.accent_centre(), left + 30) << text;
        SDL_FreeSurface(s);
    }
    // Hidden marks: nothing above the lowercase letters.
    SDL_Surface* hidden = render_stressed_text(font, "за\u0301мок", SDL_Color{0, 0, 0, 255}, 0, StressMarks::Hide);
    SDL_Surface* plain = render_stressed_text(font, "замок", SDL_Color{0, 0, 0, 255}, 0, StressMarks::Show);
    ASSERT_TRUE(hidden && plain);
    const Parts a = split_parts(hidden->w, hidden->h, [&](int x, int y) { return surface_alpha(hidden, x, y); });
    const Parts b = split_parts(plain->w, plain->h, [&](int x, int y) { return surface_alpha(plain, x, y); });
    EXPECT_EQ(a.accent_y1, b.accent_y1);
    SDL_FreeSurface(hidden);
    SDL_FreeSurface(plain);
    TTF_CloseFont(font);
}

TEST_F(SdlTtf, WrappedLinesKeepTheirMarks)
{
    TTF_Font* font = TTF_OpenFont(LETOPIS_SOURCE_DIR "/fonts/PTS55F.ttf", 24);
    ASSERT_NE(font, nullptr);
    SDL_Surface* one = render_stressed_text(font, "Вре\u0301менное прави\u0301тельство", SDL_Color{0, 0, 0, 255}, 0,
                                            StressMarks::Show);
    SDL_Surface* two = render_stressed_text(font, "Вре\u0301менное прави\u0301тельство", SDL_Color{0, 0, 0, 255}, 120,
                                            StressMarks::Show);
    ASSERT_TRUE(one && two);
    EXPECT_GT(two->h, one->h * 3 / 2) << "expected two lines";
    EXPECT_LE(two->w, std::max(120, one->w / 2 + 30));
    SDL_FreeSurface(one);
    SDL_FreeSurface(two);
    TTF_CloseFont(font);
}

TEST(AtlasStressGlyphs, EveryStressedVowelIsCentredAtEveryScale)
{
    for (float scale : {1.0f, 1.5f, 2.0f}) {
        ImGui::CreateContext();
        auto fonts = load_fonts(LETOPIS_SOURCE_DIR "/fonts", scale);
        ASSERT_TRUE(fonts.ok()) << fonts.error().message;
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        ASSERT_NE(atlas.TexPixelsAlpha8, nullptr);
        for (ImFont* font : {fonts->body, fonts->small, fonts->title}) {
            for (char32_t vowel : kStressableVowels) {
                const ImFontGlyph* glyph = font->FindGlyph(static_cast<ImWchar>(stress_glyph_for(vowel)));
                ASSERT_NE(glyph, nullptr);
                ASSERT_EQ(glyph->Codepoint, stress_glyph_for(vowel)) << "no stressed glyph for " << utf8::encode(vowel);
                EXPECT_EQ(glyph->AdvanceX, font->FindGlyph(static_cast<ImWchar>(vowel))->AdvanceX);
                const int x0 = static_cast<int>(glyph->U0 * atlas.TexWidth + 0.5f);
                const int y0 = static_cast<int>(glyph->V0 * atlas.TexHeight + 0.5f);
                const int w = static_cast<int>((glyph->U1 - glyph->U0) * atlas.TexWidth + 0.5f);
                const int h = static_cast<int>((glyph->V1 - glyph->V0) * atlas.TexHeight + 0.5f);
                const Parts parts = split_parts(w, h, [&](int x, int y) {
                    return atlas.TexPixelsAlpha8[(y0 + y) * atlas.TexWidth + x0 + x];
                });
                EXPECT_TRUE(parts.separated) << utf8::encode(vowel) << " at " << font->FontSize << " px";
                EXPECT_NEAR(parts.accent_centre(), parts.vowel_centre(), 1.0)
                    << utf8::encode(vowel) << " at " << font->FontSize << " px";
            }
        }
        ImGui::DestroyContext();
    }
}

} // namespace
} // namespace letopis
