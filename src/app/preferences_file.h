// Remembers the window size, UI scale and theme between runs, in a small key=value file in the
// config folder (per machine, not per collection: a laptop and a desktop want different sizes).
#pragma once

#include <filesystem>

#include "ui/ui_host.h"

namespace letopis {

struct WindowPreferences {
    int width = 1100;
    int height = 760;
    UiPreferences ui;
};

// Missing or unreadable file: defaults. Out-of-range values are clamped.
WindowPreferences load_window_preferences(const std::filesystem::path& file);
// Best effort: a preference that cannot be saved is not worth interrupting the learner for.
void save_window_preferences(const std::filesystem::path& file, const WindowPreferences& preferences);

} // namespace letopis
