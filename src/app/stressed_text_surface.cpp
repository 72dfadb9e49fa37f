// Line layout and accent placement for card faces.
#include "app/stressed_text_surface.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/stress_glyphs.h"
#include "util/utf8.h"

namespace letopis {
namespace {

constexpr std::string_view kAcuteUtf8 = "\xCC\x81"; // U+0301
constexpr std::string_view kGraveUtf8 = "\xCC\x80"; // U+0300

struct Line {
    std::string text;                  // stress marks removed
    std::vector<size_t> stressed;      // byte offsets (in `text`) of vowels that carry a mark
};

// An accent as a bitmap mask, and its height above the line top in the font's own placement.
struct AccentMask {
    int width = 0, height = 0;
    int top = 0; // rows from the top of a rendered line
    std::vector<Uint8> alpha;
};

Uint8 alpha_at(const SDL_Surface* s, int x, int y)
{
    const auto* row = static_cast<const Uint8*>(s->pixels) + y * s->pitch;
    return static_cast<Uint8>(reinterpret_cast<const Uint32*>(row)[x] >> 24);
}

SDL_Surface* render_line(TTF_Font* font, const std::string& text, SDL_Color colour)
{
    SDL_Surface* raw = TTF_RenderUTF8_Blended(font, text.empty() ? " " : text.c_str(), colour);
    if (!raw)
        return nullptr;
    SDL_Surface* converted = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    return converted;
}

// The font's accent over `reference` (о or О): the pixels of "о́" that "о" does not have.
AccentMask accent_mask(TTF_Font* font, const char* reference)
{
    AccentMask mask;
    const SDL_Color white{255, 255, 255, 255};
    SDL_Surface* with = render_line(font, std::string(reference) + std::string(kAcuteUtf8), white);
    SDL_Surface* without = render_line(font, reference, white);
    if (with && without) {
        int x0 = with->w, y0 = with->h, x1 = 0, y1 = 0;
        for (int y = 0; y < with->h; ++y)
            for (int x = 0; x < with->w; ++x) {
                const int plain = (x < without->w && y < without->h) ? alpha_at(without, x, y) : 0;
                if (alpha_at(with, x, y) > plain + 40) {
                    x0 = std::min(x0, x);
                    y0 = std::min(y0, y);
                    x1 = std::max(x1, x + 1);
                    y1 = std::max(y1, y + 1);
                }
            }
        if (x1 > x0 && y1 > y0) {
            mask.width = x1 - x0;
            mask.height = y1 - y0;
            mask.top = y0;
            mask.alpha.resize(static_cast<size_t>(mask.width) * mask.height);
            for (int y = 0; y < mask.height; ++y)
                for (int x = 0; x < mask.width; ++x) {
                    const int plain = (x0 + x < without->w && y0 + y < without->h) ? alpha_at(without, x0 + x, y0 + y) : 0;
                    mask.alpha[y * mask.width + x] = static_cast<Uint8>(std::max(0, alpha_at(with, x0 + x, y0 + y) - plain));
                }
        }
    }
    SDL_FreeSurface(with);
    SDL_FreeSurface(without);
    return mask;
}

// Splits into words (at spaces), removing stress marks and remembering the stressed vowels.
std::vector<Line> words_of(std::string_view text)
{
    std::vector<Line> words(1);
    size_t i = 0;
    while (i < text.size()) {
        if (text.substr(i, 2) == kAcuteUtf8 || text.substr(i, 2) == kGraveUtf8) {
            // The mark belongs to the vowel just before it.
            Line& word = words.back();
            size_t back = word.text.size();
            while (back > 0 && (static_cast<unsigned char>(word.text[back - 1]) & 0xC0) == 0x80)
                --back;
            if (back > 0)
                --back;
            if (!word.text.empty())
                word.stressed.push_back(back);
            i += 2;
            continue;
        }
        if (text[i] == ' ') {
            if (!words.back().text.empty())
                words.emplace_back();
            ++i;
            continue;
        }
        const size_t start = i;
        utf8::next(text, i);
        words.back().text.append(text.substr(start, i - start));
    }
    if (words.back().text.empty() && words.size() > 1)
        words.pop_back();
    return words;
}

int text_width(TTF_Font* font, const std::string& text)
{
    int w = 0, h = 0;
    if (text.empty() || TTF_SizeUTF8(font, text.c_str(), &w, &h) != 0)
        return 0;
    return w;
}

std::vector<Line> wrap(TTF_Font* font, const std::vector<Line>& words, int wrap_width)
{
    std::vector<Line> lines;
    for (const Line& word : words) {
        if (!lines.empty()) {
            std::string candidate = lines.back().text + " " + word.text;
            if (wrap_width <= 0 || text_width(font, candidate) <= wrap_width) {
                const size_t offset = lines.back().text.size() + 1;
                lines.back().text = std::move(candidate);
                for (size_t s : word.stressed)
                    lines.back().stressed.push_back(offset + s);
                continue;
            }
        }
        lines.push_back(word);
    }
    return lines;
}

} // namespace

SDL_Surface* render_stressed_text(TTF_Font* font, std::string_view utf8, SDL_Color colour, int wrap_width,
                                  StressMarks marks)
{
    const std::vector<Line> lines = wrap(font, words_of(utf8), wrap_width);
    const bool any_stress = marks == StressMarks::Show &&
                            std::any_of(lines.begin(), lines.end(), [](const Line& l) { return !l.stressed.empty(); });
    const AccentMask lower = any_stress ? accent_mask(font, "о") : AccentMask{};
    const AccentMask upper = any_stress ? accent_mask(font, "О") : AccentMask{};
    // Capital accents may rise above the font's ascent: leave room for them.
    const int headroom = any_stress ? std::max(0, -std::min(lower.top, upper.top)) : 0;

    std::vector<SDL_Surface*> rendered;
    std::vector<int> line_surface_height;
    int width = 1;
    for (const Line& line : lines) {
        rendered.push_back(render_line(font, line.text, colour));
        if (!rendered.back()) {
            for (SDL_Surface* s : rendered)
                SDL_FreeSurface(s);
            return nullptr;
        }
        width = std::max(width, rendered.back()->w);
        line_surface_height.push_back(rendered.back()->h);
    }
    const int line_skip = TTF_FontLineSkip(font);
    const int height = headroom + line_skip * static_cast<int>(lines.size() - 1) + rendered.back()->h;
    SDL_Surface* out = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out) {
        for (SDL_Surface* s : rendered)
            SDL_FreeSurface(s);
        return nullptr;
    }
    SDL_FillRect(out, nullptr, SDL_MapRGBA(out->format, colour.r, colour.g, colour.b, 0));
    const Uint32 ink = (Uint32(colour.r) << 16) | (Uint32(colour.g) << 8) | colour.b;

