// The expected side of typed answers: alternatives, optional parts, the English field's extra
// separators and articles, and the syntax check deck linting can use.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/answer/expected_answer.h"

namespace letopis {
namespace {

using Variants = std::vector<std::string>;

TEST(ExpectedAnswer, PlainFieldIsOneAnswer)
{
    const auto expected = parse_expected("  Вре́менное   прави́тельство ");
    ASSERT_EQ(expected.alternatives.size(), 1u);
    EXPECT_EQ(expected.alternatives[0].written, "Вре́менное прави́тельство");
    EXPECT_EQ(expected.alternatives[0].variants, Variants{"Вре́менное прави́тельство"});
}

TEST(ExpectedAnswer, SemicolonAndBarSeparateAlternatives)
{
    const auto expected = parse_expected("де́лать | сде́лать; твори́ть");
    ASSERT_EQ(expected.alternatives.size(), 3u);
    EXPECT_EQ(expected.alternatives[0].written, "де́лать");
    EXPECT_EQ(expected.alternatives[1].written, "сде́лать");
    EXPECT_EQ(expected.alternatives[2].written, "твори́ть");
}

TEST(ExpectedAnswer, CommaAndSlashDoNotSeparateRussian)
{
    const auto expected = parse_expected("Мир, земля́, хлеб");
    ASSERT_EQ(expected.alternatives.size(), 1u);
    EXPECT_EQ(expected.alternatives[0].variants, Variants{"Мир, земля́, хлеб"});
    EXPECT_EQ(parse_expected("км/ч").alternatives.size(), 1u);
}

TEST(ExpectedAnswer, OptionalPartsExpandBothWays)
{
    auto expected = parse_expected("(по)бежа́ть");
    ASSERT_EQ(expected.alternatives.size(), 1u);
    EXPECT_EQ(expected.alternatives[0].variants, (Variants{"побежа́ть", "бежа́ть"}));

    expected = parse_expected("Декре́т (о ми́ре)");
    EXPECT_EQ(expected.alternatives[0].variants, (Variants{"Декре́т о ми́ре", "Декре́т"}));

    expected = parse_expected("(Вели́кая) (Октя́брьская) револю́ция");
    EXPECT_EQ(expected.alternatives[0].variants,
              (Variants{"Вели́кая Октя́брьская револю́ция", "Октя́брьская револю́ция", "Вели́кая револю́ция",
                        "револю́ция"}));
}

TEST(ExpectedAnswer, SeparatorsInsideParenthesesDoNotSplit)
{
    const auto expected = parse_expected("loot the looters (literally \"loot\"; a slogan, 1917)", AnswerField::English);
    ASSERT_EQ(expected.alternatives.size(), 1u);
    EXPECT_EQ(expected.alternatives[0].variants[1], "loot the looters");
}

TEST(ExpectedAnswer, EnglishSplitsAtCommasAndDropsLeadingArticles)
{
    const auto expected = parse_expected("soviet, council; the authorities; to sign", AnswerField::English);
    ASSERT_EQ(expected.alternatives.size(), 4u);
    EXPECT_EQ(expected.alternatives[0].variants, Variants{"soviet"});
    EXPECT_EQ(expected.alternatives[2].variants, (Variants{"the authorities", "authorities"}));
    EXPECT_EQ(expected.alternatives[3].variants, (Variants{"to sign", "sign"}));
    // "a" only as a word of its own.
    EXPECT_EQ(parse_expected("abdication", AnswerField::English).alternatives[0].variants, Variants{"abdication"});
}

TEST(ExpectedAnswer, UnbalancedParenthesesAreLiteral)
{
    EXPECT_EQ(parse_expected("(по бежа́ть").alternatives[0].variants, Variants{"(по бежа́ть"});
    EXPECT_EQ(parse_expected("по) бежа́ть").alternatives[0].variants, Variants{"по) бежа́ть"});
}

TEST(ExpectedAnswer, EmptyAlternativesAreSkipped)
{
    EXPECT_TRUE(parse_expected("").alternatives.empty());
    EXPECT_TRUE(parse_expected(" ; | ").alternatives.empty());
    EXPECT_EQ(parse_expected("мир;;").alternatives.size(), 1u);
}

TEST(ExpectedAnswer, OptionalPartsBeyondTheLimitAreRequired)
{
    const auto expected = parse_expected("(а) (б) (в) (г) (д) (е) (ж) з");
    ASSERT_EQ(expected.alternatives.size(), 1u);
    const auto& variants = expected.alternatives[0].variants;
    EXPECT_EQ(variants.size(), 64u);
    EXPECT_EQ(variants.front(), "а б в г д е ж з");
    EXPECT_EQ(variants.back(), "ж з");
}

TEST(ExpectedAnswer, InputIsNormalisedToNfc)
{
    EXPECT_EQ(parse_expected("е\u0308лка").alternatives[0].variants, Variants{"ёлка"});
}

TEST(ExpectedAnswerSyntax, AcceptsWellFormedFields)
{
    EXPECT_TRUE(check_expected_syntax("(по)бежа́ть | бе́гать").ok());
    EXPECT_TRUE(check_expected_syntax("ЧК").ok());
    EXPECT_TRUE(check_expected_syntax("(political) party; faction", AnswerField::English).ok());
}

TEST(ExpectedAnswerSyntax, NamesTheProblem)
{
    struct Bad {
        const char* field;
        const char* message;
    };
    const Bad cases[] = {
        {"(по бежа́ть", "a '(' without its ')'"},
        {"по) бежа́ть", "a ')' without its '('"},
        {"((по))бежа́ть", "nested parentheses: an optional part cannot hold another"},
        {"бежа́ть;;бе́гать", "an empty alternative between separators"},
        {"бежа́ть |", "an empty alternative between separators"},
        {"", "the answer is empty"},
        {"(бежа́ть)", "\"(бежа́ть)\" is all optional: keep some of it outside parentheses"},
        {"(а)(б)(в)(г)(д)(е)(ж) з", "more than 6 optional parts in \"(а)(б)(в)(г)(д)(е)(ж) з\""},
    };
    for (const auto& bad : cases) {
        const auto status = check_expected_syntax(bad.field);
        ASSERT_FALSE(status.ok()) << bad.field;
        EXPECT_EQ(status.error().kind, ErrorKind::InvalidInput);
        EXPECT_EQ(status.error().message, bad.message) << bad.field;
    }
}

} // namespace
} // namespace letopis
