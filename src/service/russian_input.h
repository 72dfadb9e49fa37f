// Russian text aids for the UI, which may not use ICU directly: romanization and NFC, forwarded
// from src/text. (Phonetic typing is core/answer/phonetic_input.h.)
#pragma once

#include <string>
#include <string_view>

namespace letopis {

// A reading aid: Russian in Latin letters (BGN/PCGN, stress kept as an accent).
std::string romanized(std::string_view russian);
// NFC of UTF-8 text (typed text is compared and stored in NFC).
std::string normalized(std::string_view text);

} // namespace letopis
