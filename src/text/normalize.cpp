// ICU-backed implementation of text/normalize.h.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace letopis {
namespace {

constexpr UChar32 kAcute = 0x0301;
constexpr UChar32 kGrave = 0x0300;
constexpr UChar32 kDiaeresis = 0x0308;

const icu::Normalizer2& nfc()
{
    UErrorCode status = U_ZERO_ERROR;
    return *icu::Normalizer2::getNFCInstance(status);
}

const icu::Normalizer2& nfd()
{
    UErrorCode status = U_ZERO_ERROR;
    return *icu::Normalizer2::getNFDInstance(status);
}

std::string to_utf8(const icu::UnicodeString& text)
{
    std::string out;
    text.toUTF8String(out);
    return out;
}

// Removes stress marks (and, when asked, the diaeresis of ё) from NFD text.
icu::UnicodeString drop_marks(const icu::UnicodeString& decomposed, bool fold_yo)
{
    icu::UnicodeString out;
    UChar32 previous = 0;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        bool drop = c == kAcute || c == kGrave ||
                    (fold_yo && c == kDiaeresis && (previous == u'е' || previous == u'Е'));
        if (!drop) {
            out.append(c);
            previous = c;
        }
    }
    return out;
}

} // namespace

bool is_valid_utf8(std::string_view bytes)
{
    int32_t i = 0;
    const auto length = static_cast<int32_t>(bytes.size());
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    while (i < length) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0)
            return false;
    }
    return true;
}

std::string to_nfc(std::string_view utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    auto normalized = nfc().normalize(text, status);
    return U_SUCCESS(status) ? to_utf8(normalized) : to_utf8(text);
}

std::string strip_stress(std::string_view utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    auto stripped = drop_marks(nfd().normalize(text, status), false);
    return to_utf8(nfc().normalize(stripped, status));
}

std::string fold_key(std::string_view utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    auto folded = nfc().normalize(drop_marks(nfd().normalize(text, status), true), status);
    folded.foldCase();
    folded.trim();
    return to_utf8(folded);
}

} // namespace letopis
