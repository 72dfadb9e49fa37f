// Small drawing helpers shared by the screens: centred text, card faces, key presses.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/ui_context.h"

namespace letopis {

// True on the frame a key (an io.KeysDown index, or -1 for none) goes down.
bool key_pressed(int key_index);
bool named_key_pressed(ImGuiKey key);

void text_centered(std::string_view text, ImFont* font, ImU32 colour);

// Text as ImGui should draw it: stressed vowels as the atlas's stress glyphs, or without marks
// when the learner has hidden them.
std::string atlas_text(const UiContext& ui, std::string_view text);

// Draws shaped text centred in the current column: through the TextRenderer when there is one
// (stress marks placed by HarfBuzz), else with `fallback`. `wrap_width` 0: one line.
void face_centered(const UiContext& ui, std::string_view text, float pixel_size, ImU32 colour,
                   float wrap_width, bool bold = false);

// A wide button centred in the window; returns true when clicked.
bool button_centered(const char* label, float width);

// A small centred button that speaks `russian`; nothing when speech is unavailable.
void speaker_button(const UiContext& ui, std::string_view russian, const char* label);

// A horizontal hairline of `width`, centred in the current column.
void rule_centered(float width, ImU32 colour);

// A button with a bold first line and a quieter second line, both centred.
bool two_line_button(std::string_view top, std::string_view bottom, ImVec2 size, ImFont* top_font, ImU32 top_colour,
                     ImU32 bottom_colour);

} // namespace letopis
