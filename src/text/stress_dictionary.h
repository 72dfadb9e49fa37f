// The stress of Russian words as the installed Mueller7 accent dictionary (mueller7accent-dict)
// gives it: read once at run time, never shipped (it is GPL-2+), and kept as a map from the folded
// word to the vowels that may carry its stress.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/result.h"

namespace letopis {

class StressDictionary {
public:
    static constexpr std::string_view kDefaultPath = "/usr/share/dictd/mueller7accent.dict.dz";

    // Reads a dictd text, gzip/dictzip-compressed or plain. NotFound if the file is missing
    // (the package is not installed), Io if it cannot be read.
    static Result<std::unique_ptr<StressDictionary>> load(const std::filesystem::path& path);
    // Builds the map from accent-marked text, where a capital vowel marks the stress ("диктАтор").
    static std::unique_ptr<StressDictionary> from_text(std::string_view text);

    // Bit n set: the dictionary stresses vowel n (from 0) of `folded` (see fold_word); 0 when the
    // word is unknown. Several bits: several forms or variants (зАмок, замОк).
    uint32_t stressed_vowels(std::string_view folded) const;
    size_t size() const { return m_stresses.size(); }

private:
    void add_text(std::string_view text);

    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> m_stresses;
};

} // namespace letopis
