// Romanised slugs (see slug.h). A fixed letter table rather than an ICU transliterator: the keys
// must never change between ICU versions, or a re-import would stop matching notes.
#include "text/slug.h"

#include "text/russian_word.h"
#include "util/utf8.h"

namespace letopis {
namespace {

// Romanisation of the folded Cyrillic letters U+0430–U+044F (е stands for ё too).
constexpr std::string_view kRussian[] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

std::string_view romanised(char32_t c)
{
    if (c >= 0x430 && c <= 0x44F)
        return kRussian[c - 0x430];
    switch (c) {
    case U'і': return "i"; // Ukrainian and Belarusian letters a list may hold
    case U'ї': return "yi";
    case U'є': return "ye";
    case U'ґ': return "g";
    case U'ў': return "u";
    default: return {};
    }
}

} // namespace

std::string ascii_slug(std::string_view text, size_t max_length)
{
    const std::string folded = fold_word(text);
    std::string out;
    bool pending_hyphen = false;
    auto put = [&](std::string_view piece) {
        if (pending_hyphen && !out.empty())
            out += '-';
        pending_hyphen = false;
        out += piece;
    };
    for (size_t i = 0; i < folded.size();) {
        const size_t at = i;
        const char32_t c = utf8::next(folded, i);
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                put(std::string_view(&folded[at], 1));
            else
                pending_hyphen = true;
            continue;
        }
        const std::string_view latin = romanised(c);
        if (c >= 0x430 && c <= 0x44F && latin.empty()) {
            // ъ and ь vanish inside a word without splitting it.
        } else if (!latin.empty()) {
            put(latin);
        } else if (!(c >= 0x300 && c <= 0x36F)) {
            pending_hyphen = true;
        }
    }
    if (out.size() > max_length) {
        const size_t cut = out.rfind('-', max_length);
        out.resize(cut != std::string::npos && cut > max_length / 2 ? cut : max_length);
        while (!out.empty() && out.back() == '-')
            out.pop_back();
    }
    return out;
}

} // namespace letopis
