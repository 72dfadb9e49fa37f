// Unicode normalisation for Russian text: NFC for storage, and a folded key for comparing and
// searching (stress marks removed, case folded, ё treated as е).
#pragma once

#include <string>
#include <string_view>

namespace letopis {

// True if `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// NFC form of UTF-8 text. Invalid UTF-8 sequences become U+FFFD.
std::string to_nfc(std::string_view utf8);

// Key for search and comparison: NFD, drop U+0301/U+0300, drop U+0308 after е/Е (ё≈е), NFC,
// case-folded, surrounding white space trimmed. Never strips other marks: й stays й.
std::string fold_key(std::string_view utf8);

// Text with U+0301 and U+0300 removed (the rest unchanged, NFC).
std::string strip_stress(std::string_view utf8);

} // namespace letopis
