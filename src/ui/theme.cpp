// A warm paper-and-ink light theme and a soft dark theme; sizes scale with the UI scale.
#include "ui/theme.h"

namespace letopis {
namespace {

constexpr ImU32 rgb(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }

ImVec4 vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

const Palette kLight{
    .text = rgb(43, 40, 36),
    .muted = rgb(120, 112, 102),
    .accent = rgb(122, 46, 42),
    .card = rgb(255, 253, 248),
    .card_edge = rgb(222, 212, 196),
    .new_count = rgb(40, 98, 180),
    .learning_count = rgb(186, 60, 48),
    .review_count = rgb(46, 128, 72),
    .again = rgb(186, 60, 48),
    .hard = rgb(176, 120, 40),
    .good = rgb(46, 128, 72),
    .easy = rgb(40, 98, 180),
};

const Palette kDark{
    .text = rgb(232, 226, 214),
    .muted = rgb(150, 144, 134),
    .accent = rgb(226, 150, 120),
    .card = rgb(40, 41, 45),
    .card_edge = rgb(64, 64, 70),
    .new_count = rgb(110, 160, 230),
    .learning_count = rgb(230, 120, 105),
    .review_count = rgb(110, 190, 130),
    .again = rgb(214, 96, 84),
    .hard = rgb(210, 160, 80),
    .good = rgb(96, 176, 118),
    .easy = rgb(104, 150, 220),
};

} // namespace

const Palette& palette(Theme theme) { return theme == Theme::Dark ? kDark : kLight; }

void apply_theme(Theme theme, float scale)
{
    ImGuiStyle style;
    const Palette& p = palette(theme);
    if (theme == Theme::Dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);

    const ImU32 background = theme == Theme::Dark ? rgb(30, 31, 34) : rgb(246, 241, 231);
    const ImU32 button = theme == Theme::Dark ? rgb(52, 53, 58) : rgb(234, 226, 212);
    const ImU32 button_hover = theme == Theme::Dark ? rgb(66, 67, 74) : rgb(224, 212, 194);
    const ImU32 button_active = theme == Theme::Dark ? rgb(80, 80, 90) : rgb(212, 198, 178);
    auto& c = style.Colors;
    c[ImGuiCol_Text] = vec(p.text);
    c[ImGuiCol_TextDisabled] = vec(p.muted);
    c[ImGuiCol_WindowBg] = vec(background);
    c[ImGuiCol_ChildBg] = vec(p.card);
    c[ImGuiCol_PopupBg] = vec(p.card);
    c[ImGuiCol_Border] = vec(p.card_edge);
    c[ImGuiCol_FrameBg] = vec(button);
    c[ImGuiCol_FrameBgHovered] = vec(button_hover);
    c[ImGuiCol_FrameBgActive] = vec(button_active);
    c[ImGuiCol_Button] = vec(button);
    c[ImGuiCol_ButtonHovered] = vec(button_hover);
    c[ImGuiCol_ButtonActive] = vec(button_active);
    c[ImGuiCol_Header] = vec(button);
    c[ImGuiCol_HeaderHovered] = vec(button_hover);
    c[ImGuiCol_HeaderActive] = vec(button_active);
    c[ImGuiCol_Separator] = vec(p.card_edge);
    c[ImGuiCol_TableHeaderBg] = vec(background);
    c[ImGuiCol_TableBorderLight] = vec(p.card_edge);
    c[ImGuiCol_TableBorderStrong] = vec(p.card_edge);
    c[ImGuiCol_NavHighlight] = vec(p.accent);
    c[ImGuiCol_CheckMark] = vec(p.accent);

    style.WindowPadding = ImVec2(28, 22);
    style.FramePadding = ImVec2(14, 8);
    style.ItemSpacing = ImVec2(12, 10);
    style.CellPadding = ImVec2(10, 8);
    style.FrameRounding = 8;
    style.ChildRounding = 14;
    style.PopupRounding = 8;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.ScrollbarSize = 12;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

} // namespace letopis
