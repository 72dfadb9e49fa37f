// Writes what the renderer has drawn to a PNG file.
#pragma once

#include <filesystem>

#include "util/result.h"

struct SDL_Renderer;

namespace letopis {

Status write_screenshot(SDL_Renderer* renderer, const std::filesystem::path& file);

} // namespace letopis
