// Answer field and on-screen keyboard.
#include "ui/answer_input.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>

#include "service/russian_input.h"
#include "ui/stress_glyphs.h"
#include "ui/widgets.h"
#include "util/utf8.h"

namespace letopis {
namespace {

// ЙЦУКЕН rows, lower case; the keyboard shows capitals while Shift is on.
constexpr std::array<std::u32string_view, 3> kRows = {U"ёйцукенгшщзхъ", U"фывапролджэ", U"ячсмитьбю"};

char32_t upper(char32_t c)
{
    if (c == U'ё')
        return U'Ё';
    return c >= U'а' && c <= U'я' ? c - 0x20 : c;
}

void pop_utf8(std::string& s)
{
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
        s.pop_back();
    if (!s.empty())
        s.pop_back();
}

// Keeps the field's text drawable: a stress mark typed after a vowel becomes the atlas's stressed
// glyph (answer() maps it back), and a letter clicked on the on-screen keyboard leaves the cursor
// at the end.
int field_callback(ImGuiInputTextCallbackData* data)
{
    auto* cursor_to_end = static_cast<bool*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        const std::string text(data->Buf, static_cast<size_t>(data->BufTextLen));
        const std::string mapped = to_stress_glyphs(text);
        if (mapped != text) {
            data->DeleteChars(0, data->BufTextLen);
            data->InsertChars(0, mapped.c_str());
        }
    }
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && *cursor_to_end) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        *cursor_to_end = false;
    }
    return 0;
}

} // namespace

std::string AnswerInput::answer() const
{
    return normalized(from_stress_glyphs(m_keys.empty() ? m_buffer : m_keys.text()));
}

void AnswerInput::clear()
{
    m_keys.clear();
    m_buffer.clear();
    m_focus = true;
    m_shift = false;
}

void AnswerInput::type(const std::string& letter, bool phonetic)
{
    if (phonetic) {
        m_keys.type(letter);
    } else {
        m_buffer += letter;
        m_cursor_to_end = true;
    }
    m_focus = true;
}

bool AnswerInput::draw_layout_field(const UiContext& ui, float width)
{
    (void)ui;
    if (m_focus) {
        ImGui::SetKeyboardFocusHere();
        m_focus = false;
    }
    ImGui::SetNextItemWidth(width);
    return ImGui::InputTextWithHint("##answer", "Type the Russian", &m_buffer,
                                    ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways |
                                        ImGuiInputTextFlags_CallbackEdit,
                                    field_callback, &m_cursor_to_end);
}

bool AnswerInput::draw_phonetic_field(const UiContext& ui, float width)
{
    // Keys go to our buffer, not to an ImGui widget: Backspace must remove the last Latin key
    // (shc → шц, one Backspace → ш), which an ordinary text field cannot know.
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= 32 && c != 127)
            m_keys.type(utf8::encode(c));
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), true))
        m_keys.backspace();

    const std::string shown = atlas_text(ui, m_keys.text());
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, ImGui::GetFrameHeight());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg),
                        style.FrameRounding);
    draw->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), ui.colours().accent, style.FrameRounding);
    const ImVec2 text_pos(origin.x + style.FramePadding.x, origin.y + style.FramePadding.y);
    if (shown.empty()) {
        draw->AddText(text_pos, ui.colours().muted, "Type in Latin letters: privet → привет");
    } else {
        draw->AddText(text_pos, ui.colours().text, shown.c_str());
    }
    const float caret_x = text_pos.x + (shown.empty() ? 0.0f : ImGui::CalcTextSize(shown.c_str()).x) + 1.0f;
    draw->AddLine(ImVec2(caret_x, text_pos.y), ImVec2(caret_x, text_pos.y + ImGui::GetFontSize()), ui.colours().text);
    ImGui::Dummy(size);
    m_focus = false;
    return named_key_pressed(ImGuiKey_Enter) || named_key_pressed(ImGuiKey_KeyPadEnter);
}

void AnswerInput::draw_keyboard(const UiContext& ui, bool phonetic)
{
    const float key = ui.px(38);
    const float gap = ui.px(4);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
    const float widest = kRows[0].size() * (key + gap);
    for (size_t row = 0; row < kRows.size(); ++row) {
        float row_width = kRows[row].size() * (key + gap) - gap;
        if (row == 2)
            row_width += 2 * (key * 1.6f + gap);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                             std::max(0.0f, (ImGui::GetContentRegionAvail().x - std::max(row_width, 0.0f)) * 0.5f));
        (void)widest;
        if (row == 2) {
            if (ImGui::Button(m_shift ? "SHIFT" : "Shift", ImVec2(key * 1.6f, key)))
                m_shift = !m_shift;
            ImGui::SameLine();
        }
        for (char32_t letter : kRows[row]) {
            const std::string label = utf8::encode(m_shift ? upper(letter) : letter);
            ImGui::PushID(static_cast<int>(letter));
            if (ImGui::Button(label.c_str(), ImVec2(key, key))) {
                type(label, phonetic);
                m_shift = false;
            }
            ImGui::PopID();
            ImGui::SameLine();
        }
        if (row == 2) {
            if (ImGui::Button("Delete", ImVec2(key * 1.6f, key))) {
                if (phonetic)
                    m_keys.backspace();
                else
                    pop_utf8(m_buffer);
                m_focus = true;
            }
        }
        ImGui::NewLine();
    }
    ImGui::PopStyleVar(2);
}

bool AnswerInput::frame(const UiContext& ui, bool phonetic, bool show_keyboard)
{
    // Switching modes keeps what was typed: the Russian text becomes the field's text.
    if (!phonetic && !m_keys.empty()) {
        m_buffer = m_keys.text();
        m_keys.clear();
        m_cursor_to_end = true;
    }
    const float check_width = ui.px(120);
    const float width = std::max(ui.px(160), ImGui::GetContentRegionAvail().x - check_width - ImGui::GetStyle().ItemSpacing.x);
    bool submitted = phonetic ? draw_phonetic_field(ui, width) : draw_layout_field(ui, width);
    ImGui::SameLine();
    if (ImGui::Button("Check", ImVec2(check_width, 0)))
        submitted = true;
    if (show_keyboard) {
        ImGui::Dummy(ImVec2(0, ui.px(4)));
        draw_keyboard(ui, phonetic);
    }
    return submitted;
}

} // namespace letopis
