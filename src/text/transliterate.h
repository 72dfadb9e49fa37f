// Latin ↔ Cyrillic for learners: the phonetic typing scheme (Latin keys become Russian letters)
// and a romanization of Russian for showing on request.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace letopis {

// Russian from Latin keys typed on any keyboard, by the learner scheme of
// shared/design/notes-russian-text.md (shch → щ, zh → ж, ya → я, ' → ь, '' or # → ъ, y → й after
// a vowel and ы elsewhere, …), in lower, Title and UPPER case. Cyrillic, digits, punctuation and
// anything else outside the scheme pass unchanged, so the result may mix scripts while typing.
std::string phonetic_to_cyrillic(std::string_view latin);

enum class Romanization : uint8_t {
    Bgn,   // ICU "Russian-Latin/BGN": Khrushchëv, obʺyëm; a stressed vowel keeps its accent (revolyútsiya)
    Ascii, // the same folded to plain ASCII: Khrushchev, ob"yem
};

// A Latin rendering of Russian text, for reading help only (never for comparing answers).
std::string romanize(std::string_view russian, Romanization style = Romanization::Bgn);

} // namespace letopis
