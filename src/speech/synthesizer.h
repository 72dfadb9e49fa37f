// Russian speech from espeak-ng with the card's stress honoured: the phonemes actually spoken, and
// the samples. espeak-ng is not thread-safe, so every call here runs on one thread of its own; the
// functions may be called from any thread and wait for it (about a millisecond a word).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace letopis {

inline constexpr int kSampleRate = 22050; // Hz, 16-bit mono: what espeak-ng produces

struct Utterance {
    std::string phonemes;         // espeak-ng mnemonics as spoken, one space between clauses
    std::vector<int16_t> samples; // kSampleRate, mono
};

// Loads espeak-ng and its Russian voice (once). Unsupported when espeak-ng's data or the Russian
// voice is missing.
Status prepare_speech();

// Speaks `stressed_text` (UTF-8; a vowel followed by U+0301 marks the stress, ё is kept) into a
// buffer. Each word with a mark is stressed where the mark says; words without one keep espeak's
// stress. Empty text gives an empty utterance.
Result<Utterance> render_speech(std::string_view stressed_text);

// The phoneme string spoken for `stressed_text` (render_speech's phonemes).
Result<std::string> phonemes_for(std::string_view stressed_text);

// The samples of `stressed_text`, kSampleRate mono (render_speech's samples).
Result<std::vector<int16_t>> synthesize(std::string_view stressed_text);

// espeak-ng's own phonemes for `text`, read with its own stress (marks removed): what a word
// without a mark sounds like.
Result<std::string> espeak_phonemes(std::string_view text);

} // namespace letopis
