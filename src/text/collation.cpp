// ICU-backed implementation of text/collation.h: one shared, immutable "ru" collator.
#include "text/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>

#include <memory>

namespace letopis {
namespace {

// Created once; const use of an ICU collator is thread-safe. Null if ICU has no data for "ru",
// in which case comparisons fall back to code point order (UTF-8 bytewise).
const icu::Collator* russian_collator()
{
    static const std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("ru"), status));
        if (U_FAILURE(status))
            made.reset();
        return made;
    }();
    return collator.get();
}

int bytewise(std::string_view a, std::string_view b)
{
    int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

} // namespace

int compare_russian(std::string_view a, std::string_view b)
{
    if (const icu::Collator* collator = russian_collator()) {
        UErrorCode status = U_ZERO_ERROR;
        UCollationResult result = collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                                        icu::StringPiece(b.data(), static_cast<int32_t>(b.size())),
                                                        status);
        if (U_SUCCESS(status) && result != UCOL_EQUAL)
            return result == UCOL_LESS ? -1 : 1;
    }
    return bytewise(a, b);
}

std::string russian_sort_key(std::string_view utf8)
{
    const icu::Collator* collator = russian_collator();
    if (!collator)
        return std::string(utf8);
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    int32_t size = collator->getSortKey(text, nullptr, 0);
    std::string key(static_cast<size_t>(size), '\0');
    collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), size);
    // getSortKey counts and writes a terminating zero byte; it adds nothing to the order.
    if (!key.empty() && key.back() == '\0')
        key.pop_back();
    return key;
}

} // namespace letopis