    for (size_t n = 0; n < lines.size(); ++n) {
        SDL_Surface* line_surface = rendered[n];
        const int left = (width - line_surface->w) / 2;
        const int top = headroom + static_cast<int>(n) * line_skip;
        // Blend, so a line's transparent margin cannot erase the descenders of the line above.
        SDL_SetSurfaceBlendMode(line_surface, SDL_BLENDMODE_BLEND);
        SDL_Rect to{left, top, line_surface->w, line_surface->h};
        SDL_BlitSurface(line_surface, nullptr, out, &to);
        SDL_FreeSurface(line_surface);
        if (marks == StressMarks::Hide)
            continue;

        const std::string& text = lines[n].text;
        for (size_t offset : lines[n].stressed) {
            size_t end = offset;
            const char32_t vowel = utf8::next(text, end);
            int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
            if (TTF_GlyphMetrics32(font, vowel, &minx, &maxx, &miny, &maxy, &advance) != 0)
                continue;
            const AccentMask& accent = stress_glyph_for(vowel) >= kFirstStressGlyph + 9 ? upper : lower;
            if (accent.alpha.empty())
                continue;
            // Centre on the vowel's ink as drawn (the metrics are rounded to whole font units).
            const int pen = left + text_width(font, text.substr(0, offset));
            int ink_x0 = out->w, ink_x1 = -1;
            for (int x = std::max(0, pen + minx - 2); x < std::min(out->w, pen + maxx + 2); ++x)
                for (int y = top; y < std::min(out->h, top + line_surface_height[n]); ++y)
                    if (reinterpret_cast<Uint32*>(static_cast<Uint8*>(out->pixels) + y * out->pitch)[x] >> 24 > 60) {
                        ink_x0 = std::min(ink_x0, x);
                        ink_x1 = std::max(ink_x1, x + 1);
                        break;
                    }
            const int centre = ink_x1 > ink_x0 ? (ink_x0 + ink_x1) / 2 : pen + (minx + maxx) / 2;
            const int x0 = centre - accent.width / 2;
            const int y0 = top + accent.top;
            for (int y = 0; y < accent.height; ++y)
                for (int x = 0; x < accent.width; ++x) {
                    const int px = x0 + x, py = y0 + y;
                    if (px < 0 || py < 0 || px >= out->w || py >= out->h)
                        continue;
                    auto* pixel = reinterpret_cast<Uint32*>(static_cast<Uint8*>(out->pixels) + py * out->pitch) + px;
                    const Uint32 alpha = std::max<Uint32>(*pixel >> 24, accent.alpha[y * accent.width + x] * colour.a / 255);
                    *pixel = (alpha << 24) | ink;
                }
        }
    }
    return out;
}

} // namespace letopis
