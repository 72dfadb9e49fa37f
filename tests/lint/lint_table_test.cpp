// The linter as a table: one deck line in, the exact messages out. The stress dictionary is a
// small accent-marked text in the dictionary's own notation; lemmas come from hunspell-ru.
#include "deck/deck_lint.h"

#include <gtest/gtest.h>

#include "deck/import_file.h"
#include "text/lemmas.h"
#include "text/stress_dictionary.h"

namespace letopis {
namespace {

const std::string kHeader = "# title: T\nkey\trussian\tenglish\texample_ru\n";

// In Mueller7's notation: the stressed vowel is a capital.
constexpr std::string_view kAccents = "войнА совЕт револЮция диктАтор зАмок замОк Имя ЛенингрАд ЭВМ";

struct LintCase {
    const char* name;
    std::string line; // one note: key, russian, english, example_ru
    std::vector<std::string> expected; // "error: …" or "warning: …", all on line 3
};

void PrintTo(const LintCase& c, std::ostream* out) { *out << c.name; }

class LintTable : public ::testing::TestWithParam<LintCase> {
protected:
    static void SetUpTestSuite()
    {
        s_stress = StressDictionary::from_text(kAccents);
        auto lemmas = Lemmatizer::open_default();
        if (lemmas)
            s_lemmas = std::move(*lemmas);
    }
    static void TearDownTestSuite()
    {
        s_stress.reset();
        s_lemmas.reset();
    }

