// Splitting text into user-perceived letters: stress marks ride on their vowel, ё and й are
// letters of their own whatever the normalisation form.
#include <gtest/gtest.h>

#include "text/letters.h"

namespace letopis {
namespace {

TEST(Letters, StressedVowelIsOneLetter)
{
    const auto letters = split_letters("во́йна");
    ASSERT_EQ(letters.size(), 5u);
    EXPECT_EQ(letters[1].text, "о́");
    EXPECT_EQ(letters[1].plain, "о");
    EXPECT_TRUE(letters[1].stressed);
    EXPECT_FALSE(letters[0].stressed);
    EXPECT_EQ(letters[2].plain, "й");
}

TEST(Letters, NfdAndNfcGiveTheSameLetters)
{
    const auto composed = split_letters("Ёлка й");
    const auto decomposed = split_letters("Е\u0308лка и\u0306");
    ASSERT_EQ(composed.size(), decomposed.size());
    for (size_t i = 0; i < composed.size(); ++i) {
        EXPECT_EQ(composed[i].text, decomposed[i].text);
        EXPECT_EQ(composed[i].folded, decomposed[i].folded);
    }
    EXPECT_EQ(composed[0].folded, "ё");
    EXPECT_EQ(composed[5].plain, "й");
}

TEST(Letters, GraveIsStressAndPrecomposedFormsAreSplit)
{
    // U+0450 (е with grave) is a precomposed stressed е.
    const auto letters = split_letters("\u0450");
    ASSERT_EQ(letters.size(), 1u);
    EXPECT_EQ(letters[0].plain, "е");
    EXPECT_TRUE(letters[0].stressed);
}

TEST(Letters, ScriptAndKind)
{
    const auto letters = split_letters("пo 1,\t");
    ASSERT_EQ(letters.size(), 6u);
    EXPECT_EQ(letters[0].script, Script::Cyrillic);
    EXPECT_EQ(letters[1].script, Script::Latin);
    EXPECT_EQ(letters[1].kind, LetterKind::Letter);
    EXPECT_EQ(letters[2].kind, LetterKind::Space);
    EXPECT_EQ(letters[3].kind, LetterKind::Digit);
    EXPECT_EQ(letters[4].kind, LetterKind::Punctuation);
    EXPECT_EQ(letters[5].kind, LetterKind::Space);
}

TEST(Letters, CaseFolding)
{
    const auto letters = split_letters("ЁЙO");
    ASSERT_EQ(letters.size(), 3u);
    EXPECT_EQ(letters[0].folded, "ё");
    EXPECT_EQ(letters[1].folded, "й");
    EXPECT_EQ(letters[2].folded, "o");
    EXPECT_EQ(letters[2].text, "O");
}

TEST(Letters, LoneMarkAndInvalidBytes)
{
    auto letters = split_letters("\u0301а");
    ASSERT_EQ(letters.size(), 2u);
    EXPECT_TRUE(letters[0].plain.empty());
    EXPECT_TRUE(letters[0].stressed);
    letters = split_letters("\xff");
    ASSERT_EQ(letters.size(), 1u);
    EXPECT_EQ(letters[0].text, "\uFFFD");
    EXPECT_TRUE(split_letters("").empty());
}

} // namespace
} // namespace letopis
