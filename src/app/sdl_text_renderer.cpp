// SDL_ttf rendering of card faces, cached per (text, size, colour, wrap width, weight).
#include "app/sdl_text_renderer.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <cmath>

#include "app/stressed_text_surface.h"

namespace letopis {
namespace {

// Card faces are few and small; past this many textures the cache starts again.
constexpr size_t kMaxCachedTextures = 96;

} // namespace

SdlTextRenderer::SdlTextRenderer(SDL_Renderer* renderer, std::filesystem::path fonts_dir)
    : m_renderer(renderer), m_fonts_dir(std::move(fonts_dir))
{
}

SdlTextRenderer::~SdlTextRenderer()
{
    clear_textures();
    for (auto& [key, font] : m_fonts)
        TTF_CloseFont(font);
}

void SdlTextRenderer::trim()
{
    if (m_textures.size() >= kMaxCachedTextures)
        clear_textures();
}

void SdlTextRenderer::clear_textures()
{
    for (auto& [key, cached] : m_textures)
        SDL_DestroyTexture(cached.texture);
    m_textures.clear();
}

TTF_Font* SdlTextRenderer::font(int pixel_size, bool bold)
{
    const auto key = std::make_pair(pixel_size, bold);
    if (auto it = m_fonts.find(key); it != m_fonts.end())
        return it->second;
    const auto file = m_fonts_dir / (bold ? "PTS75F.ttf" : "PTS55F.ttf");
    TTF_Font* opened = TTF_OpenFont(file.c_str(), pixel_size);
    if (!opened)
        return nullptr;
    // HarfBuzz needs the script to pick the right mark positioning for Cyrillic.
    TTF_SetFontScriptName(opened, "Cyrl");
    TTF_SetFontHinting(opened, TTF_HINTING_LIGHT);
    m_fonts.emplace(key, opened);
    return opened;
}

std::optional<RenderedText> SdlTextRenderer::render(std::string_view utf8, float pixel_size, ImU32 colour,
                                                    float wrap_width, bool bold)
{
    const int size = static_cast<int>(std::lround(pixel_size));
    const int wrap = static_cast<int>(wrap_width);
    TextureKey key{std::string(utf8), size, colour, wrap, bold};
    if (auto it = m_textures.find(key); it != m_textures.end())
        return RenderedText{it->second.texture, ImVec2(float(it->second.width), float(it->second.height))};

    TTF_Font* face = font(size, bold);
    if (!face)
        return std::nullopt;
    const SDL_Color sdl_colour{static_cast<Uint8>(colour & 0xFF), static_cast<Uint8>((colour >> 8) & 0xFF),
                               static_cast<Uint8>((colour >> 16) & 0xFF), static_cast<Uint8>((colour >> 24) & 0xFF)};
    SDL_Surface* surface = render_stressed_text(face, utf8, sdl_colour, wrap, StressMarks::Show);
    if (!surface)
        return std::nullopt;
    SDL_Texture* texture = SDL_CreateTextureFromSurface(m_renderer, surface);
    const int width = surface->w;
    const int height = surface->h;
    SDL_FreeSurface(surface);
    if (!texture)
        return std::nullopt;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    m_textures.emplace(std::move(key), CachedTexture{texture, width, height});
    return RenderedText{texture, ImVec2(float(width), float(height))};
}

} // namespace letopis