    static std::unique_ptr<StressDictionary> s_stress;
    static std::unique_ptr<Lemmatizer> s_lemmas;
};

std::unique_ptr<StressDictionary> LintTable::s_stress;
std::unique_ptr<Lemmatizer> LintTable::s_lemmas;

TEST_P(LintTable, GivesExactlyTheseMessages)
{
    const LintCase& c = GetParam();
    if (!s_lemmas)
        GTEST_SKIP() << "hunspell-ru is not installed";
    ImportFileOptions options;
    options.purpose = ReadPurpose::Lint;
    ImportedFile file = read_import_bytes(kHeader + c.line + "\n", "t.tsv", options);
    std::vector<Diagnostic> all = file.diagnostics;
    LintTools tools{s_stress.get(), s_lemmas.get()};
    for (auto& d : lint_deck(file.deck, tools))
        all.push_back(std::move(d));
    std::vector<std::string> got;
    for (const auto& d : all) {
        EXPECT_EQ(d.line, 3) << d.message;
        got.push_back((d.severity == Severity::Error ? "error: " : "warning: ") + d.message);
    }
    EXPECT_EQ(got, c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LintTable,
    ::testing::Values(
        LintCase{"Clean", "voina\tвойна́\twar\tШла война́.", {}},
        LintCase{"OneSyllableNeedsNoMark", "vlast\tвласть\tpower\tВласть Советам!", {}},
        LintCase{"YoCountsAsStressed", "elka\tёлка\tfir\tНа ёлке игрушки.", {}},
        LintCase{"AbbreviationWithoutVowelsIsFine", "cheka\tВЧК\tCheka\tВЧК создали в 1917 году.", {}},
        LintCase{"LatinLookAlikeInRussian", "sovet\tcове́т\tsoviet\t",
                 {"error: Latin letter \"c\" inside the Cyrillic word \"cове́т\" (russian): type the Cyrillic \"с\""}},
        LintCase{"LatinLookAlikeInExample", "voina\tвойна́\twar\tШла вoйна́.",
                 {"error: Latin letter \"o\" inside the Cyrillic word \"вoйна́\" (example_ru): type the Cyrillic \"о\"",
                  "warning: the example sentence does not contain \"война́\" in any form"}},
        LintCase{"CapitalLookAlike", "rkp\tPКП\tRKP\t",
                 {"error: Latin letter \"P\" inside the Cyrillic word \"PКП\" (russian): type the Cyrillic \"Р\""}},
        LintCase{"CyrillicInsideEnglish", "voina\tвойна́\twаr\t",
                 {"error: Cyrillic letters inside the Latin word \"wаr\" (english): retype the word with one keyboard layout"}},
        LintCase{"StressOnConsonant", "sovet\tсов́ет\tsoviet\t",
                 {"error: stress mark not on a vowel in \"сов́ет\" (russian): put U+0301 right after the stressed vowel"}},
        LintCase{"StressAtWordStart", "sovet\t́совет\tsoviet\t",
                 {"error: stress mark not on a vowel in \"́совет\" (russian): put U+0301 right after the stressed vowel",
                  "warning: \"совет\" has no stress mark (every word of two or more syllables needs one; ё counts as "
                  "stressed); the stress dictionary has \"сове́т\""}},
        LintCase{"TwoMarksInOneWord", "revolyutsiya\tре́волю́ция\trevolution\t",
                 {"error: two stress marks in one word \"ре́волю́ция\" (russian): mark only the stressed vowel"}},
        LintCase{"TwoMarksInAHyphenatedPairAreFine", "iz\tво́енно-морско́й\tnaval\t", {}},
        LintCase{"MissingStress", "diktator\tдиктатор\tdictator\t",
                 {"warning: \"диктатор\" has no stress mark (every word of two or more syllables needs one; ё counts "
                  "as stressed); the stress dictionary has \"дикта́тор\""}},
        LintCase{"MissingStressUnknownWord", "prodrazverstka\tпродразверстка\tfood requisitioning\t",
                 {"warning: \"продразверстка\" has no stress mark (every word of two or more syllables needs one; ё "
                  "counts as stressed)"}},
        LintCase{"StressDisagreesWithDictionary", "voina\tво́йна\twar\t",
                 {"warning: the stress of \"во́йна\" differs from the stress dictionary (\"война́\")"}},
        LintCase{"HomographsAgreeWithEitherForm", "zamok\tзамо́к\tlock\t", {}},
        LintCase{"ProperNounCapitalIsNotAStress", "leningrad\tЛенингра́д\tLeningrad\t", {}},
        LintCase{"ExampleWithAnInflectedForm", "krestyanin\tкрестья́нин\tpeasant\tКрестья́нами управляли общины.", {}},
        LintCase{"ExampleWithAnIrregularlyStemmedVerb", "svergnut\tсве́ргнуть\toverthrow\tРабочие све́ргли монархию.", {}},
        LintCase{"ExampleWithoutTheWord", "voina\tвойна́\twar\tМир был заключён в 1918 году.",
                 {"warning: the example sentence does not contain \"война́\" in any form"}},
        LintCase{"ExampleMissingOneWordOfAPhrase", "vp\tВре́менное прави́тельство\tProvisional Government\t"
                                                   "Вре́менное собрание открылось.",
                 {"warning: the example sentence does not contain \"прави́тельство\" (of \"Вре́менное "
                  "прави́тельство\") in any form"}},
        LintCase{"EmptyRussianAndEnglish", "x\t\t\t", {"error: the russian field is empty", "error: the english field is empty"}},
        LintCase{"WrongColumnCount", "x\tвойна́\twar",
                 {"error: expected 4 tab-separated fields (as in the header on line 2), found 3"}}),
    [](const ::testing::TestParamInfo<LintCase>& param) { return std::string(param.param.name); });

TEST(Lint, DuplicateKeysAndHeadwordsAcrossLines)
{
    const std::string text = kHeader + "vlast\tвласть\tpower\t\nvlast2\tвла́сть\tauthority\t\nvlast\tвойна́\twar\t\n"
                                       "zamok\tза́мок\tcastle\t\nzamok2\tзамо́к\tlock\t\n";
    ImportFileOptions options;
    options.purpose = ReadPurpose::Lint;
    ImportedFile file = read_import_bytes(text, "t.tsv", options);
    std::vector<Diagnostic> all = file.diagnostics;
    for (auto& d : lint_deck(file.deck, LintTools{}))
        all.push_back(std::move(d));
    sort_by_line(all);
    std::vector<std::string> got;
    for (const auto& d : all)
        got.push_back(format_diagnostic("t.tsv", d));
    EXPECT_EQ(got, (std::vector<std::string>{
                       "t.tsv:4: warning: duplicate Russian headword \"вла́сть\" (also on line 3)",
                       "t.tsv:5: error: duplicate key \"vlast\" (first used on line 3)",
                   }));
}

TEST(Lint, WithoutDictionariesTheOtherChecksStillRun)
{
    ImportFileOptions options;
    options.purpose = ReadPurpose::Lint;
    ImportedFile file = read_import_bytes(kHeader + "voina\tво́йна\twar\tШла война.\nsovet\tсовет\tsoviet\tСоветы.\n",
                                          "t.tsv", options);
    auto diagnostics = lint_deck(file.deck, LintTools{});
    ASSERT_EQ(diagnostics.size(), 1u); // no dictionary: no stress comparison; prefixes match the example
    EXPECT_EQ(diagnostics[0].line, 4);
    EXPECT_EQ(diagnostics[0].severity, Severity::Warning);
}

TEST(Lint, WordListsAreLintedToo)
{
    ImportFileOptions options;
    options.purpose = ReadPurpose::Lint;
    ImportedFile file = read_import_bytes("власть,power\nвoйна,war\n", "list.csv", options);
    EXPECT_FALSE(file.has_errors());
    auto diagnostics = lint_deck(file.deck, LintTools{});
    ASSERT_EQ(diagnostics.size(), 1u); // a mixed word gets no stress warning on top of its error
    EXPECT_EQ(format_diagnostic("list.csv", diagnostics[0]),
              "list.csv:2: error: Latin letter \"o\" inside the Cyrillic word \"вoйна\" (russian): type the Cyrillic \"о\"");
}

} // namespace
} // namespace letopis
