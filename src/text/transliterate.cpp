// ICU-backed implementation of text/transliterate.h. The phonetic scheme is our own rule set:
// ICU's Latin-Cyrillic wants diacritics and Latin-Russian/BGN misreads yazyk and sovetskiy.
#include "text/transliterate.h"

#include <memory>

#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "text/normalize.h"
#include "util/verify.h"

namespace letopis {
namespace {

// ICU tries rules in order and rejects a rule masked by an earlier one, so longer keys come
// first. A before-context is matched against text already transliterated, hence Cyrillic sets.
// Not mapped on purpose: ts (советский would become совецкий) and jo (район, майор).
constexpr const char16_t* kPhoneticRules = uR"RULES(
:: [A-Za-z'\#] ;
$vowel = [аеёиоуыэюяАЕЁИОУЫЭЮЯ] ;
$consonant = [бвгджзклмнпрстфхцчшщБВГДЖЗКЛМНПРСТФХЦЧШЩ] ;
shch > щ ; Shch > Щ ; SHCH > Щ ;
$consonant { ye > ые ; $consonant { Ye > Ые ; $consonant { YE > ЫЕ ;
ye > е ; Ye > Е ; YE > Е ;
ya > я ; Ya > Я ; YA > Я ;
yu > ю ; Yu > Ю ; YU > Ю ;
yo > ё ; Yo > Ё ; YO > Ё ;
ja > я ; Ja > Я ; JA > Я ;
ju > ю ; Ju > Ю ; JU > Ю ;
je > е ; Je > Е ; JE > Е ;
zh > ж ; Zh > Ж ; ZH > Ж ;
kh > х ; Kh > Х ; KH > Х ;
ch > ч ; Ch > Ч ; CH > Ч ;
sh > ш ; Sh > Ш ; SH > Ш ;
e\' > э ; E\' > Э ;
\'\' > ъ ;
\' > ь ;
\# > ъ ;
$vowel { y > й ; $vowel { Y > Й ;
y > ы ; Y > Ы ;
a > а ; A > А ; b > б ; B > Б ; v > в ; V > В ; g > г ; G > Г ; d > д ; D > Д ;
e > е ; E > Е ; z > з ; Z > З ; i > и ; I > И ; j > й ; J > Й ; k > к ; K > К ;
l > л ; L > Л ; m > м ; M > М ; n > н ; N > Н ; o > о ; O > О ; p > п ; P > П ;
r > р ; R > Р ; s > с ; S > С ; t > т ; T > Т ; u > у ; U > У ; f > ф ; F > Ф ;
h > х ; H > Х ; x > х ; X > Х ; c > ц ; C > Ц ; w > щ ; W > Щ ;
)RULES";

std::unique_ptr<icu::Transliterator> make_phonetic()
{
    UErrorCode status = U_ZERO_ERROR;
    UParseError error;
    std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createFromRules(
        u"Letopis-Phonetic", icu::UnicodeString(kPhoneticRules), UTRANS_FORWARD, error, status));
    // The rules are a constant of this file: failing to compile them is a bug, not an input error.
    VERIFY(U_SUCCESS(status) && transliterator);
    return transliterator;
}

std::unique_ptr<icu::Transliterator> make_system(const char16_t* id)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(
        icu::Transliterator::createInstance(icu::UnicodeString(id), UTRANS_FORWARD, status));
    VERIFY(U_SUCCESS(status) && transliterator);
    return transliterator;
}

// One instance per thread: transliterate() is not documented as safe to share.
icu::Transliterator& phonetic()
{
    thread_local auto instance = make_phonetic();
    return *instance;
}

icu::Transliterator& bgn()
{
    thread_local auto instance = make_system(u"Russian-Latin/BGN");
    return *instance;
}

icu::Transliterator& bgn_ascii()
{
    thread_local auto instance = make_system(u"Russian-Latin/BGN; Latin-ASCII");
    return *instance;
}

std::string apply(icu::Transliterator& transliterator, std::string_view utf8)
{
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    transliterator.transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

std::string phonetic_to_cyrillic(std::string_view latin)
{
    return apply(phonetic(), latin);
}

std::string romanize(std::string_view russian, Romanization style)
{
    // BGN leaves a stress mark combining (u + U+0301); NFC makes it ú, as text is kept.
    return to_nfc(apply(style == Romanization::Ascii ? bgn_ascii() : bgn(), russian));
}

} // namespace letopis
