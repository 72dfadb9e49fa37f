// Font atlas: PT Sans with Latin, Cyrillic, combining marks and the punctuation Russian uses.
#include "app/fonts.h"

#include <imgui.h>
#include <imgui_freetype.h>

#include <system_error>
#include <vector>

#include "app/stress_glyph_atlas.h"

namespace letopis {
namespace {

// Basic Latin + Latin-1, combining diacritics (stress marks), Cyrillic, general punctuation
// (— « » …), № and arrows, and the minus sign.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0300, 0x036F, 0x0400, 0x04FF, 0x2000, 0x206F,
    0x2116, 0x2116, 0x2190, 0x2193, 0x2212, 0x2212, 0,
};

} // namespace

Result<UiFonts> load_fonts(const std::filesystem::path& fonts_dir, float scale)
{
    const auto regular = fonts_dir / "PTS55F.ttf";
    const auto bold = fonts_dir / "PTS75F.ttf";
    std::error_code ec;
    for (const auto& file : {regular, bold}) {
        if (!std::filesystem::is_regular_file(file, ec))
            return make_error(ErrorKind::NotFound, "The font " + file.string() + " is missing; reinstall Letopis.");
    }

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;

    UiFonts fonts;
    std::vector<StressGlyphSlot> stress_slots;
    auto add = [&](const std::filesystem::path& file, float size) {
        ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), size, &config, kGlyphRanges);
        if (font)
            reserve_stress_glyphs(*io.Fonts, font, size, stress_slots);
        return font;
    };
    fonts.body = add(regular, 19.0f * scale);
    fonts.small = add(regular, 15.0f * scale);
    fonts.title = add(bold, 24.0f * scale);
    if (!fonts.body || !fonts.small || !fonts.title || !io.Fonts->Build())
        return make_error(ErrorKind::Io, "The fonts in " + fonts_dir.string() + " could not be loaded.");
    paint_stress_glyphs(*io.Fonts, stress_slots);
    return fonts;
}

} // namespace letopis
