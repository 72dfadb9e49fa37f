// Single Russian words in NFC text: splitting a field into words, counting syllables, reading
// stress marks (vowel + U+0301, ё counts as stressed), a fast fold for lookups, and the Latin
// letters that look like Cyrillic ones. No ICU: these run on every word of a 50,000-line file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace letopis {

// The words of a text: runs of letters (Cyrillic, Latin) together with the combining marks that
// follow them. Anything else separates words, hyphens included (из-за is two words).
std::vector<std::string_view> split_words(std::string_view utf8);

struct WordLetters {
    int32_t cyrillic = 0;
    int32_t latin = 0;
    int32_t vowels = 0; // Russian vowels: syllables
};
WordLetters count_letters(std::string_view word);

// The stress of one word. Vowel indexes count the word's Russian vowels from 0.
struct WordStress {
    std::vector<int32_t> marked;  // vowels followed by U+0301, in order
    std::optional<int32_t> yo;    // the first ё, stressed by nature
    int32_t vowels = 0;
    bool stressed() const { return !marked.empty() || yo.has_value(); }
};
WordStress word_stress(std::string_view word);

// A combining acute (U+0301) that does not follow a Russian vowel: byte offsets into `utf8` of
// each such mark.
std::vector<size_t> misplaced_stress_marks(std::string_view utf8);

// Lower case (Cyrillic and Latin), stress marks removed, ё read as е: the key under which the
// stress dictionary and the lemma comparison match words. Equals fold_key() on Russian words.
std::string fold_word(std::string_view word);

// `word` without U+0301 and U+0300 (case and ё kept): what hunspell expects.
std::string strip_stress_marks(std::string_view word);

// `word` (no stress marks) with U+0301 put after its vowel number `vowel`.
std::string with_stress_mark(std::string_view word, int32_t vowel);

// The Cyrillic letter a Latin one is mistaken for (a→а, c→с, e→е, o→о, p→р, x→х, y→у, A→А,
// B→В, C→С, E→Е, H→Н, K→К, M→М, O→О, P→Р, T→Т, X→Х), if any.
std::optional<char32_t> cyrillic_look_alike(char32_t latin);

// The letters of `word` that are Latin, each with its offset, for messages about mixed words.
struct LatinLetter {
    char32_t letter;
    size_t offset;
};
std::vector<LatinLetter> latin_letters(std::string_view word);

} // namespace letopis
