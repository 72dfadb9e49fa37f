// Moving espeak's stress to the marked vowel, without espeak: the phonemes below are what
// espeak-ng 1.51 writes for the plain words, and the expectations what it writes when the stress
// is there.
#include <gtest/gtest.h>

#include "phoneme_test_util.h"
#include "speech/restress.h"

namespace letopis {
namespace {

std::vector<Phoneme> parsed(std::string_view separated)
{
    auto phonemes = parse_phonemes(separated, '|');
    EXPECT_TRUE(phonemes.ok()) << separated;
    return phonemes.ok() ? *phonemes : std::vector<Phoneme>{};
}

std::string moved(std::string_view word, std::string_view separated, int vowel)
{
    auto result = move_stress(word, parsed(separated), vowel);
    if (!result)
        return "error: " + result.error().describe();
    return format_phonemes(*result);
}

TEST(ParsePhonemes, SplitsStressAndJoinsPalatalisation)
{
    auto phonemes = parsed("@-|r|'u|k|;|I");
    ASSERT_EQ(phonemes.size(), 5u);
    EXPECT_EQ(phonemes[0], (Phoneme{"@-", Stress::None}));
    EXPECT_EQ(phonemes[2], (Phoneme{"u", Stress::Primary}));
    EXPECT_EQ(phonemes[3], (Phoneme{"k;", Stress::None}));
    EXPECT_EQ(format_phonemes(phonemes), "@-r'uk;I");
    EXPECT_EQ(format_phonemes(phonemes, '|'), "@-|r|'u|k;|I");
    EXPECT_EQ(parsed("t|@-|r|;|,8|x")[3], (Phoneme{"8", Stress::Secondary}));
}

TEST(ParsePhonemes, RefusesSeveralWordsAndOtherLanguages)
{
    EXPECT_FALSE(parse_phonemes("v z|a|m|'o|k", '|').ok());
    EXPECT_FALSE(parse_phonemes("(en)|h|@|l|'oU|(ru)", '|').ok());
}

TEST(Syllabic, VowelsButNotGlides)
{
    for (const char* vowel : {"a", "A", "a#", "V", "o", "8", "e", "E#", "i", "I", "y", "u", "u#", "u\"", "ju", "ja"})
        EXPECT_TRUE(is_syllabic(vowel)) << vowel;
    for (const char* other : {"@-", "I^", "j", "k;", "S;", "n_", "tS;", ""})
        EXPECT_FALSE(is_syllabic(other)) << other;
}

TEST(FindMarkedWords, MarkOrYoSaysWhere)
{
    const std::string text = "Я вошёл в за\u0301мок.";
    auto words = find_marked_words(text);
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0].plain, "вошёл");
    EXPECT_EQ(words[0].stressed_vowel, 1);
    EXPECT_EQ(words[1].plain, "замок");
    EXPECT_EQ(words[1].stressed_vowel, 0);
    EXPECT_EQ(text.substr(words[1].begin, words[1].end - words[1].begin), "за\u0301мок");
}

TEST(FindMarkedWords, UnmarkedForeignAndStrayMarksAreLeftToEspeak)
{
    EXPECT_TRUE(find_marked_words("Хрущев замок руки").empty());
    EXPECT_TRUE(find_marked_words("Sa\u0301int-Pétersbourg").empty());
    EXPECT_TRUE(find_marked_words("зам\u0301ок").empty()); // a mark on a consonant says nothing
    EXPECT_TRUE(find_marked_words("").empty());
}

TEST(FindMarkedWords, CapitalsHyphensAndSeveralMarks)
{
    auto capital = find_marked_words("ЗА\u0301МОК");
    ASSERT_EQ(capital.size(), 1u);
    EXPECT_EQ(capital[0].plain, "ЗАМОК");
    EXPECT_EQ(capital[0].stressed_vowel, 0);

    auto hyphen = find_marked_words("по-ру\u0301сски");
    ASSERT_EQ(hyphen.size(), 1u);
    EXPECT_EQ(hyphen[0].plain, "по-русски");
    EXPECT_EQ(hyphen[0].stressed_vowel, 1);

    // The explicit mark beats ё; the first of two marks counts.
    EXPECT_EQ(find_marked_words("трёхэта\u0301жный")[0].stressed_vowel, 2);
    EXPECT_EQ(find_marked_words("тво\u0301ро\u0301г")[0].stressed_vowel, 0);
}

TEST(MoveStress, ReducesTheVowelsThatChangePlace)
{
    struct Case {
        const char* word;
        const char* espeak;
        int vowel;
        const char* expected;
    };
    const Case cases[] = {
        {"замок", "z|a|m|'o|k", 0, "z'AmVk"},         // за́мок: о after the stress is reduced
        {"мука", "m|'u|k|a#", 1, "muk'A"},            // мука́
        {"руки", "@-|r|'u|k|;|I", 1, "@-ruk;'I"},     // руки́: the glide before r is no syllable
        {"дома", "d|'o|m|a#", 1, "dVm'A"},            // дома́
        {"плачу", "p|l|'A|tS;|u#", 1, "platS;'u#"},    // плачу́: а becomes first pretonic
        {"стоит", "s|t|V|'i|t", 0, "st'oit"},         // сто́ит
        {"берега", "b|;|i|r|;|'e|g|a#", 2, "b;ir;ig'A"}, // берега́
    };
    for (const Case& c : cases)
        EXPECT_EQ(moved(c.word, c.espeak, c.vowel), c.expected) << c.word;
}

TEST(MoveStress, StressAlreadyThereChangesNothing)
{
    EXPECT_EQ(moved("замок", "z|a|m|'o|k", 1), "zam'ok");
    // Even a dictionary's vowel of espeak (E# of a loanword) stays.
    EXPECT_EQ(moved("винтер", "v;|'i|n|t;|E#|r", 0), "v;'int;E#r");
}

TEST(MoveStress, YoKeepsItsVowelAwayFromTheStress)
{
    // трёхэта́жный: ё keeps [o] with a secondary stress.
    const std::string result = moved("трёхэтажный", "t|@-|r|;|'8|x|E2|t|V|Z|n|y|j", 2);
    EXPECT_EQ(result, "t@-r;,8xE#t'AZnyj");
    EXPECT_EQ(test::stressed_vowel(result), 2);
}

TEST(MoveStress, RefusesWhatCannotBePaired)
{
    EXPECT_FALSE(move_stress("ВКП", parsed("v|,E|k|,A|p|'E"), 0).ok()); // letters spelt out
    EXPECT_FALSE(move_stress("замок", parsed("z|a|m|'o|k"), 2).ok());
    EXPECT_FALSE(move_stress("замок", parsed("z|a|m|k"), 0).ok());
}

TEST(TestUtil, FindsTheStressedVowel)
{
    EXPECT_EQ(test::stressed_vowel("z'AmVk"), 0);
    EXPECT_EQ(test::stressed_vowel("zam'ok"), 1);
    EXPECT_EQ(test::stressed_vowel("@-ruk;'I"), 1);
    EXPECT_EQ(test::stressed_vowel("x@-ruS;'8f"), 1);
    EXPECT_EQ(test::stressed_vowel("zamok"), -1);
    EXPECT_EQ(test::stressed_phoneme("m'uka#"), "u");
    EXPECT_EQ(test::stressed_phoneme("S;'u#ka#"), "u#");
}

} // namespace
} // namespace letopis
