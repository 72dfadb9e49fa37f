// For the speech tests: which vowel of a phoneme string carries the primary stress.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "speech/restress.h"

namespace letopis::test {

// Splits an espeak phoneme string without separators ("z'AmVk") the way espeak reads it, longest
// name first, and returns the 0-based number of the vowel after the first ' (-1 if none).
inline int stressed_vowel(std::string_view phonemes)
{
    static constexpr std::array<std::string_view, 14> kLongNames = {
        "@-", "a#", "V#", "E#", "E2", "E3", "I#", "I2", "I3", "I^", "u#", "u\"", "ju", "ja"};
    int vowel = 0;
    bool stress_next = false;
    size_t i = 0;
    while (i < phonemes.size()) {
        if (phonemes[i] == '\'') {
            stress_next = true;
            ++i;
            continue;
        }
        if (phonemes[i] == ',') {
            ++i;
            continue;
        }
        std::string_view name = phonemes.substr(i, 1);
        for (std::string_view candidate : kLongNames)
            if (phonemes.substr(i, candidate.size()) == candidate) {
                name = candidate;
                break;
            }
        i += name.size();
        if (!is_syllabic(name))
            continue;
        if (stress_next)
            return vowel;
        ++vowel;
    }
    return -1;
}

// The phoneme name right after the first primary stress mark ("A" in "z'AmVk").
inline std::string stressed_phoneme(std::string_view phonemes)
{
    const auto mark = phonemes.find('\'');
    if (mark == std::string_view::npos)
        return {};
    std::string_view rest = phonemes.substr(mark + 1);
    static constexpr std::array<std::string_view, 11> kLongVowels = {"a#", "V#", "E#", "E2", "E3", "I#",
                                                                     "I2", "I3", "u#", "u\"", "ju"};
    for (std::string_view candidate : kLongVowels)
        if (rest.substr(0, candidate.size()) == candidate)
            return std::string(candidate);
    if (rest.substr(0, 2) == "ja")
        return "ja";
    return std::string(rest.substr(0, 1));
}

} // namespace letopis::test
