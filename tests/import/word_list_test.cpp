// Word lists: separators, quoting, header and Russian-column detection, overrides, stable keys.
#include "deck/word_list.h"

#include <gtest/gtest.h>

namespace letopis {
namespace {

DeckReading read(const std::string& text, const WordListOptions& options = {}, WordListLayout* layout = nullptr)
{
    return read_word_list(text, "list", "List", options, layout);
}

TEST(WordList, TwoColumnTsvWithoutHeader)
{
    WordListLayout layout;
    DeckReading reading = read("власть\tpower\nвойна\twar\n", {}, &layout);
    ASSERT_FALSE(reading.has_errors()) << reading.diagnostics[0].message;
    EXPECT_EQ(layout.delimiter, '\t');
    EXPECT_FALSE(layout.has_header);
    EXPECT_EQ(layout.russian_column, 0);
    EXPECT_EQ(layout.english_column, 1);
    ASSERT_EQ(reading.deck.entries.size(), 2u);
    EXPECT_EQ(reading.deck.entries[0].note.russian, "власть");
    EXPECT_EQ(reading.deck.entries[0].note.english, "power");
    EXPECT_EQ(reading.deck.entries[0].note.key, "vlast");
    EXPECT_EQ(reading.deck.entries[1].line, 2);
    EXPECT_EQ(reading.deck.key, "list");
    EXPECT_EQ(reading.deck.title, "List");
}

TEST(WordList, RussianColumnIsDetectedWhereverItIs)
{
    WordListLayout layout;
    DeckReading reading = read("power\tnoun\tвласть\nwar\tnoun\tвойна\n", {}, &layout);
    ASSERT_FALSE(reading.has_errors());
    EXPECT_EQ(layout.russian_column, 2);
    EXPECT_EQ(layout.english_column, 0);
    EXPECT_EQ(reading.deck.entries[0].note.russian, "власть");
    EXPECT_EQ(reading.deck.entries[0].note.english, "power");
    EXPECT_EQ(reading.deck.entries[0].note.notes, "noun"); // an unnamed extra column is kept
}

TEST(WordList, ColumnsCanBeChosen)
{
    // Two Cyrillic columns: detection takes the first, the user takes the second.
    WordListOptions options;
    options.russian_column = 1;
    options.english_column = 2;
    WordListLayout layout;
    DeckReading reading = read("власть\tвла́сть\tpower\n", options, &layout);
    ASSERT_FALSE(reading.has_errors());
    EXPECT_EQ(layout.russian_column, 1);
    EXPECT_EQ(reading.deck.entries[0].note.russian, "вла\u0301сть");
    EXPECT_EQ(reading.deck.entries[0].note.notes, "власть");
}

TEST(WordList, HeaderIsRecognisedByNameOrByContent)
{
    WordListLayout named;
    DeckReading by_name = read("English\tRussian\npower\tвласть\n", {}, &named);
    ASSERT_FALSE(by_name.has_errors());
    EXPECT_TRUE(named.has_header);
    EXPECT_EQ(named.russian_column, 1);
    ASSERT_EQ(by_name.deck.entries.size(), 1u);
    EXPECT_EQ(by_name.deck.entries[0].line, 2);

    WordListLayout unnamed;
    DeckReading by_content = read("Wort\tBedeutung\nвласть\tpower\nвойна\twar\n", {}, &unnamed);
    ASSERT_FALSE(by_content.has_errors());
    EXPECT_TRUE(unnamed.has_header);
    EXPECT_EQ(unnamed.column_names[0], "Wort");
    EXPECT_EQ(by_content.deck.entries.size(), 2u);
}

TEST(WordList, HeaderNamesFillDeckColumns)
{
    DeckReading reading = read("russian\tenglish\texample\ttags\tcomment\nвласть\tpower\tВласть Советам!\tpolitics\tslogan\n");
    ASSERT_FALSE(reading.has_errors());
    const Note& note = reading.deck.entries.at(0).note;
    EXPECT_EQ(note.example_russian, "Власть Советам!");
    EXPECT_EQ(note.tags, "politics");
    EXPECT_EQ(note.notes, "slogan");
}

TEST(WordList, QuotedCsvFieldsHoldCommasQuotesAndLineBreaks)
{
    WordListLayout layout;
    DeckReading reading = read("russian,english\n"
                               "власть,\"power, authority\"\n"
                               "декрет,\"the \"\"Peace\"\" decree\"\n"
                               "съезд,\"congress\nassembly\"\n"
                               "война,war\n",
                               {}, &layout);
    ASSERT_FALSE(reading.has_errors()) << reading.diagnostics[0].message;
    EXPECT_EQ(layout.delimiter, ',');
    ASSERT_EQ(reading.deck.entries.size(), 4u);
    EXPECT_EQ(reading.deck.entries[0].note.english, "power, authority");
    EXPECT_EQ(reading.deck.entries[1].note.english, "the \"Peace\" decree");
    EXPECT_EQ(reading.deck.entries[2].note.english, "congress assembly");
    EXPECT_EQ(reading.deck.entries[3].line, 6); // the quoted line break counts
}

TEST(WordList, SemicolonsWinWhenCommasAreInconsistent)
{
    WordListLayout layout;
    DeckReading reading = read("власть;power, authority\nвойна;war\nсъезд;congress, assembly, meeting\n", {}, &layout);
    ASSERT_FALSE(reading.has_errors());
    EXPECT_EQ(layout.delimiter, ';');
    EXPECT_EQ(reading.deck.entries[2].note.english, "congress, assembly, meeting");
}

TEST(WordList, QuoteThatDoesNotCloseTheFieldIsText)
{
    DeckReading reading = read("\"Правда\" (газета)\tPravda (newspaper)\nвласть\tpower\n");
    ASSERT_FALSE(reading.has_errors()) << reading.diagnostics[0].message;
    EXPECT_EQ(reading.deck.entries[0].note.russian, "\"Правда\" (газета)");
}

TEST(WordList, KeysAreSlugsMadeUniqueInFileOrder)
{
    DeckReading reading = read("Вре́менное прави́тельство\tProvisional Government\nза́мок\tcastle\nзамо́к\tlock\n"
                               "крестья́нин\tpeasant\nЧК\tCheka\n!!!\tpunctuation\n");
    ASSERT_FALSE(reading.has_errors());
    const auto& e = reading.deck.entries;
    EXPECT_EQ(e[0].note.key, "vremennoe-pravitelstvo");
    EXPECT_EQ(e[1].note.key, "zamok");
    EXPECT_EQ(e[2].note.key, "zamok-2");
    EXPECT_EQ(e[3].note.key, "krestyanin");
    EXPECT_EQ(e[4].note.key, "chk");
    EXPECT_EQ(e[5].note.key, "note");
}

TEST(WordList, EveryProblemIsReported)
{
    DeckReading reading = read("власть\tpower\n\tno russian\nвойна\t\nсъезд\tcongress\textra\tmore\n");
    ASSERT_TRUE(reading.has_errors());
    ASSERT_EQ(reading.diagnostics.size(), 3u);
    EXPECT_EQ(reading.diagnostics[0].line, 2);
    EXPECT_EQ(reading.diagnostics[0].message, "the russian field is empty");
    EXPECT_EQ(reading.diagnostics[1].line, 3);
    EXPECT_EQ(reading.diagnostics[1].message, "the english field is empty");
    EXPECT_EQ(reading.diagnostics[2].line, 4);
    EXPECT_EQ(reading.diagnostics[2].message, "expected 2 tab-separated fields (as on most lines), found 4");
}

TEST(WordList, TrailingEmptyFieldsAreNotExtraColumns)
{
    DeckReading reading = read("власть,power,,\nвойна,war\n");
    EXPECT_FALSE(reading.has_errors()) << reading.diagnostics[0].message;
    EXPECT_EQ(reading.deck.entries.size(), 2u);
}

TEST(WordList, OneColumnOrNoRussianIsAnError)
{
    DeckReading one = read("власть\nвойна\n");
    ASSERT_TRUE(one.has_errors());
    EXPECT_NE(one.diagnostics[0].message.find("at least two columns"), std::string::npos);

    DeckReading latin = read("power\tMacht\nwar\tKrieg\n");
    ASSERT_TRUE(latin.has_errors());
    EXPECT_EQ(latin.diagnostics[0].message, "no column holds Russian (Cyrillic) text");

    DeckReading empty = read("\n\n# only a comment\n");
    ASSERT_TRUE(empty.has_errors());
    EXPECT_EQ(empty.diagnostics[0].message, "the word list is empty");
}

TEST(WordList, ExplicitKeyColumnIsValidated)
{
    DeckReading reading = read("key\trussian\tenglish\nvlast\tвласть\tpower\nvlast\tвойна\twar\nBad Key\tсъезд\tcongress\n");
    ASSERT_EQ(reading.diagnostics.size(), 2u);
    EXPECT_EQ(reading.diagnostics[0].message, "duplicate key \"vlast\" (first used on line 2)");
    EXPECT_EQ(reading.diagnostics[1].message, "key \"Bad Key\" may contain only a-z, 0-9, '-', '_' and '.'");
}

TEST(WordList, TextIsStoredNfc)
{
    DeckReading reading = read("продразве\u0308рстка\tfood requisitioning\n");
    ASSERT_FALSE(reading.has_errors());
    EXPECT_EQ(reading.deck.entries[0].note.russian, "продразвёрстка");
    EXPECT_EQ(reading.deck.entries[0].note.key, "prodrazverstka");
}

} // namespace
} // namespace letopis
