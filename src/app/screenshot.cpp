// Screenshot: SDL_RenderReadPixels into RGBA, then stb's PNG writer (libstb, Debian).
#include "app/screenshot.h"

#include <SDL.h>
#include <stb_image_write.h>

#include <vector>

namespace letopis {

Status write_screenshot(SDL_Renderer* renderer, const std::filesystem::path& file)
{
    int width = 0;
    int height = 0;
    if (SDL_GetRendererOutputSize(renderer, &width, &height) != 0)
        return make_error(ErrorKind::Io, std::string("Cannot read the window size: ") + SDL_GetError());
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    // ABGR8888 is R, G, B, A in memory on little-endian machines: what PNG wants.
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), width * 4) != 0)
        return make_error(ErrorKind::Io, std::string("Cannot read the window's pixels: ") + SDL_GetError());
    for (size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255; // the window is opaque, whatever the surface says
    if (!stbi_write_png(file.c_str(), width, height, 4, pixels.data(), width * 4))
        return make_error(ErrorKind::Io, "Cannot write the screenshot " + file.string() + ".");
    return {};
}

} // namespace letopis
