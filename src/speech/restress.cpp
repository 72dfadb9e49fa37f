// Russian vowel reduction as espeak-ng 1.51 writes it, used to move its stress to a marked vowel.
// The vowel table was read off espeak's own output for the 140k words of hunspell-ru: for each
// letter, the consonant before it and the place relative to the stress, one phoneme wins (> 99 %).
#include "speech/restress.h"

#include <algorithm>
#include <array>

#include "util/utf8.h"

namespace letopis {
namespace {

constexpr char32_t kAcute = 0x0301;
constexpr char32_t kGrave = 0x0300;

struct CodePoint {
    char32_t value = 0;
    size_t begin = 0; // byte offset
    size_t end = 0;
};

// Decodes UTF-8; a malformed byte becomes U+FFFD so that offsets still advance.
std::vector<CodePoint> decode(std::string_view text)
{
    std::vector<CodePoint> out;
    for (size_t i = 0; i < text.size();) {
        const size_t begin = i;
        const char32_t value = utf8::next(text, i);
        out.push_back({value, begin, i});
    }
    return out;
}

char32_t to_lower(char32_t c)
{
    if (c >= U'А' && c <= U'Я')
        return c + (U'а' - U'А');
    if (c == U'Ё')
        return U'ё';
    return c;
}

bool is_cyrillic_letter(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }
bool is_combining_mark(char32_t c) { return c >= 0x0300 && c <= 0x036F; }
bool is_other_letter(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}
bool is_vowel_letter(char32_t c)
{
    constexpr std::u32string_view kVowels = U"аеёиоуыэюя";
    return kVowels.find(to_lower(c)) != std::u32string_view::npos;
}

// What comes before a vowel letter decides its phoneme: a vowel or a soft sign makes е ё ю я
// iotated (ja, ju), ж ш ц are always hard, ч щ й always soft.
enum class Before : uint8_t { Start, Vowel, Sign, Hard, Soft, Consonant };

Before class_before(const std::u32string& letters, size_t i)
{
    if (i == 0)
        return Before::Start;
    const char32_t c = letters[i - 1];
    if (is_vowel_letter(c))
        return Before::Vowel;
    switch (c) {
    case U'ь': case U'ъ': return Before::Sign;
    case U'ж': case U'ш': case U'ц': return Before::Hard;
    case U'ч': case U'щ': case U'й': return Before::Soft;
    default: return is_cyrillic_letter(c) ? Before::Consonant : Before::Start;
    }
}

enum class Place : uint8_t { Stressed, FirstPretonic, Pretonic, Posttonic };

Place place_of(int vowel, int stressed)
{
    if (vowel == stressed)
        return Place::Stressed;
    if (vowel == stressed - 1)
        return Place::FirstPretonic;
    return vowel < stressed ? Place::Pretonic : Place::Posttonic;
}

// The phoneme espeak-ng 1.51 writes for a vowel letter (lower case) in this place. `word_final`:
// nothing follows the letter in the word (мука, руки).
std::string vowel_phoneme(char32_t letter, Before before, Place place, bool word_final)
{
    const bool stressed = place == Place::Stressed;
    const bool iotated = before == Before::Start || before == Before::Vowel || before == Before::Sign;
    switch (letter) {
    case U'а':
        if (stressed)
            return "A";
        if (before == Before::Start || place == Place::FirstPretonic)
            return "a";
        if (place == Place::Pretonic)
            return "V";
        return word_final && before != Before::Soft ? "a#" : "V";
    case U'я':
        if (iotated)
            return "ja";
        return stressed ? "A" : place == Place::FirstPretonic ? "a" : "V";
    case U'о':
        return stressed ? "o" : "V";
    case U'ё':
        return before == Before::Hard ? "o" : "8"; // never reduced: see move_stress
    case U'е':
        if (before == Before::Hard)
            return stressed ? "E" : "y";
        if (stressed)
            return "e";
        if (before == Before::Start || (word_final && iotated))
            return "I";
        return "i";
    case U'и':
        if (word_final || before == Before::Start)
            return "I";
        return before == Before::Hard ? "y" : "i";
    case U'у':
        return before == Before::Soft ? "u#" : "u";
    case U'ы':
        return "y";
    case U'э':
        if (stressed)
            return "E";
        return place == Place::FirstPretonic || before == Before::Start ? "E#" : "E2";
    case U'ю':
        return iotated ? "ju" : "u\"";
    default:
        VERIFY_NOT_REACHED();
    }
}

} // namespace

Result<std::vector<Phoneme>> parse_phonemes(std::string_view separated, char separator)
{
    std::vector<Phoneme> out;
    size_t start = 0;
    while (start <= separated.size()) {
        size_t stop = separated.find(separator, start);
        if (stop == std::string_view::npos)
            stop = separated.size();
        std::string_view piece = separated.substr(start, stop - start);
        start = stop + 1;
        if (piece.find_first_of(" ()\t\n") != std::string_view::npos)
            return make_error(ErrorKind::Unsupported, "espeak read this as several words or another language: " +
                                                          std::string(separated));
        Stress stress = Stress::None;
        while (!piece.empty() && (piece.front() == '\'' || piece.front() == ',')) {
            stress = piece.front() == '\'' ? Stress::Primary : Stress::Secondary;
            piece.remove_prefix(1);
        }
        if (piece.empty())
            continue;
        if (piece == ";" && !out.empty()) {
            out.back().name += ';';
            continue;
        }
        out.push_back({std::string(piece), stress});
    }
    return out;
}

std::string format_phonemes(const std::vector<Phoneme>& phonemes, char separator)
{
    std::string out;
    for (const auto& phoneme : phonemes) {
        if (separator != '\0' && !out.empty())
            out += separator;
        if (phoneme.stress == Stress::Primary)
            out += '\'';
        else if (phoneme.stress == Stress::Secondary)
            out += ',';
        out += phoneme.name;
    }
    return out;
}

bool is_syllabic(std::string_view name)
{
    static constexpr std::array<std::string_view, 26> kVowels = {
        "a", "A", "a#", "V", "V#", "o", "O", "8", "e", "E", "E#", "E2", "E3",
        "i", "I", "I#", "I2", "I3", "y", "u", "u#", "u\"", "ju", "ja", "@", "Y"};
    return std::find(kVowels.begin(), kVowels.end(), name) != kVowels.end();
}

std::vector<MarkedWord> find_marked_words(std::string_view text)
{
    const auto points = decode(text);
    std::vector<MarkedWord> words;
    size_t i = 0;
    while (i < points.size()) {
        auto in_word = [&](size_t k) {
            const char32_t c = points[k].value;
            if (is_cyrillic_letter(c) || is_other_letter(c) || is_combining_mark(c))
                return true;
            // A hyphen between two letters joins the parts of one word.
            return c == U'-' && k > 0 && k + 1 < points.size() && !is_combining_mark(points[k + 1].value) &&
                   (is_cyrillic_letter(points[k - 1].value) || is_combining_mark(points[k - 1].value)) &&
                   is_cyrillic_letter(points[k + 1].value);
        };
        if (!in_word(i) || is_combining_mark(points[i].value)) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < points.size() && in_word(end))
            ++end;

        bool foreign = false;
        int vowel_count = 0;
        int marked = -1;
        int yo = -1;
        std::string plain;
        for (size_t k = i; k < end; ++k) {
            const char32_t c = points[k].value;
            if (is_other_letter(c))
                foreign = true;
            if (c == kAcute || c == kGrave) {
                if (c == kAcute && marked < 0 && k > i && is_vowel_letter(points[k - 1].value))
                    marked = vowel_count - 1;
                continue;
            }
            if (is_vowel_letter(c)) {
                if (to_lower(c) == U'ё' && yo < 0)
                    yo = vowel_count;
                ++vowel_count;
            }
            plain += text.substr(points[k].begin, points[k].end - points[k].begin);
        }
        const int stressed = marked >= 0 ? marked : yo;
        if (!foreign && stressed >= 0)
            words.push_back({points[i].begin, points[end - 1].end, std::move(plain), stressed});
        i = end;
    }
    return words;
}

