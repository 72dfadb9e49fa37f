// Colours and spacing of the two themes, applied to ImGui's style at a given UI scale.
#pragma once

#include <imgui.h>

#include "ui/ui_host.h"

namespace letopis {

struct Palette {
    ImU32 text;
    ImU32 muted;      // secondary text
    ImU32 accent;     // headings, selection
    ImU32 card;       // card background
    ImU32 card_edge;
    ImU32 new_count;  // the three count colours learners know from Anki
    ImU32 learning_count;
    ImU32 review_count;
    ImU32 again, hard, good, easy; // grade button tints
};

const Palette& palette(Theme theme);
// Resets ImGui's style to the theme at `scale`.
void apply_theme(Theme theme, float scale);

} // namespace letopis
