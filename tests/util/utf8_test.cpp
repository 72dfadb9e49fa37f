// util/utf8.h: the decoder's code points and byte positions on well-formed and malformed input,
// and the encoder, byte for byte.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "util/utf8.h"

namespace letopis {
namespace {

constexpr char32_t kFFFD = utf8::kReplacement;

// One decoded code point and the byte position utf8::next left behind.
struct Step {
    char32_t code_point;
    size_t end;
    bool operator==(const Step&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Step& step)
{
    return out << "{U+" << std::hex << std::uppercase << static_cast<uint32_t>(step.code_point) << std::dec << ", "
               << step.end << "}";
}

std::vector<Step> decode(std::string_view text)
{
    std::vector<Step> steps;
    for (size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        steps.push_back({c, pos});
    }
    return steps;
}

struct DecodeCase {
    const char* name;
    std::string_view bytes;
    std::vector<Step> steps;
};

void PrintTo(const DecodeCase& c, std::ostream* out) { *out << c.name; }
std::string case_name(const testing::TestParamInfo<DecodeCase>& info) { return info.param.name; }

class Utf8Decode : public testing::TestWithParam<DecodeCase> {};

TEST_P(Utf8Decode, GivesTheseCodePointsAndPositions)
{
    EXPECT_EQ(decode(GetParam().bytes), GetParam().steps);
}

INSTANTIATE_TEST_SUITE_P(
    WellFormed, Utf8Decode,
    testing::Values(
        DecodeCase{"Empty", "", {}},
        DecodeCase{"Ascii", "ok 1", {{U'o', 1}, {U'k', 2}, {U' ', 3}, {U'1', 4}}},
        DecodeCase{"Nul", std::string_view("\0a", 2), {{0, 1}, {U'a', 2}}},
        DecodeCase{"TwoByteYe", "е", {{0x0435, 2}}},
        DecodeCase{"TwoByteYo", "ёЁ", {{0x0451, 2}, {0x0401, 4}}},
        DecodeCase{"StressedVowel", "мо\u0301", {{0x043C, 2}, {0x043E, 4}, {0x0301, 6}}},
        DecodeCase{"SmallestTwoByte", "\xC2\x80", {{0x80, 2}}},
        DecodeCase{"LargestTwoByte", "\xDF\xBF", {{0x7FF, 2}}},
        DecodeCase{"ThreeByteDash", "\xE2\x80\x94", {{0x2014, 3}}},
        DecodeCase{"StressGlyph", "\xEE\x80\x80", {{0xE000, 3}}},
        DecodeCase{"SmallestThreeByte", "\xE0\xA0\x80", {{0x800, 3}}},
        DecodeCase{"JustBelowSurrogates", "\xED\x9F\xBF", {{0xD7FF, 3}}},
        DecodeCase{"ReplacementCharacterItself", "\xEF\xBF\xBD", {{kFFFD, 3}}},
        DecodeCase{"Emoji", "\xF0\x9F\x98\x80", {{0x1F600, 4}}},
        DecodeCase{"SmallestFourByte", "\xF0\x90\x80\x80", {{0x10000, 4}}},
        DecodeCase{"LargestCodePoint", "\xF4\x8F\xBF\xBF", {{0x10FFFF, 4}}},
        DecodeCase{"MixedWidths", "a\u0435\u20AC\U0001F600b",
                   {{U'a', 1}, {0x0435, 3}, {0x20AC, 6}, {0x1F600, 10}, {U'b', 11}}}),
    case_name);

INSTANTIATE_TEST_SUITE_P(
    Malformed, Utf8Decode,
    testing::Values(
        // Cut short: each byte of the broken sequence is one U+FFFD, and what follows is read.
        DecodeCase{"TwoByteLeadAtEnd", "\xD0", {{kFFFD, 1}}},
        DecodeCase{"TwoByteLeadBeforeAscii", "\xD0\x61", {{kFFFD, 1}, {U'a', 2}}},
        DecodeCase{"ThreeByteCutShort", "\xE2\x82", {{kFFFD, 1}, {kFFFD, 2}}},
        DecodeCase{"ThreeByteCutBeforeLetter", "\xE2\x82\xD0\xB5", {{kFFFD, 1}, {kFFFD, 2}, {0x0435, 4}}},
        DecodeCase{"FourByteCutShort", "\xF0\x9F\x98z", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}, {U'z', 4}}},
        // Continuation bytes with no lead.
        DecodeCase{"StrayContinuation", "\x80", {{kFFFD, 1}}},
        DecodeCase{"StrayContinuationInWord", "д\xBFа", {{0x0434, 2}, {kFFFD, 3}, {0x0430, 5}}},
        DecodeCase{"SecondHalfOfLetter", "\xB5\xD0\xB5", {{kFFFD, 1}, {0x0435, 3}}},
        // Overlong forms: never a code point, however small.
        DecodeCase{"OverlongNul", "\xC0\x80", {{kFFFD, 1}, {kFFFD, 2}}},
        DecodeCase{"OverlongTwoByte", "\xC1\xBF", {{kFFFD, 1}, {kFFFD, 2}}},
        DecodeCase{"OverlongThreeByteSlash", "\xE0\x80\xAF", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}}},
        DecodeCase{"OverlongAcute", "\xE0\x8C\x81", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}}},
        DecodeCase{"OverlongFourByte", "\xF0\x8F\xBF\xBF", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}, {kFFFD, 4}}},
        // Surrogates are UTF-16's; in UTF-8 they are malformed.
        DecodeCase{"HighSurrogate", "\xED\xA0\x80", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}}},
        DecodeCase{"LowSurrogate", "\xED\xBF\xBF", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}}},
        DecodeCase{"SurrogatePair", "\xED\xA0\xBD\xED\xB8\x80",
                   {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}, {kFFFD, 4}, {kFFFD, 5}, {kFFFD, 6}}},
        // Beyond U+10FFFF, and bytes that never start a sequence.
        DecodeCase{"AboveLargestCodePoint", "\xF4\x90\x80\x80", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}, {kFFFD, 4}}},
        DecodeCase{"LeadF5", "\xF5\x80\x80\x80", {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}, {kFFFD, 4}}},
        DecodeCase{"LeadFF", "\xFF" "a", {{kFFFD, 1}, {U'a', 2}}},
        // What a windows-1251 word looks like when read as UTF-8: «война».
        DecodeCase{"Windows1251Bytes", "\xE2\xEE\xE9\xED\xE0",
                   {{kFFFD, 1}, {kFFFD, 2}, {kFFFD, 3}, {kFFFD, 4}, {kFFFD, 5}}}),
    case_name);

