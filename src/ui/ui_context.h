// Everything a screen needs to draw, bundled so screens take one argument.
#pragma once

#include "ui/speech_output.h"
#include "ui/theme.h"
#include "ui/ui_host.h"

namespace letopis {

struct UiContext {
    UiFonts fonts;
    TextRenderer* text = nullptr; // may be null (tests): faces fall back to the ImGui atlas
    KeyCodes keys;
    UiPreferences preferences;
    SpeechOutput* speech = nullptr; // may be null (tests, or no speech at all)

    const Palette& colours() const { return palette(preferences.theme); }
    float px(float size) const { return size * preferences.scale; }
};

} // namespace letopis
