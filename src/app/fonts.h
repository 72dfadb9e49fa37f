// The one function that touches ImGui's font atlas: builds the chrome fonts at a UI scale.
// Called at start-up and again whenever the scale changes (not FontGlobalScale: that blurs).
#pragma once

#include <filesystem>

#include "ui/ui_host.h"
#include "util/result.h"

namespace letopis {

// Rebuilds the atlas from PT Sans in `fonts_dir`. The caller recreates the renderer's texture.
Result<UiFonts> load_fonts(const std::filesystem::path& fonts_dir, float scale);

} // namespace letopis
