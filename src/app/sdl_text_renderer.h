// Shaped text for card faces: SDL_ttf with HarfBuzz renders a string into a texture, so stress
// marks sit centred over their vowels (ImGui 1.86 cannot shape). Textures are cached by content.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <tuple>

#include "ui/ui_host.h"

struct SDL_Renderer;
struct SDL_Texture;
typedef struct _TTF_Font TTF_Font;

namespace letopis {

class SdlTextRenderer final : public TextRenderer {
public:
    SdlTextRenderer(SDL_Renderer* renderer, std::filesystem::path fonts_dir);
    ~SdlTextRenderer() override;
    SdlTextRenderer(const SdlTextRenderer&) = delete;
    SdlTextRenderer& operator=(const SdlTextRenderer&) = delete;

    std::optional<RenderedText> render(std::string_view utf8, float pixel_size, ImU32 colour, float wrap_width,
                                       bool bold) override;

    // Between frames only: textures drawn in the current frame must stay alive until it is rendered.
    void trim();

private:
    TTF_Font* font(int pixel_size, bool bold);
    void clear_textures();

    using TextureKey = std::tuple<std::string, int, ImU32, int, bool>;
    struct CachedTexture {
        SDL_Texture* texture = nullptr;
        int width = 0;
        int height = 0;
    };

    SDL_Renderer* m_renderer;
    std::filesystem::path m_fonts_dir;
    std::map<std::pair<int, bool>, TTF_Font*> m_fonts;
    std::map<TextureKey, CachedTexture> m_textures;
};

} // namespace letopis
