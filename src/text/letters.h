// Text split into user-perceived letters for comparing typed answers: a stressed vowel is one
// letter with a flag, never a letter plus a mark; ё and й stay letters of their own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace letopis {

enum class Script : uint8_t { Cyrillic, Latin, Other };
enum class LetterKind : uint8_t { Letter, Digit, Space, Punctuation, Other };

// One base character with its combining marks (a grapheme cluster for the scripts we meet).
struct Letter {
    std::string text;   // NFC of the cluster as written, stress marks included
    std::string plain;  // NFC without U+0301 and U+0300 (ё, й and other marks kept)
    std::string folded; // `plain` case-folded ("Ё" → "ё", "O" → "o")
    Script script = Script::Other;
    LetterKind kind = LetterKind::Other;
    bool stressed = false; // the cluster carried U+0301 or U+0300
};

// Splits UTF-8 text into letters, whatever its normalisation form (NFC and NFD give the same
// result). Invalid UTF-8 sequences become U+FFFD letters of kind Other.
std::vector<Letter> split_letters(std::string_view utf8);

} // namespace letopis
