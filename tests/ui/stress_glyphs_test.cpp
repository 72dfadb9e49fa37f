// Mapping between vowel + U+0301 and the atlas's stressed-vowel glyphs.
#include <gtest/gtest.h>

#include "ui/stress_glyphs.h"

namespace letopis {
namespace {

TEST(StressGlyphs, RoundTripKeepsTheText)
{
    for (const char* text : {"власть", "револю\u0301ция", "О\u0301льга Э\u0301то", "вы\u0301ход ю\u0301ный", "Хрущёв",
                             "", "ЧК", "a\u0301 latin stays"}) {
        EXPECT_EQ(from_stress_glyphs(to_stress_glyphs(text)), text) << text;
    }
}

TEST(StressGlyphs, StressedVowelsBecomeOneCodePoint)
{
    const std::string mapped = to_stress_glyphs("за\u0301мок");
    EXPECT_EQ(mapped.find("\u0301"), std::string::npos);
    EXPECT_NE(mapped.find("\uE000"), std::string::npos); // а is the first stressable vowel
    EXPECT_EQ(to_stress_glyphs("О\u0301"), "\uE00C"); // О is the 13th stressable vowel
    // A mark after a consonant or a Latin vowel is left as it is.
    EXPECT_EQ(to_stress_glyphs("м\u0301"), "м\u0301");
    EXPECT_EQ(to_stress_glyphs("a\u0301"), "a\u0301");
}

TEST(StressGlyphs, HidingRemovesMarksAndGlyphs)
{
    EXPECT_EQ(without_stress("большеви\u0301к"), "большевик");
    EXPECT_EQ(without_stress(to_stress_glyphs("Ю\u0301ра")), "Юра");
    EXPECT_EQ(without_stress("Хрущёв"), "Хрущёв");
}

TEST(StressGlyphs, MalformedBytesPassThroughUntouched)
{
    for (const char* text : {"\xCC" "A", "а\xFF", "а\x80\u0301", "\xD0", "\xE0\x8C\x81", "во\xD0йна"}) {
        EXPECT_EQ(to_stress_glyphs(text), text) << text;
        EXPECT_EQ(from_stress_glyphs(text), text) << text;
    }
    // A lead byte before a non-continuation byte is no U+0301, nor is an overlong form of it.
    EXPECT_EQ(without_stress("\xCC" "A"), "\xCC" "A");
    EXPECT_EQ(without_stress("\xE0\x8C\x81"), "\xE0\x8C\x81");
    EXPECT_EQ(without_stress("а\x80\u0301"), "а\x80");
}

} // namespace
} // namespace letopis