Result<std::vector<Phoneme>> move_stress(std::string_view plain_word, std::vector<Phoneme> phonemes, int stressed_vowel)
{
    std::u32string letters;
    for (const auto& point : decode(plain_word))
        letters += to_lower(point.value);

    std::vector<size_t> vowel_letters;
    for (size_t i = 0; i < letters.size(); ++i)
        if (is_vowel_letter(letters[i]))
            vowel_letters.push_back(i);
    std::vector<size_t> vowel_phonemes;
    for (size_t i = 0; i < phonemes.size(); ++i)
        if (is_syllabic(phonemes[i].name))
            vowel_phonemes.push_back(i);

    if (vowel_letters.size() != vowel_phonemes.size())
        return make_error(ErrorKind::Unsupported, "the vowels of `" + std::string(plain_word) +
                                                      "` do not pair with espeak's phonemes " +
                                                      format_phonemes(phonemes));
    if (stressed_vowel < 0 || stressed_vowel >= static_cast<int>(vowel_letters.size()))
        return make_error(ErrorKind::InvalidInput, "`" + std::string(plain_word) + "` has no vowel number " +
                                                       std::to_string(stressed_vowel + 1));

    int old_stress = -1;
    for (size_t k = 0; k < vowel_phonemes.size() && old_stress < 0; ++k)
        if (phonemes[vowel_phonemes[k]].stress == Stress::Primary)
            old_stress = static_cast<int>(k);
    if (old_stress == stressed_vowel)
        return phonemes;

    for (size_t k = 0; k < vowel_letters.size(); ++k) {
        const int vowel = static_cast<int>(k);
        Phoneme& phoneme = phonemes[vowel_phonemes[k]];
        const size_t at = vowel_letters[k];
        const Place place = place_of(vowel, stressed_vowel);
        // ё is never reduced: away from the main stress (трёхзвёздный) it keeps its vowel and a
        // secondary stress, as espeak does in compounds.
        const bool yo = letters[at] == U'ё';
        // A vowel that keeps its place keeps espeak's phoneme, which may come from its dictionary
        // (the E# of loanwords); without a stress of espeak's, every vowel gets its place anew.
        if (old_stress < 0 || place_of(vowel, old_stress) != place) {
            const bool word_final = at + 1 == letters.size();
            phoneme.name = vowel_phoneme(letters[at], class_before(letters, at), place, word_final);
        }
        if (vowel == stressed_vowel)
            phoneme.stress = Stress::Primary;
        else if (yo)
            phoneme.stress = Stress::Secondary;
        else if (phoneme.stress == Stress::Primary)
            phoneme.stress = Stress::None;
    }
    return phonemes;
}

} // namespace letopis
