// Drawing helpers for the screens.
#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include "ui/stress_glyphs.h"

namespace letopis {

bool key_pressed(int key_index)
{
    return key_index >= 0 && ImGui::IsKeyPressed(key_index, false);
}

bool named_key_pressed(ImGuiKey key) { return key_pressed(ImGui::GetKeyIndex(key)); }

std::string atlas_text(const UiContext& ui, std::string_view text)
{
    return ui.preferences.show_stress ? to_stress_glyphs(text) : without_stress(text);
}

void text_centered(std::string_view text, ImFont* font, ImU32 colour)
{
    if (font)
        ImGui::PushFont(font);
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const float width = ImGui::CalcTextSize(begin, end).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - width) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(begin, end);
    ImGui::PopStyleColor();
    if (font)
        ImGui::PopFont();
}

void face_centered(const UiContext& ui, std::string_view text, float pixel_size, ImU32 colour,
                   float wrap_width, bool bold)
{
    if (text.empty())
        return;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (ui.text) {
        const std::string shown = ui.preferences.show_stress ? std::string(text) : without_stress(text);
        if (auto rendered = ui.text->render(shown, pixel_size, colour, wrap_width, bold)) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - rendered->size.x) * 0.5f));
            ImGui::Image(rendered->texture, rendered->size);
            return;
        }
    }
    // Fallback: the ImGui atlas (no shaping). Only used when no renderer is available.
    const std::string drawn = atlas_text(ui, text);
    text = drawn;
    ImFont* font = ui.fonts.large ? ui.fonts.large : ImGui::GetFont();
    ImGui::PushFont(font);
    const float scale = pixel_size / font->FontSize;
    ImGui::SetWindowFontScale(scale);
    const float width = std::min(ImGui::CalcTextSize(text.data(), text.data() + text.size()).x,
                                 wrap_width > 0 ? wrap_width : avail);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - width) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(wrap_width > 0 ? ImGui::GetCursorPosX() + wrap_width : 0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
}

bool button_centered(const char* label, float width)
{
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - width) * 0.5f));
    return ImGui::Button(label, ImVec2(width, 0));
}

void speaker_button(const UiContext& ui, std::string_view russian, const char* label)
{
    if (!ui.speech || !ui.speech->available() || russian.empty())
        return;
    ImGui::PushFont(ui.fonts.small);
    ImGui::PushID(russian.data(), russian.data() + russian.size());
    const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    if (button_centered(label, width))
        ui.speech->say(russian);
    ImGui::PopID();
    ImGui::PopFont();
}

void rule_centered(float width, ImU32 colour)
{
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float x = start.x + std::max(0.0f, (avail - width) * 0.5f);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, start.y), ImVec2(x + width, start.y + 1.0f), colour);
    ImGui::Dummy(ImVec2(avail, 1.0f));
}

bool two_line_button(std::string_view top, std::string_view bottom, ImVec2 size, ImFont* top_font, ImU32 top_colour,
                     ImU32 bottom_colour)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Button("##two_line", size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* bottom_font = ImGui::GetFont();
    const float bottom_size = ImGui::GetFontSize();
    const float top_size = top_font ? top_font->FontSize : bottom_size;
    if (!top_font)
        top_font = bottom_font;
    const ImVec2 top_extent = top_font->CalcTextSizeA(top_size, FLT_MAX, 0, top.data(), top.data() + top.size());
    const ImVec2 bottom_extent =
        bottom_font->CalcTextSizeA(bottom_size, FLT_MAX, 0, bottom.data(), bottom.data() + bottom.size());
    const float y = origin.y + (size.y - top_extent.y - bottom_extent.y) * 0.5f;
    draw->AddText(top_font, top_size, ImVec2(origin.x + (size.x - top_extent.x) * 0.5f, y), top_colour, top.data(),
                  top.data() + top.size());
    draw->AddText(bottom_font, bottom_size, ImVec2(origin.x + (size.x - bottom_extent.x) * 0.5f, y + top_extent.y),
                  bottom_colour, bottom.data(), bottom.data() + bottom.size());
    return clicked;
}

} // namespace letopis
