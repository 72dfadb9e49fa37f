// Honouring a card's stress mark in espeak-ng's phonemes: find the words of a text that say where
// their stress is, and move espeak's stress to the marked vowel, re-reducing the vowels whose place
// relative to the stress changed. Pure functions (no espeak here), so the vowel rules test alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace letopis {

enum class Stress : uint8_t { None, Secondary, Primary };

// One phoneme mnemonic of espeak-ng ("z", "A", "ja", "S;", "n_", "@-"), its stress mark split off.
struct Phoneme {
    std::string name;
    Stress stress = Stress::None;

    bool operator==(const Phoneme&) const = default;
};

// Parses one word of espeak-ng phonemes written with `separator` between phonemes, as
// espeak_TextToPhonemes writes them when asked for a separator ("z|a|m|'o|k"). espeak writes the
// palatalisation ';' as a piece of its own; it belongs to the consonant before it. Fails on
// several words (a space) or a switch of language ("(en)"): such a word is left to espeak.
Result<std::vector<Phoneme>> parse_phonemes(std::string_view separated, char separator);

// "z'AmVk" (no separator: how phonemes are shown and compared), or "z|'A|m|V|k" (separator '|':
// espeak's [[...]] input, where the bar keeps "j|u" from being read as the one phoneme "ju").
std::string format_phonemes(const std::vector<Phoneme>& phonemes, char separator = '\0');

// True for the vowels of espeak-ng's Russian voice; false for consonants and for the short
// non-syllabic glides it inserts ("@-" before a trilled r, "I^").
bool is_syllabic(std::string_view phoneme_name);

// A word of a text that says where its stress is.
struct MarkedWord {
    size_t begin = 0;        // byte range in the text, stress marks included
    size_t end = 0;
    std::string plain;       // the word without U+0301/U+0300 (ё kept), as espeak should read it
    int stressed_vowel = 0;  // 0-based among the word's vowel letters (а е ё и о у ы э ю я)
};

// The Cyrillic words of NFC `text` that carry a stress mark (vowel + U+0301; the first one counts),
// or failing that an ё, which is always stressed. A hyphen between letters joins a word
// (по-ру́сски). Words with other letters (Latin) are not returned: espeak reads them as it likes.
std::vector<MarkedWord> find_marked_words(std::string_view text);

// Rewrites `phonemes`, espeak's for `plain_word`, so that the vowel letter number `stressed_vowel`
// carries the primary stress. Letters and syllabic phonemes are paired in order (Russian writes one
// vowel letter per syllable); each vowel whose place relative to the stress changes (stressed,
// first pretonic, earlier pretonic, post-tonic) is rewritten with the vowel espeak-ng 1.51 uses for
// that letter in that place, and the others keep espeak's own. Fails when the pairing fails
// (abbreviations, digits): the caller then lets espeak read the word with its own stress.
Result<std::vector<Phoneme>> move_stress(std::string_view plain_word, std::vector<Phoneme> phonemes,
                                         int stressed_vowel);

} // namespace letopis
