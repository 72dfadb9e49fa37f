// Forwards to the ICU-backed text module.
#include "service/russian_input.h"

#include "text/normalize.h"
#include "text/transliterate.h"

namespace letopis {

std::string romanized(std::string_view russian) { return romanize(russian, Romanization::Bgn); }

std::string normalized(std::string_view text) { return to_nfc(text); }

} // namespace letopis
