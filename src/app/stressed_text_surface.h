// Renders text with SDL_ttf (HarfBuzz shaping, kerning) and places every stress mark itself:
// the font's accent, centred over the ink of its vowel — capitals, ы and ю included, where the
// font's own mark anchors put it off-centre. Lines are wrapped here so each accent can be placed.
#pragma once

#include <string_view>

struct SDL_Surface;
typedef struct _TTF_Font TTF_Font;
struct SDL_Color;

namespace letopis {

enum class StressMarks { Show, Hide };

// A new ARGB8888 surface (caller frees), or nullptr if SDL_ttf fails. `wrap_width` 0: one line.
// Lines are centred.
SDL_Surface* render_stressed_text(TTF_Font* font, std::string_view utf8, SDL_Color colour, int wrap_width,
                                  StressMarks marks);

} // namespace letopis
