// ICU-backed implementation of text/letters.h.
#include "text/letters.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace letopis {
namespace {

constexpr UChar32 kAcute = 0x0301;
constexpr UChar32 kGrave = 0x0300;

bool is_mark(UChar32 c)
{
    const auto mask = U_GET_GC_MASK(c);
    return (mask & (U_GC_MN_MASK | U_GC_MC_MASK | U_GC_ME_MASK)) != 0;
}

std::string to_utf8(const icu::UnicodeString& text)
{
    std::string out;
    text.toUTF8String(out);
    return out;
}

Script script_of(UChar32 c)
{
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
    case USCRIPT_CYRILLIC: return Script::Cyrillic;
    case USCRIPT_LATIN: return Script::Latin;
    default: return Script::Other;
    }
}

LetterKind kind_of(UChar32 c)
{
    if (u_isUWhiteSpace(c))
        return LetterKind::Space;
    if (u_isalpha(c))
        return LetterKind::Letter;
    if (u_isdigit(c))
        return LetterKind::Digit;
    if (u_ispunct(c))
        return LetterKind::Punctuation;
    return LetterKind::Other;
}

Letter make_letter(const icu::UnicodeString& cluster, const icu::Normalizer2& nfc)
{
    Letter letter;
    icu::UnicodeString plain;
    for (int32_t i = 0; i < cluster.length();) {
        const UChar32 c = cluster.char32At(i);
        i += U16_LENGTH(c);
        if (c == kAcute || c == kGrave)
            letter.stressed = true;
        else
            plain.append(c);
    }
    UErrorCode status = U_ZERO_ERROR;
    letter.text = to_utf8(nfc.normalize(cluster, status));
    status = U_ZERO_ERROR;
    auto composed = nfc.normalize(plain, status);
    letter.plain = to_utf8(composed);
    letter.folded = to_utf8(composed.foldCase());
    // A lone mark (nothing before it to sit on) is classified by itself.
    const UChar32 base = cluster.char32At(0);
    letter.script = script_of(base);
    letter.kind = kind_of(base);
    return letter;
}

} // namespace

std::vector<Letter> split_letters(std::string_view utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    const auto& nfd = *icu::Normalizer2::getNFDInstance(status);
    const auto& nfc = *icu::Normalizer2::getNFCInstance(status);
    const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const auto decomposed = nfd.normalize(text, status);

    std::vector<Letter> letters;
    icu::UnicodeString cluster;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (!is_mark(c) && !cluster.isEmpty()) {
            letters.push_back(make_letter(cluster, nfc));
            cluster.remove();
        }
        cluster.append(c);
    }
    if (!cluster.isEmpty())
        letters.push_back(make_letter(cluster, nfc));
    return letters;
}

} // namespace letopis
