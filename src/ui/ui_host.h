// What the app hands to the UI: fonts, a renderer for shaped text, key codes, preferences.
// Keeps SDL out of the UI: the app fills these in, tests fill them with fakes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <imgui.h>

namespace letopis {

enum class Theme : uint8_t { Light, Dark };

struct UiPreferences {
    Theme theme = Theme::Light;
    float scale = 1.0f; // 0.75 .. 2.0; the app rebuilds the font atlas when it changes
    bool show_stress = true; // stress marks over vowels (some learners practise without them)
    bool phonetic_typing = false; // Latin keys become Russian letters in the answer field
    bool show_keyboard = true;    // the on-screen ЙЦУКЕН keyboard under the answer field
    bool operator==(const UiPreferences&) const = default;
};
inline constexpr float kMinScale = 0.75f;
inline constexpr float kMaxScale = 2.0f;

struct UiFonts {
    ImFont* body = nullptr;   // chrome text
    ImFont* small = nullptr;  // hints, secondary information
    ImFont* title = nullptr;  // screen titles (bold)
    ImFont* large = nullptr;  // fallback for card faces when no TextRenderer is available
};

// Key indices into io.KeysDown for keys that ImGui 1.86 has no ImGuiKey for.
struct KeyCodes {
    int digit[4] = {-1, -1, -1, -1};        // the 1..4 keys of the main row
    int keypad_digit[4] = {-1, -1, -1, -1}; // the 1..4 keys of the keypad
    int plus = -1;                          // '=' / '+' key (scale up with Ctrl)
    int minus = -1;                         // '-' key (scale down with Ctrl)
    int keypad_plus = -1;
    int keypad_minus = -1;
    int f2 = -1;                            // theme switch
    int f3 = -1;                            // stress marks on/off
    int f4 = -1;                            // phonetic typing on/off
    int f5 = -1;                            // romanization on/off
    int r = -1;                             // speak the Russian side again
    int o = -1;                             // the selected deck's options (deck list)
};

struct RenderedText {
    ImTextureID texture = nullptr;
    ImVec2 size; // in pixels
};

// Renders shaped text (HarfBuzz: stress marks centred over their vowels) into a cached texture.
class TextRenderer {
public:
    virtual ~TextRenderer() = default;
    // `pixel_size` is the font size; `wrap_width` 0 means one line. Returns nothing if it cannot.
    virtual std::optional<RenderedText> render(std::string_view utf8, float pixel_size, ImU32 colour,
                                               float wrap_width, bool bold) = 0;
};

} // namespace letopis
