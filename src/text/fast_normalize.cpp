// Fast paths of text/fast_normalize.h: ICU's UTF-8 quick check for NFC, and a table fold for
// plain Russian text, which fold_key() would send through two normalisations and UTF-16.
#include "text/fast_normalize.h"

#include <unicode/normalizer2.h>

#include "text/normalize.h"
#include "util/utf8.h"

namespace letopis {
namespace {

bool is_ascii(std::string_view text)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// ICU's trim() removes these at the ends (u_isWhitespace among ASCII).
bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); }

} // namespace

bool is_nfc(std::string_view utf8)
{
    if (is_ascii(utf8))
        return true;
    if (!is_valid_utf8(utf8))
        return false; // to_nfc() replaces broken sequences with U+FFFD
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        return false;
    const bool normalized =
        nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && normalized;
}

std::string to_nfc_fast(std::string_view utf8)
{
    return is_nfc(utf8) ? std::string(utf8) : to_nfc(utf8);
}

std::string fold_key_fast(std::string_view utf8)
{
    // Only ASCII, А–я, Ё/ё and the stress marks U+0301/U+0300 after a letter take the fast path.
    // In NFC text nothing else of these composes, so dropping the marks and lower-casing by table
    // is exactly what fold_key() does.
    std::string out;
    out.reserve(utf8.size());
    bool after_letter = false;
    for (size_t i = 0; i < utf8.size();) {
        const char32_t c = utf8::next(utf8, i);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
            after_letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            continue;
        }
        if (c == 0x0301 || c == 0x0300) {
            if (!after_letter)
                return fold_key(utf8);
            continue;
        }
        char32_t lower;
        if (c >= 0x0410 && c <= 0x042F)
            lower = c + 0x20;
        else if (c >= 0x0430 && c <= 0x044F)
            lower = c;
        else if (c == 0x0401 || c == 0x0451)
            lower = 0x0435; // ё folds to е
        else
            return fold_key(utf8); // anything else, a malformed byte (U+FFFD) included
        utf8::append(out, lower);
        after_letter = true;
    }
    size_t first = 0;
    while (first < out.size() && is_ascii_space(static_cast<unsigned char>(out[first])))
        ++first;
    size_t last = out.size();
    while (last > first && is_ascii_space(static_cast<unsigned char>(out[last - 1])))
        --last;
    return out.substr(first, last - first);
}

} // namespace letopis
