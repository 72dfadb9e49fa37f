// The windowed app: SDL window and renderer, ImGui, the idle frame loop, screenshots and scripts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace letopis {

struct WindowOptions {
    std::filesystem::path collection;
    std::optional<std::string> screen;                // open this screen first (decks, review, done)
    std::optional<std::filesystem::path> screenshot;  // write it once the layout has settled, then exit
    std::optional<std::filesystem::path> script;      // replay this UI script, then exit
};

// Returns the process exit status.
int run_window(const WindowOptions& options);

} // namespace letopis