TEST(Utf8, DecodesFromTheGivenPosition)
{
    const std::string_view text = "ёж\U0001F994";
    size_t pos = 2;
    EXPECT_EQ(utf8::next(text, pos), U'ж');
    EXPECT_EQ(pos, 4u);
    EXPECT_EQ(utf8::next(text, pos), U'\U0001F994');
    EXPECT_EQ(pos, 8u);
    // Starting inside a letter gives U+FFFD for the continuation byte alone.
    pos = 1;
    EXPECT_EQ(utf8::next(text, pos), kFFFD);
    EXPECT_EQ(pos, 2u);
}

TEST(Utf8, TellsAWrittenReplacementCharacterFromAMalformedByte)
{
    const std::string_view text = "\xEF\xBF\xBD\xFF";
    size_t pos = 0;
    EXPECT_EQ(utf8::next(text, pos), kFFFD);
    EXPECT_EQ(pos, 3u);
    EXPECT_EQ(utf8::next(text, pos), kFFFD);
    EXPECT_EQ(pos, 4u);
}

TEST(Utf8, AppendsEachWidth)
{
    struct Case {
        char32_t code_point;
        std::string_view bytes;
    };
    for (const Case& c : {Case{U'a', "a"}, Case{0, std::string_view("\0", 1)}, Case{0x7F, "\x7F"},
                          Case{0x80, "\xC2\x80"}, Case{U'е', "\xD0\xB5"}, Case{U'ё', "\xD1\x91"},
                          Case{0x0301, "\xCC\x81"}, Case{0x7FF, "\xDF\xBF"}, Case{0x800, "\xE0\xA0\x80"},
                          Case{0xE000, "\xEE\x80\x80"}, Case{0xFFFD, "\xEF\xBF\xBD"}, Case{0xFFFF, "\xEF\xBF\xBF"},
                          Case{0x10000, "\xF0\x90\x80\x80"}, Case{0x1F600, "\xF0\x9F\x98\x80"},
                          Case{0x10FFFF, "\xF4\x8F\xBF\xBF"}}) {
        std::string out = "x";
        utf8::append(out, c.code_point);
        EXPECT_EQ(out, "x" + std::string(c.bytes)) << "U+" << std::hex << static_cast<uint32_t>(c.code_point);
        EXPECT_EQ(utf8::encode(c.code_point), c.bytes);
    }
}

TEST(Utf8, AppendsReplacementForWhatIsNotACharacter)
{
    for (char32_t c : {char32_t{0xD800}, char32_t{0xDBFF}, char32_t{0xDC00}, char32_t{0xDFFF}, char32_t{0x110000},
                       char32_t{0x7FFFFFFF}, char32_t{0xFFFFFFFF}}) {
        EXPECT_EQ(utf8::encode(c), "\xEF\xBF\xBD") << "U+" << std::hex << static_cast<uint32_t>(c);
    }
}

TEST(Utf8, BuildsRussianWords)
{
    std::string word;
    for (char32_t c : std::u32string_view(U"молоко\u0301"))
        utf8::append(word, c);
    EXPECT_EQ(word, "молоко́");
    EXPECT_EQ(utf8::encode(U'Ё') + utf8::encode(U'ж'), "Ёж");
}

TEST(Utf8, EveryCodePointSurvivesARoundTrip)
{
    std::string text;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        text.clear();
        utf8::append(text, c);
        size_t pos = 0;
        const char32_t back = utf8::next(text, pos);
        ASSERT_EQ(back, c) << "U+" << std::hex << static_cast<uint32_t>(c);
        ASSERT_EQ(pos, text.size()) << "U+" << std::hex << static_cast<uint32_t>(c);
    }
}

TEST(Utf8, EveryTwoByteSequenceDecodesOrIsReplacedByteByByte)
{
    // All 65,536 byte pairs: a pair is one code point exactly when it is well formed; otherwise
    // the first byte alone becomes U+FFFD.
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            const char bytes[2] = {static_cast<char>(a), static_cast<char>(b)};
            const std::string_view text(bytes, 2);
            size_t pos = 0;
            const char32_t c = utf8::next(text, pos);
            const bool well_formed = a >= 0xC2 && a <= 0xDF && (b & 0xC0) == 0x80;
            if (a < 0x80) {
                ASSERT_EQ(c, static_cast<char32_t>(a));
                ASSERT_EQ(pos, 1u);
            } else if (well_formed) {
                ASSERT_EQ(c, static_cast<char32_t>(((a & 0x1F) << 6) | (b & 0x3F)));
                ASSERT_EQ(pos, 2u);
            } else {
                ASSERT_EQ(c, kFFFD) << a << " " << b;
                ASSERT_EQ(pos, 1u) << a << " " << b;
            }
        }
    }
}

} // namespace
} // namespace letopis
