// Typed answers against expected ones: a table of real cases (stress, ё both ways, й/и, Latin
// look-alikes, typos, alternatives, optional parts, empty answers, punctuation, case), then the
// diff tokens and notes the review screen shows.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/answer/answer_check.h"
#include "text/normalize.h"

namespace letopis {
namespace {

struct Case {
    const char* expected;
    const char* typed;
    Verdict verdict;
    const char* diff = nullptr; // diff_text() of the tokens, when the case pins it
    AnswerField field = AnswerField::Russian;
};

std::ostream& operator<<(std::ostream& out, const Case& c)
{
    return out << "expected \"" << c.expected << "\", typed \"" << c.typed << "\"";
}

constexpr auto C = Verdict::Correct;
constexpr auto A = Verdict::Almost;
constexpr auto W = Verdict::Wrong;
constexpr auto En = AnswerField::English;

const Case kCases[] = {
    // Stress marks are ignored, typed or not, acute or grave, right or wrong.
    {"револю́ция", "революция", C, "револю́ция"},
    {"револю́ция", "револю́ция", C},
    {"револю́ция", "револю̀ция", C},
    {"револю́ция", "ре́волюция", C},
    {"Вре́менное прави́тельство", "временное правительство", C, "Вре́менное прави́тельство"},
    {"война́", "война", C},
    {"война́", "войнá", A}, // a stressed Latin á is still a look-alike
    // NFC and NFD are the same text.
    {"ёлка", "е\u0308лка", C},
    {"е\u0308лка", "ёлка", C},
    {"Зи́мний дворе́ц", "Зимнии\u0306 дворец", C},
    {"и\u0301ли", "или", C},
    // ё: е typed for ё is accepted, ё typed for е is a different word.
    {"продразвёрстка", "продразверстка", C, "продразвёрстка"},
    {"продразвёрстка", "продразвёрстка", C},
    {"Хрущёв", "хрущев", C},
    {"ёлка", "ЕЛКА", C},
    {"все", "всё", W, "вс[ё→е]"},
    {"не́бо", "нёбо", W},
    {"Февра́льская револю́ция", "Фёвральская революция", W},
    {"продразвёрстка", "продрозверстка", A},
    // й and и are different letters: one of them for the other is a typo.
    {"Юрий", "Юрии", A, "Юри[и→й]"},
    {"мой", "мои", W},
    {"бой", "бои", W},
    {"рабо́чий", "рабочии", A},
    {"Зи́мний дворе́ц", "Зимнии дворец", A},
    {"Юрии", "Юрий", A},
    // Latin look-alikes inside a Cyrillic word are caught, and never count as typos.
    {"поли́тика", "пoлитика", A, "п[o→о]ли́тика"},
    {"сове́т", "coвет", A, "[co→со]ве́т"},
    {"матро́с", "матрoс", A},
    {"кула́к", "кулak", A},
    {"ЧК", "ЧK", A},
    {"декре́т", "дekpeт", A},
    {"хлеб", "xлеб", A},
    {"штурм", "штуpм", A},
    {"война́", "вoйнa", A},
    {"Вре́менное прави́тельство", "Bременное правительство", A},
    {"суд", "cyд", A},
    {"власть", "властb", A},
    {"нет", "hет", A},
    {"мир", "mир", A},
    {"тыл", "tыл", A},
    {"това́рищ", "тoварищь", A},
    {"поли́тика", "пoлтка", W},
    {"Анта́нта", "Antanta", W},
    {"мир", "mir", W},
    // One typo in a word of four or more letters is almost; more, or in a shorter word, is wrong.
    {"револю́ция", "револуция", A, "револ[у→ю́]ция"},
    {"револю́ция", "революцыя", A},
    {"револю́ция", "револция", A, "револ[+ю́]ция"},
    {"револю́ция", "револьюция", A, "револ[-ь]ю́ция"},
    {"револю́ция", "ревлоюция", A, "рев[ло→ол]ю́ция"},
    {"револю́ция", "ревлоюцыя", W},
    {"съезд", "сьезд", A},
    {"съезд", "сезд", A},
    {"штурм", "шторм", A},
    {"ЧК", "ЧГ", W},
    {"нэп", "неп", W},
    {"мир", "мор", W},
    {"мир", "мри", W},
    {"мир", "мира", W},
    {"Декре́т о ми́ре", "Декрет омире", A, "Декре́т о[+ ]ми́ре"},
    {"Декре́т о ми́ре", "Декрет о мере", A},
    {"Декре́т о ми́ре", "Декрет а мире", W},
    {"Декре́т о ми́ре", "Декрт о мре", W},
    {"Вое́нно-революцио́нный комите́т", "Военно революционный комитет", A},
    {"Вое́нно-революцио́нный комите́т", "Военно-революционный", W},
    {"власть", "власть советам", W},
    // Alternatives and optional parts.
    {"бежа́ть | побежа́ть", "побежать", C, "побежа́ть"},
    {"бежа́ть | побежа́ть", "бежать", C, "бежа́ть"},
    {"бежа́ть; побежа́ть", "бежать", C},
    {"(по)бежа́ть", "бежать", C, "бежа́ть"},
    {"(по)бежа́ть", "побежать", C, "побежа́ть"},
    {"(по)бежа́ть", "пабежать", A, "п[а→о]бежа́ть"},
    {"(по)бежа́ть", "забежать", W},
    {"Декре́т (о ми́ре)", "декрет", C},
    {"Декре́т (о ми́ре)", "декрет о мире", C},
    {"Декре́т (о ми́ре)", "декрет о", W}, // an optional part is all or nothing
    {"свет | мир", "мир", C},
    {"де́лать | сде́лать", "зделать", A, "[з→с]де́лать"},
    {"(по)бежа́ть | бе́гать", "бегать", C},
    {"(по)бежа́ть | бе́гать", "бегить", A},
    // Empty answers.
    {"власть", "", W, "[+власть]"},
    {"власть", "   ", W},
    {"власть", ".", W},
    {"", "", C},
    {"", "власть", W, "[-власть]"},
    // Final punctuation is ignored; other punctuation counts.
    {"Вся власть Сове́там!", "вся власть советам", C},
    {"Вся власть Сове́там", "Вся власть Советам!", C},
    {"Вся власть Сове́там", "Вся власть Советам...", C},
    {"власть", "власть?", C},
    {"грабь награ́бленное", "грабь, награбленное", A, "грабь[-,] награ́бленное"},
    {"ЧК", "Ч.К.", W},
    {"т. е.", "т.е.", W},
    // Case and spaces.
    {"Вре́менное прави́тельство", "  временное   правительство  ", C},
    {"Вре́менное прави́тельство", "Временное\tправительство", C},
    {"Вре́менное прави́тельство", "Временноеправительство", A},
    {"ВЦИК", "вцик", C},
    {"большеви́к", "БОЛЬШЕВИК", C},
    {"Анта́нта", "антанта", C},
    {"Анта́нта", "АнТаНтА", C},
    // English fields: senses split at ; and , and the leading article or "to" is optional.
    {"power; authority; the authorities", "power", C, nullptr, En},
    {"power; authority; the authorities", "authorities", C, nullptr, En},
    {"power; authority; the authorities", "The Authorities", C, nullptr, En},
    {"(political) party", "party", C, nullptr, En},
    {"(political) party", "political party", C, nullptr, En},
    {"soviet, council; advice", "council", C, nullptr, En},
    {"to abdicate; to renounce", "abdicate", C, nullptr, En},
    {"to abdicate; to renounce", "to renounce", C, nullptr, En},
    {"revolution", "revolutoin", A, "revolut[oi→io]n", En},
    {"war", "wor", W, nullptr, En},
    {"war", "wаr", A, "w[а→a]r", En},
    {"peasant", "крестьянин", W, nullptr, En},
    {"Sovnarkom, the Council of People's Commissars", "sovnarkom", C, nullptr, En},
};

class AnswerTable : public testing::TestWithParam<Case> {};

TEST_P(AnswerTable, VerdictAndDiff)
{
    const Case& c = GetParam();
    const auto check = check_answer(c.expected, c.typed, c.field);
    EXPECT_EQ(verdict_name(check.verdict), verdict_name(c.verdict));
    if (c.diff) {
        EXPECT_EQ(diff_text(check.tokens), c.diff);
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, AnswerTable, testing::ValuesIn(kCases));

TEST(AnswerTable, HasAtLeastSixtyCases) { EXPECT_GE(std::size(kCases), 60u); }

TEST(AnswerCheck, TokensCarryTheExpectedFormAndWhatWasTyped)
{
    const auto check = check_answer("револю́ция", "Револуция");
    const std::vector<DiffToken> expected{
        {DiffKind::Match, "револ", "Револ"},
        {DiffKind::Wrong, "ю́", "у"},
        {DiffKind::Match, "ция", "ция"},
    };
    EXPECT_EQ(check.tokens, expected);
    EXPECT_EQ(check.typos, 1);
}

TEST(AnswerCheck, TokensOfMissingAndExtraLetters)
{
    const auto missing = check_answer("съезд", "сезд");
    const std::vector<DiffToken> expected_missing{
        {DiffKind::Match, "с", "с"}, {DiffKind::Missing, "ъ", ""}, {DiffKind::Match, "езд", "езд"}};
    EXPECT_EQ(missing.tokens, expected_missing);

    const auto extra = check_answer("мир", "миро");
    const std::vector<DiffToken> expected_extra{{DiffKind::Match, "мир", "мир"}, {DiffKind::Extra, "", "о"}};
    EXPECT_EQ(extra.tokens, expected_extra);
}

TEST(AnswerCheck, ExpectedSideOfTokensSpellsTheAnswer)
{
    const auto check = check_answer("Вре́менное прави́тельство", "врменное правитильство");
    std::string expected;
    for (const auto& token : check.tokens) {
        if (token.kind != DiffKind::Extra)
            expected += token.expected;
    }
    EXPECT_EQ(expected, "Вре́менное прави́тельство");
    EXPECT_EQ(check.verdict, Verdict::Wrong);
    EXPECT_EQ(check.typos, 2);
}

TEST(AnswerCheck, StressMarkNeverSplitsFromItsVowel)
{
    // The missing letter is the stressed vowel itself, mark and all.
    const auto check = check_answer("война́", "войн");
    ASSERT_EQ(check.tokens.size(), 2u);
    EXPECT_EQ(check.tokens[1].kind, DiffKind::Missing);
    EXPECT_EQ(check.tokens[1].expected, "а́");
}

TEST(AnswerCheck, YoAcceptedIsNotedWithTheRightSpelling)
{
    const auto check = check_answer("продразвёрстка", "продразверстка");
    ASSERT_EQ(check.notes.size(), 1u);
    EXPECT_EQ(check.notes[0].kind, NoteKind::YoAccepted);
    EXPECT_EQ(check.notes[0].word, "продразвёрстка");
    EXPECT_EQ(check.notes[0].typed, "продразверстка");
    EXPECT_EQ(note_text(check.notes[0]), "е accepted for ё: the word is spelt продразвёрстка.");
    // The token shows the ё.
    EXPECT_EQ(check.tokens.front().expected, "продразвёрстка");
}

TEST(AnswerCheck, YoForEIsNamed)
{
    const auto check = check_answer("все", "всё");
    ASSERT_EQ(check.notes.size(), 1u);
    EXPECT_EQ(check.notes[0].kind, NoteKind::YoForE);
    EXPECT_EQ(note_text(check.notes[0]), "ё is not е: the word is все, you typed всё.");
}

TEST(AnswerCheck, LatinLookAlikeIsNamed)
{
    const auto check = check_answer("поли́тика", "пoлитика");
    ASSERT_EQ(check.notes.size(), 1u);
    EXPECT_EQ(check.notes[0].kind, NoteKind::LatinLetters);
    EXPECT_EQ(check.notes[0].word, "поли́тика");
    EXPECT_EQ(note_text(check.notes[0]), "You typed Latin o in пoлитика.");
    EXPECT_EQ(check.typos, 0);
}

TEST(AnswerCheck, SeveralLatinLettersAreNamedOnceEach)
{
    const auto check = check_answer("Вре́менное прави́тельство", "Bpеменнoе пpавительствo");
    ASSERT_EQ(check.notes.size(), 2u);
    EXPECT_EQ(check.notes[0].letters, (std::vector<std::string>{"B", "p", "o"}));
    EXPECT_EQ(note_text(check.notes[0]), "You typed Latin B, p, o in Bpеменнoе.");
    EXPECT_EQ(note_text(check.notes[1]), "You typed Latin p, o in пpавительствo.");
    EXPECT_EQ(check.verdict, Verdict::Almost);
}

TEST(AnswerCheck, LookAlikeWithATypoIsStillAlmost)
{
    const auto check = check_answer("това́рищ", "тoварищь");
    EXPECT_EQ(check.verdict, Verdict::Almost);
    EXPECT_EQ(check.typos, 1);
    ASSERT_FALSE(check.notes.empty());
    EXPECT_EQ(check.notes[0].kind, NoteKind::LatinLetters);
}

TEST(AnswerCheck, WholeAnswerInLatinIsNotedNotExcused)
{
    const auto check = check_answer("Анта́нта", "Antanta");
    EXPECT_EQ(check.verdict, Verdict::Wrong);
    ASSERT_EQ(check.notes.size(), 1u);
    EXPECT_EQ(check.notes[0].kind, NoteKind::TypedInLatin);
    EXPECT_EQ(check.notes[0].typed, "Antanta");
}

TEST(AnswerCheck, CyrillicLookAlikeInAnEnglishAnswer)
{
    const auto check = check_answer("war", "wаr", AnswerField::English);
    ASSERT_EQ(check.notes.size(), 1u);
    EXPECT_EQ(check.notes[0].kind, NoteKind::CyrillicLetters);
    EXPECT_EQ(note_text(check.notes[0]), "You typed Cyrillic а in wаr.");
}

TEST(AnswerCheck, StressNoteOnlyWhenTheLearnerMarkedAnotherVowel)
{
    auto check = check_answer("револю́ция", "ре́волюция");
    ASSERT_EQ(check.notes.size(), 1u);
    EXPECT_EQ(check.notes[0].kind, NoteKind::StressElsewhere);
    EXPECT_EQ(note_text(check.notes[0]), "Stress: револю́ция (you marked ре́волюция).");
    EXPECT_EQ(check.verdict, Verdict::Correct);

    EXPECT_TRUE(check_answer("револю́ция", "револю́ция").notes.empty());
    EXPECT_TRUE(check_answer("револю́ция", "революция").notes.empty());
    // ё carries the stress of a word without a mark.
    EXPECT_TRUE(check_answer("ёлка", "ё\u0301лка").notes.empty());
    EXPECT_EQ(check_answer("ёлка", "ёлка\u0301").notes.size(), 1u);
    // Only the word the learner marked is judged.
    check = check_answer("Вре́менное прави́тельство", "Време́нное правительство");
    ASSERT_EQ(check.notes.size(), 1u);
    EXPECT_EQ(check.notes[0].word, "Вре́менное");
}

TEST(AnswerCheck, ClosestAlternativeIsReported)
{
    auto check = check_answer("бежа́ть | побежа́ть", "побежать");
    EXPECT_EQ(check.alternative, 1);
    EXPECT_EQ(check.closest, "побежа́ть");
    ASSERT_EQ(check.expected.alternatives.size(), 2u);

    check = check_answer("(по)бежа́ть", "бежать");
    EXPECT_EQ(check.alternative, 0);
    EXPECT_EQ(check.closest, "бежа́ть");
    EXPECT_EQ(check.expected.alternatives[0].written, "(по)бежа́ть");
}

TEST(AnswerCheck, EmptyAnswerShowsTheWholeExpectedAsMissing)
{
    const auto check = check_answer("Вре́менное прави́тельство", " ");
    EXPECT_EQ(check.verdict, Verdict::Wrong);
    ASSERT_EQ(check.tokens.size(), 1u);
    EXPECT_EQ(check.tokens[0].kind, DiffKind::Missing);
    EXPECT_EQ(check.tokens[0].expected, "Вре́менное прави́тельство");
}

TEST(AnswerCheck, PastedPageIsWrongWithoutAligning)
{
    std::string page;
    for (int i = 0; i < 20000; ++i)
        page += "власть ";
    const auto check = check_answer("власть", page);
    EXPECT_EQ(check.verdict, Verdict::Wrong);
}

TEST(AnswerCheck, SuggestedRatingIsGoodOnlyForCorrect)
{
    EXPECT_EQ(suggested_rating(Verdict::Correct), Rating::Good);
    EXPECT_EQ(suggested_rating(Verdict::Almost), Rating::Again);
    EXPECT_EQ(suggested_rating(Verdict::Wrong), Rating::Again);
    EXPECT_EQ(verdict_name(Verdict::Almost), "almost");
    EXPECT_EQ(diff_kind_name(DiffKind::Missing), "missing");
}

std::vector<std::vector<std::string>> read_deck_rows(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool header = false;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::vector<std::string> fields;
        std::stringstream split(line);
        std::string field;
        while (std::getline(split, field, '\t'))
            fields.push_back(field);
        if (!header) {
            header = true;
            continue;
        }
        rows.push_back(fields);
    }
    return rows;
}

// The shipped deck's fields were written before this syntax: each must still be one answer that
// accepts itself, typed with or without stress marks.
TEST(AnswerCheck, ShippedDeckRussianFieldsAreSingleAnswers)
{
    const auto rows = read_deck_rows(std::string(LETOPIS_SOURCE_DIR) + "/decks/01-revolution-and-civil-war.tsv");
    ASSERT_GE(rows.size(), 60u);
    for (const auto& row : rows) {
        ASSERT_GE(row.size(), 3u);
        const std::string& russian = row[1];
        const auto expected = parse_expected(russian);
        ASSERT_EQ(expected.alternatives.size(), 1u) << russian;
        ASSERT_EQ(expected.alternatives[0].variants.size(), 1u) << russian;
        EXPECT_EQ(expected.alternatives[0].variants[0], to_nfc(russian));
        EXPECT_TRUE(check_expected_syntax(russian).ok()) << russian;
        EXPECT_EQ(check_answer(russian, strip_stress(russian)).verdict, Verdict::Correct) << russian;
        EXPECT_EQ(check_answer(russian, russian).verdict, Verdict::Correct) << russian;
    }
}

TEST(AnswerCheck, ShippedDeckEnglishFieldsAcceptEachSense)
{
    const auto rows = read_deck_rows(std::string(LETOPIS_SOURCE_DIR) + "/decks/01-revolution-and-civil-war.tsv");
    for (const auto& row : rows) {
        const std::string& english = row[2];
        EXPECT_TRUE(check_expected_syntax(english, AnswerField::English).ok()) << english;
        const auto expected = parse_expected(english, AnswerField::English);
        ASSERT_FALSE(expected.alternatives.empty()) << english;
        for (const auto& alternative : expected.alternatives) {
            for (const auto& variant : alternative.variants)
                EXPECT_EQ(check_answer(english, variant, AnswerField::English).verdict, Verdict::Correct) << variant;
        }
    }
}

} // namespace
} // namespace letopis
