// to_nfc() and fold_key() without ICU's cost on the text that nearly all imports hold: NFC
// already, and only ASCII and Russian letters. Results are identical to the ICU functions (a test
// compares them on every word of hunspell-ru); anything else goes through ICU.
#pragma once

#include <string>
#include <string_view>

namespace letopis {

// True if `utf8` is valid UTF-8 in NFC.
bool is_nfc(std::string_view utf8);

// Same result as to_nfc(), faster on text that is NFC already.
std::string to_nfc_fast(std::string_view utf8);

// Same result as fold_key(), faster on NFC text of ASCII and Russian letters (а–я, ё, with stress
// marks).
std::string fold_key_fast(std::string_view utf8);

} // namespace letopis
