// The phonetic input buffer, the chart of keys and the scheme text. The transliteration itself
// lives in text/transliterate.cpp; a test keeps this chart and those rules in step.
#include "core/answer/phonetic_input.h"

#include <array>

#include "text/transliterate.h"

namespace letopis {
namespace {

constexpr std::array<PhoneticKey, 33> kChart{{
    {"а", "a", "", ""},
    {"б", "b", "", ""},
    {"в", "v", "", ""},
    {"г", "g", "", ""},
    {"д", "d", "", ""},
    {"е", "e", "je, ye", ""},
    {"ё", "yo", "", ""},
    {"ж", "zh", "", ""},
    {"з", "z", "", ""},
    {"и", "i", "", ""},
    {"й", "j", "y after a vowel", ""},
    {"к", "k", "", ""},
    {"л", "l", "", ""},
    {"м", "m", "", ""},
    {"н", "n", "", ""},
    {"о", "o", "", ""},
    {"п", "p", "", ""},
    {"р", "r", "", ""},
    {"с", "s", "", ""},
    {"т", "t", "", ""},
    {"у", "u", "", ""},
    {"ф", "f", "", ""},
    {"х", "kh", "h, x", ""},
    {"ц", "c", "", ""},
    {"ч", "ch", "", ""},
    {"ш", "sh", "", ""},
    {"щ", "shch", "w", ""},
    {"ъ", "''", "#", ""},
    {"ы", "y", "", "not after a vowel"},
    {"ь", "'", "", ""},
    {"э", "e'", "", ""},
    {"ю", "yu", "ju", ""},
    {"я", "ya", "ja", ""},
}};

// The start of the last UTF-8 character of a non-empty string.
size_t last_character(const std::string& text)
{
    size_t i = text.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
        --i;
    return i;
}

} // namespace

void PhoneticBuffer::type(std::string_view keys)
{
    if (keys.empty())
        return;
    m_keys += keys;
    m_text = phonetic_to_cyrillic(m_keys);
}

bool PhoneticBuffer::backspace()
{
    if (m_keys.empty())
        return false;
    m_keys.erase(last_character(m_keys));
    m_text = phonetic_to_cyrillic(m_keys);
    return true;
}

void PhoneticBuffer::clear()
{
    m_keys.clear();
    m_text.clear();
}

std::span<const PhoneticKey> phonetic_chart() { return kChart; }

std::vector<std::string> phonetic_scheme()
{
    std::vector<std::string> lines;
    for (const auto& key : kChart) {
        std::string line = std::string(key.cyrillic) + "  " + std::string(key.keys);
        if (!key.when.empty())
            line += " (" + std::string(key.when) + ")";
        if (!key.also.empty())
            line += "; also " + std::string(key.also);
        lines.push_back(std::move(line));
    }
    lines.insert(lines.end(), {
        "y is й after a vowel, ы elsewhere: moy → мой, my → мы",
        "ye is ые after a consonant, е elsewhere: novye → новые, yesli → если",
        "ts stays тс (sovetskiy → советский): type c for ц (Trockiy → Троцкий)",
        "j before o stays й (rajon → район): type yo for ё",
        "Capitals: Sh or SH → Ш; Cyrillic, digits and punctuation pass unchanged",
        "Backspace removes the last key typed (shch → shc: щ → шц)",
    });
    return lines;
}

} // namespace letopis
