// ASCII slugs of Russian text for stable note and deck keys: "Вре́менное прави́тельство" →
// "vremennoe-pravitelstvo", the style of the keys in the shipped decks.
#pragma once

#include <string>
#include <string_view>

namespace letopis {

// The fold key of `text` (no stress, lower case, ё as е) romanised letter by letter (ж zh, х kh,
// ц ts, ч ch, ш sh, щ shch, ю yu, я ya, й i, ъ and ь dropped); other characters become single
// hyphens, trimmed at the ends. At most `max_length` bytes, cut at a hyphen where possible.
// Empty if nothing is left.
std::string ascii_slug(std::string_view text, size_t max_length = 48);

} // namespace letopis
