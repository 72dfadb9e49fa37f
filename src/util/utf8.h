// UTF-8 one code point at a time, for code that walks text without ICU: a strict decoder that
// turns each malformed byte into U+FFFD, and the matching encoder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/verify.h"

namespace letopis::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point that starts at byte `pos` (which must be < text.size()) and moves `pos`
// past it. Anything not well-formed UTF-8 (a stray continuation byte, a sequence cut short, an
// overlong form, a surrogate, a value above U+10FFFF) gives U+FFFD and moves `pos` by exactly one
// byte, so decoding picks up again at the next byte. A U+FFFD written in the text is three bytes
// long, which is how a caller tells it from a malformed byte.
inline char32_t next(std::string_view text, size_t& pos)
{
    VERIFY(pos < text.size());
    const auto lead = static_cast<uint8_t>(text[pos]);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    size_t length = 0;
    char32_t c = 0;
    char32_t smallest = 0; // below this, the sequence is an overlong form of a shorter one
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1F;
        smallest = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0F;
        smallest = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07;
        smallest = 0x10000;
    } else {
        ++pos;
        return kReplacement;
    }
    if (text.size() - pos < length) {
        ++pos;
        return kReplacement;
    }
    for (size_t k = 1; k < length; ++k) {
        const auto byte = static_cast<uint8_t>(text[pos + k]);
        if ((byte & 0xC0) != 0x80) {
            ++pos;
            return kReplacement;
        }
        c = (c << 6) | (byte & 0x3F);
    }
    if (c < smallest || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        ++pos;
        return kReplacement;
    }
    pos += length;
    return c;
}

// Appends `c` as UTF-8; a surrogate or a value above U+10FFFF is appended as U+FFFD.
inline void append(std::string& out, char32_t c)
{
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        c = kReplacement;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// `c` as a UTF-8 string (see append()).
inline std::string encode(char32_t c)
{
    std::string out;
    append(out, c);
    return out;
}

} // namespace letopis::utf8
