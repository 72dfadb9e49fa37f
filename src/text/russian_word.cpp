// Russian word helpers (see russian_word.h): util/utf8.h's decoder and the Cyrillic case tables
// rather than ICU, because these are called on every word of large files.
#include "text/russian_word.h"

#include "util/utf8.h"

namespace letopis {
namespace {

constexpr char32_t kAcute = 0x0301;
constexpr char32_t kGrave = 0x0300;
constexpr char32_t kDiaeresis = 0x0308;

bool is_cyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }
bool is_latin(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_combining(char32_t c) { return c >= 0x300 && c <= 0x36F; }

char32_t to_lower(char32_t c)
{
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c >= 'A' && c <= 'Z')
        return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 0x20;
    return c;
}

bool is_vowel(char32_t c)
{
    switch (to_lower(c)) {
    case U'а': case U'е': case U'ё': case U'и': case U'о':
    case U'у': case U'ы': case U'э': case U'ю': case U'я':
        return true;
    default:
        return false;
    }
}

} // namespace

std::vector<std::string_view> split_words(std::string_view utf8)
{
    std::vector<std::string_view> words;
    size_t start = std::string_view::npos;
    size_t i = 0;
    while (i < utf8.size()) {
        const size_t at = i;
        const char32_t c = utf8::next(utf8, i);
        const bool letter = is_cyrillic(c) || is_latin(c);
        const bool part = letter || (is_combining(c) && start != std::string_view::npos);
        if (part && start == std::string_view::npos)
            start = at;
        if (!part && start != std::string_view::npos) {
            words.push_back(utf8.substr(start, at - start));
            start = std::string_view::npos;
        }
    }
    if (start != std::string_view::npos)
        words.push_back(utf8.substr(start));
    return words;
}

WordLetters count_letters(std::string_view word)
{
    WordLetters counts;
    for (size_t i = 0; i < word.size();) {
        const char32_t c = utf8::next(word, i);
        if (is_cyrillic(c)) {
            ++counts.cyrillic;
            if (is_vowel(c))
                ++counts.vowels;
        } else if (is_latin(c)) {
            ++counts.latin;
        }
    }
    return counts;
}

WordStress word_stress(std::string_view word)
{
    WordStress stress;
    char32_t previous = 0;
    for (size_t i = 0; i < word.size();) {
        const char32_t c = utf8::next(word, i);
        if (is_vowel(c)) {
            if (!stress.yo && (c == U'ё' || c == U'Ё'))
                stress.yo = stress.vowels;
            ++stress.vowels;
        } else if (c == kDiaeresis && (previous == U'е' || previous == U'Е') && !stress.yo) {
            stress.yo = stress.vowels - 1; // a decomposed ё
        } else if (c == kAcute && is_vowel(previous)) {
            stress.marked.push_back(stress.vowels - 1);
        }
        previous = c;
    }
    return stress;
}

std::vector<size_t> misplaced_stress_marks(std::string_view utf8)
{
    std::vector<size_t> offsets;
    char32_t previous = 0;
    for (size_t i = 0; i < utf8.size();) {
        const size_t at = i;
        const char32_t c = utf8::next(utf8, i);
        if (c == kAcute && !is_vowel(previous))
            offsets.push_back(at);
        previous = c;
    }
    return offsets;
}

std::string fold_word(std::string_view word)
{
    std::string out;
    out.reserve(word.size());
    for (size_t i = 0; i < word.size();) {
        const size_t at = i;
        char32_t c = utf8::next(word, i);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
            continue;
        }
        if (c == kAcute || c == kGrave)
            continue;
        if (c == kDiaeresis && !out.empty() && out.ends_with("е"))
            continue;
        c = to_lower(c);
        if (c == U'ё')
            c = U'е';
        if (c == utf8::kReplacement && i - at == 1)
            continue; // a stray byte of invalid UTF-8
        utf8::append(out, c);
    }
    return out;
}

std::string strip_stress_marks(std::string_view word)
{
    std::string out;
    out.reserve(word.size());
    for (size_t i = 0; i < word.size();) {
        const size_t at = i;
        const char32_t c = utf8::next(word, i);
        if (c != kAcute && c != kGrave)
            out.append(word.substr(at, i - at));
    }
    return out;
}

std::string with_stress_mark(std::string_view word, int32_t vowel)
{
    std::string out;
    int32_t seen = 0;
    for (size_t i = 0; i < word.size();) {
        const size_t at = i;
        const char32_t c = utf8::next(word, i);
        out.append(word.substr(at, i - at));
        if (is_vowel(c)) {
            if (seen == vowel && c != U'ё' && c != U'Ё')
                utf8::append(out, kAcute);
            ++seen;
        }
    }
    return out;
}

std::optional<char32_t> cyrillic_look_alike(char32_t latin)
{
    switch (latin) {
    case U'a': return U'а';
    case U'c': return U'с';
    case U'e': return U'е';
    case U'o': return U'о';
    case U'p': return U'р';
    case U'x': return U'х';
    case U'y': return U'у';
    case U'A': return U'А';
    case U'B': return U'В';
    case U'C': return U'С';
    case U'E': return U'Е';
    case U'H': return U'Н';
    case U'K': return U'К';
    case U'M': return U'М';
    case U'O': return U'О';
    case U'P': return U'Р';
    case U'T': return U'Т';
    case U'X': return U'Х';
    case U'Y': return U'У';
    default: return std::nullopt;
    }
}

std::vector<LatinLetter> latin_letters(std::string_view word)
{
    std::vector<LatinLetter> letters;
    for (size_t i = 0; i < word.size();) {
        const size_t at = i;
        const char32_t c = utf8::next(word, i);
        if (is_latin(c))
            letters.push_back({c, at});
    }
    return letters;
}

} // namespace letopis
