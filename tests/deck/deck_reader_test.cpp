// The tolerant deck reader: every problem of a file is reported, with its line, and the notes
// that could be split are still returned for the content checks.
#include "deck/deck_file.h"

#include <gtest/gtest.h>

namespace letopis {
namespace {

std::vector<std::pair<int32_t, std::string>> problems(const DeckReading& reading)
{
    std::vector<std::pair<int32_t, std::string>> out;
    for (const auto& d : reading.diagnostics)
        out.emplace_back(d.line, d.message);
    return out;
}

TEST(DeckReader, ReportsEveryProblemNotOnlyTheFirst)
{
    DeckReading reading = read_deck_text("# title: T\n"
                                         "key\trussian\tenglish\n"
                                         "vlast\tвласть\tpower\n"
                                         "voina\t\twar\n"
                                         "Bad\tсъезд\t\n"
                                         "sovet\tсове́т\n"
                                         "vlast\tвласть\tauthority\n"
                                         "# author: late\n",
                                         "deck");
    EXPECT_EQ(problems(reading),
              (std::vector<std::pair<int32_t, std::string>>{
                  {4, "the russian field is empty"},
                  {5, "key \"Bad\" may contain only a-z, 0-9, '-', '_' and '.'"},
                  {5, "the english field is empty"},
                  {6, "expected 3 tab-separated fields (as in the header on line 2), found 2"},
                  {7, "duplicate key \"vlast\" (first used on line 3)"},
                  {8, "the metadata line `# author:` must come before the header line (line 2)"},
              }));
    // Lines whose fields could be split are kept (line 6 could not).
    ASSERT_EQ(reading.deck.entries.size(), 4u);
    EXPECT_EQ(reading.deck.entries[2].line, 5);
}

TEST(DeckReader, HeaderProblemsAreAllReportedAndTheNotesStillRead)
{
    DeckReading reading = read_deck_text("# title: T\nkey\trussian\tenglsh\tRussian\t\nvlast\tвласть\tpower\tx\t\n", "deck");
    EXPECT_EQ(problems(reading),
              (std::vector<std::pair<int32_t, std::string>>{
                  {2, "unknown column \"englsh\" (known columns: key, russian, english, pos, grammar, example_ru, "
                      "example_en, tags, source, notes)"},
                  {2, "column \"russian\" appears twice in the header"},
                  {2, "column 5 of the header has no name"},
                  {2, "missing required column \"english\" (every deck needs key, russian and english)"},
              }));
    ASSERT_EQ(reading.deck.entries.size(), 1u);
    EXPECT_EQ(reading.deck.entries[0].note.russian, "власть");
}

TEST(DeckReader, EveryBadLineOfEncodingIsReported)
{
    DeckReading reading = read_deck_text("# title: T\nkey\trussian\tenglish\na\t\xE2\xEE\xE9\xED\xE0\twar\n"
                                         "b\tвласть\tpo\x01wer\nc\t\xF1\xEE\xE2\xE5\xF2\tsoviet\n",
                                         "deck");
    ASSERT_EQ(reading.diagnostics.size(), 3u);
    EXPECT_EQ(reading.diagnostics[0].line, 3);
    EXPECT_EQ(reading.diagnostics[1].line, 4);
    EXPECT_EQ(reading.diagnostics[1].message, "contains the control character U+0001, which a field may not hold");
    EXPECT_EQ(reading.diagnostics[2].line, 5);
}

TEST(DeckReader, ParseDeckTextStillGivesOnlyTheFirstError)
{
    auto result = parse_deck_text("# title: T\nkey\trussian\tenglish\nvoina\t\twar\nsovet\tсове́т\n", "d.tsv", "d");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, "d.tsv:3: the russian field is empty");
}

TEST(DeckReader, EncodingMetadataIsKept)
{
    DeckReading reading = read_deck_text("# encoding: UTF-8\n# title: T\nkey\trussian\tenglish\n", "deck");
    EXPECT_FALSE(reading.has_errors());
    EXPECT_EQ(reading.deck.encoding, "UTF-8");
}

TEST(DeckReader, KeyRules)
{
    EXPECT_TRUE(is_valid_note_key("vremennoe-pravitelstvo"));
    EXPECT_TRUE(is_valid_note_key("a.b_c-1"));
    EXPECT_FALSE(is_valid_note_key(""));
    EXPECT_FALSE(is_valid_note_key("Vlast"));
    EXPECT_FALSE(is_valid_note_key("власть"));
}

} // namespace
} // namespace letopis
