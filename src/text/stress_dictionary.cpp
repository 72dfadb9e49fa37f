// Loads the accent dictionary (see stress_dictionary.h). The whole .dict.dz is read with zlib's
// gzread (dictzip is gzip with an index of chunks) and scanned once for Cyrillic words; the
// .index file is not needed because every entry's text is read anyway.
#include "text/stress_dictionary.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "util/utf8.h"

namespace letopis {
namespace {

// The Cyrillic letter (U+0400–U+04FF) at byte `i`, moving `i` past it; 0, with `i` unmoved, if
// there is none there.
char32_t cyrillic_at(std::string_view text, size_t& i)
{
    if (i >= text.size())
        return 0;
    size_t end = i;
    const char32_t c = utf8::next(text, end);
    if (c < 0x400 || c > 0x4FF)
        return 0;
    i = end;
    return c;
}

bool is_upper(char32_t c) { return (c >= 0x410 && c <= 0x42F) || (c >= 0x400 && c <= 0x40F); }

bool is_vowel_lower(char32_t c)
{
    switch (c) {
    case U'а': case U'е': case U'ё': case U'и': case U'о':
    case U'у': case U'ы': case U'э': case U'ю': case U'я':
        return true;
    default:
        return false;
    }
}

char32_t to_lower(char32_t c)
{
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    return c;
}

} // namespace

Result<std::unique_ptr<StressDictionary>> StressDictionary::load(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return make_error(ErrorKind::NotFound, path.string() + ": the stress dictionary is not installed "
                                                              "(Debian package mueller7accent-dict)");
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr)
        return make_error(ErrorKind::Io, path.string() + ": cannot open: " + std::strerror(errno));
    gzbuffer(file, 1 << 17);
    std::string text;
    std::vector<char> chunk(1 << 20);
    for (;;) {
        const int read = gzread(file, chunk.data(), static_cast<unsigned>(chunk.size()));
        if (read < 0) {
            int code = 0;
            std::string message = gzerror(file, &code);
            gzclose(file);
            return make_error(ErrorKind::Io, path.string() + ": cannot read: " + message);
        }
        if (read == 0)
            break;
        text.append(chunk.data(), static_cast<size_t>(read));
    }
    gzclose(file);
    auto dictionary = std::make_unique<StressDictionary>();
    dictionary->m_stresses.reserve(90'000);
    dictionary->add_text(text);
    return dictionary;
}

std::unique_ptr<StressDictionary> StressDictionary::from_text(std::string_view text)
{
    auto dictionary = std::make_unique<StressDictionary>();
    dictionary->add_text(text);
    return dictionary;
}

uint32_t StressDictionary::stressed_vowels(std::string_view folded) const
{
    auto it = m_stresses.find(folded);
    return it == m_stresses.end() ? 0 : it->second;
}

// Each Cyrillic word with a capital vowel gives its stress. A capital first letter may instead
// be a proper noun's (ЛенингрАд, ИрлАндия); a capital consonant elsewhere means an
// abbreviation (ЭВМ), which tells nothing.
void StressDictionary::add_text(std::string_view text)
{
    std::vector<char32_t> letters;
    std::string key;
    size_t i = 0;
    while (i < text.size()) {
        char32_t letter = cyrillic_at(text, i);
        if (letter == 0) {
            ++i;
            continue;
        }
        letters.clear();
        for (; letter != 0; letter = cyrillic_at(text, i))
            letters.push_back(letter);
        std::vector<size_t> capitals;
        bool abbreviation = false;
        for (size_t k = 0; k < letters.size(); ++k) {
            if (!is_upper(letters[k]))
                continue;
            if (k > 0 && !is_vowel_lower(to_lower(letters[k])))
                abbreviation = true;
            capitals.push_back(k);
        }
        if (capitals.empty() || abbreviation)
            continue;
        if (capitals.front() == 0 && (!is_vowel_lower(to_lower(letters[0])) || capitals.size() > 1))
            capitals.erase(capitals.begin());
        if (capitals.empty())
            continue;

        uint32_t mask = 0;
        int32_t vowel = 0;
        size_t next_capital = 0;
        key.clear();
        for (size_t k = 0; k < letters.size(); ++k) {
            char32_t c = to_lower(letters[k]);
            if (is_vowel_lower(c)) {
                if (next_capital < capitals.size() && capitals[next_capital] == k) {
                    if (vowel < 32)
                        mask |= 1u << vowel;
                    ++next_capital;
                }
                ++vowel;
            }
            if (c == U'ё')
                c = U'е';
            utf8::append(key, c);
        }
        if (vowel < 2 || mask == 0)
            continue; // one syllable: nothing to check
        m_stresses[key] |= mask;
    }
}

} // namespace letopis
