// Tests for the deck file parser, and a check that every shipped deck in decks/ parses.
#include "deck/deck_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace letopis {
namespace {

const std::string kHeader = "key\trussian\tenglish\tpos\tgrammar\texample_ru\texample_en\ttags\tsource\tnotes\n";

const std::string kGoodDeck =
    "# title: Revolution and Civil War (1917–1921)\n"
    "# description: Words from 1917.\n"
    "# author: Letopis contributors\n"
    "# licence: CC BY-SA 4.0\n"
    "# source: 1917–1921\n"
    "# directions: ru-en en-ru\n"
    "# A plain comment: it has a colon but names no metadata.\n"
    "\n" +
    kHeader +
    "sovet\tсове́т\tsoviet, council\tnoun\tm; gen. -а\tПетроградский сове́т возник в феврале 1917 года."
    "\tThe Petrograd Soviet arose in February 1917.\tbasic institution\t1917–1921\tA note.\n"
    "# a comment between notes\n"
    "\t\t\n"
    "prodrazverstka\tпродразвёрстка\tfood requisitioning\tnoun\tf; gen. -и\t\t\teconomy\t1917–1921\t\n";

DeckFile parse_ok(const std::string& text, const std::string& key = "test-deck")
{
    auto result = parse_deck_text(text, "test.tsv", key);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? std::move(result).value() : DeckFile{};
}

TEST(DeckFile, GoodDeckParsesWithAllFields)
{
    DeckFile deck = parse_ok(kGoodDeck, "01-revolution");
    EXPECT_EQ(deck.key, "01-revolution");
    EXPECT_EQ(deck.title, "Revolution and Civil War (1917–1921)");
    EXPECT_EQ(deck.description, "Words from 1917.");
    EXPECT_EQ(deck.author, "Letopis contributors");
    EXPECT_EQ(deck.licence, "CC BY-SA 4.0");
    EXPECT_EQ(deck.source, "1917–1921");
    EXPECT_TRUE(deck.studies_russian_to_english);
    EXPECT_TRUE(deck.studies_english_to_russian);
    ASSERT_EQ(deck.entries.size(), 2u);

    const DeckEntry& first = deck.entries[0];
    EXPECT_EQ(first.line, 10);
    EXPECT_EQ(first.note.key, "sovet");
    EXPECT_EQ(first.note.russian, "сове\u0301т");
    EXPECT_EQ(first.note.english, "soviet, council");
    EXPECT_EQ(first.note.part_of_speech, "noun");
    EXPECT_EQ(first.note.grammar, "m; gen. -а");
    EXPECT_EQ(first.note.example_russian, "Петроградский сове\u0301т возник в феврале 1917 года.");
    EXPECT_EQ(first.note.example_english, "The Petrograd Soviet arose in February 1917.");
    EXPECT_EQ(first.note.tags, "basic institution");
    EXPECT_EQ(first.note.source, "1917–1921");
    EXPECT_EQ(first.note.notes, "A note.");
    EXPECT_FALSE(first.note.id.valid());
    EXPECT_FALSE(first.note.deck.valid());

    const DeckEntry& second = deck.entries[1];
    EXPECT_EQ(second.line, 13);
    EXPECT_EQ(second.note.key, "prodrazverstka");
    EXPECT_EQ(second.note.russian, "продразвёрстка");
    EXPECT_EQ(second.note.example_russian, "");
    EXPECT_EQ(second.note.notes, "");
}

TEST(DeckFile, ColumnsInAnyOrderAndOnlyRequiredOnes)
{
    DeckFile deck = parse_ok("# title: T\nEnglish\tkey\trussian\nwar\tvoina\tвойна́\n");
    ASSERT_EQ(deck.entries.size(), 1u);
    EXPECT_EQ(deck.entries[0].note.key, "voina");
    EXPECT_EQ(deck.entries[0].note.russian, "война\u0301");
    EXPECT_EQ(deck.entries[0].note.english, "war");
    EXPECT_EQ(deck.entries[0].note.grammar, "");
}

TEST(DeckFile, DirectionsDefaultToBothAndCanBeRestricted)
{
    DeckFile both = parse_ok("# title: T\nkey\trussian\tenglish\n");
    EXPECT_TRUE(both.studies_russian_to_english);
    EXPECT_TRUE(both.studies_english_to_russian);

    DeckFile only_ru_en = parse_ok("# title: T\n# directions: ru-en\nkey\trussian\tenglish\n");
    EXPECT_TRUE(only_ru_en.studies_russian_to_english);
    EXPECT_FALSE(only_ru_en.studies_english_to_russian);

    DeckFile only_en_ru = parse_ok("# title: T\n# directions:  en-ru \nkey\trussian\tenglish\n");
    EXPECT_FALSE(only_en_ru.studies_russian_to_english);
    EXPECT_TRUE(only_en_ru.studies_english_to_russian);
}

TEST(DeckFile, FieldsAreTrimmedOfSpaces)
{
    DeckFile deck = parse_ok("# title:   Padded title  \nkey\trussian\tenglish\n vlast \t власть \t power \n");
    EXPECT_EQ(deck.title, "Padded title");
    ASSERT_EQ(deck.entries.size(), 1u);
    EXPECT_EQ(deck.entries[0].note.key, "vlast");
    EXPECT_EQ(deck.entries[0].note.russian, "власть");
    EXPECT_EQ(deck.entries[0].note.english, "power");
}

TEST(DeckFile, ByteOrderMarkIsDropped)
{
    DeckFile deck = parse_ok("\xEF\xBB\xBF# title: With BOM\nkey\trussian\tenglish\nvlast\tвласть\tpower\n");
    EXPECT_EQ(deck.title, "With BOM");
    ASSERT_EQ(deck.entries.size(), 1u);
}

TEST(DeckFile, ByteOrderMarkBeforeHeaderIsDropped)
{
    // Without metadata first, a kept BOM would make the first column "\uFEFFkey".
    auto result = parse_deck_text("\xEF\xBB\xBFkey\trussian\tenglish\n", "bom.tsv", "bom");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, "bom.tsv:1: missing title: add a line `# title: …` at the top of the file");
}

TEST(DeckFile, CrlfLineEndsAreAccepted)
{
    DeckFile deck = parse_ok("# title: Windows\r\n\r\nkey\trussian\tenglish\r\nvlast\tвласть\tpower\r\n"
                             "voina\tвойна́\twar\r\n");
    EXPECT_EQ(deck.title, "Windows");
    ASSERT_EQ(deck.entries.size(), 2u);
    EXPECT_EQ(deck.entries[0].note.english, "power");
    EXPECT_EQ(deck.entries[1].note.english, "war");
    EXPECT_EQ(deck.entries[1].line, 5);
}

TEST(DeckFile, LastLineWithoutLineEndIsRead)
{
    DeckFile deck = parse_ok("# title: T\nkey\trussian\tenglish\nvlast\tвласть\tpower");
    ASSERT_EQ(deck.entries.size(), 1u);
    EXPECT_EQ(deck.entries[0].note.english, "power");
}

TEST(DeckFile, DecomposedTextComesOutNfc)
{
    // е + U+0308 is ё decomposed; и + U+0306 is й decomposed. The stress mark has no precomposed
    // Cyrillic form and stays a combining character.
    DeckFile deck = parse_ok("# title: Е\u0308лка\nkey\trussian\tenglish\texample_ru\n"
                             "prodrazverstka\tпродразве\u0308рстка\tfood requisitioning\tСъе\u0301зд и\u0306\n");
    EXPECT_EQ(deck.title, "Ёлка");
    ASSERT_EQ(deck.entries.size(), 1u);
    EXPECT_EQ(deck.entries[0].note.russian, "продразвёрстка");
    EXPECT_EQ(deck.entries[0].note.example_russian, "Съе\u0301зд й");
}

struct ErrorCase {
    const char* name;
    std::string text;
    std::string message;
};

// Test names show the case's name, not the bytes of the struct.
void PrintTo(const ErrorCase& c, std::ostream* out) { *out << c.name; }

class DeckFileErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(DeckFileErrors, GiveFileLineAndProblem)
{
    const ErrorCase& c = GetParam();
    auto result = parse_deck_text(c.text, "deck.tsv", "deck");
    ASSERT_FALSE(result.ok()) << c.name;
    EXPECT_EQ(result.error().kind, ErrorKind::Parse);
    EXPECT_EQ(result.error().message, c.message) << c.name;
}

const std::string kMin = "# title: T\nkey\trussian\tenglish\n";

// A string literal that holds NUL bytes, kept whole.
template <size_t N>
std::string with_nul(const char (&literal)[N])
{
    return std::string(literal, N - 1);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DeckFileErrors,
    testing::Values(
        ErrorCase{"InvalidUtf8", kMin + "vlast\tвласть\tpower\nvoina\t\xE2\xEE\xE9\xED\xE0\twar\n",
                  "deck.tsv:4: the text is not valid UTF-8; the file must be saved as UTF-8 (in a spreadsheet, "
                  "choose the \"Unicode (UTF-8)\" character set)"},
        ErrorCase{"Utf16", with_nul("\xFF\xFE#\0 \0"), "deck.tsv:1: the file is UTF-16; save it as UTF-8"},
        ErrorCase{"NulByte", kMin + with_nul("vlast\tвласть\tpo\0wer\n"),
                  "deck.tsv:3: contains a NUL byte; the file may be UTF-16: save it as UTF-8"},
        ErrorCase{"MissingHeaderAtAll", "# title: T\n# only comments\n\n",
                  "deck.tsv:3: missing header line: after the `#` lines, one line must name the columns, "
                  "e.g. key<TAB>russian<TAB>english"},
        ErrorCase{"EmptyFile", "",
                  "deck.tsv:1: missing header line: after the `#` lines, one line must name the columns, "
                  "e.g. key<TAB>russian<TAB>english"},
        ErrorCase{"NotesWithoutHeader", "# title: T\n\nvlast\tвласть\tpower\n",
                  "deck.tsv:3: missing header line: the first line that is not a `#` line must name the "
                  "columns, e.g. key<TAB>russian<TAB>english"},
        ErrorCase{"UnknownColumn", "# title: T\nkey\trussian\tenglsh\n",
                  "deck.tsv:2: unknown column \"englsh\" (known columns: key, russian, english, pos, grammar, "
                  "example_ru, example_en, tags, source, notes)"},
        ErrorCase{"UnnamedColumn", "# title: T\nkey\trussian\tenglish\t\n",
                  "deck.tsv:2: column 4 of the header has no name"},
        ErrorCase{"DuplicateColumn", "# title: T\nkey\trussian\tenglish\tRussian\n",
                  "deck.tsv:2: column \"russian\" appears twice in the header"},
        ErrorCase{"MissingRequiredColumn", "# title: T\nkey\tenglish\tpos\n",
                  "deck.tsv:2: missing required column \"russian\" (every deck needs key, russian and english)"},
        ErrorCase{"TooFewFields", kMin + "vlast\tвласть\n",
                  "deck.tsv:3: expected 3 tab-separated fields (as in the header on line 2), found 2"},
        ErrorCase{"TooManyFields", kMin + "\nvlast\tвласть\tpower\textra\n",
                  "deck.tsv:4: expected 3 tab-separated fields (as in the header on line 2), found 4"},
        ErrorCase{"EmptyKey", kMin + "\tвласть\tpower\n",
                  "deck.tsv:3: the key field is empty; every note needs a unique key"},
        ErrorCase{"BadKey", kMin + "Vlast\tвласть\tpower\n",
                  "deck.tsv:3: key \"Vlast\" may contain only a-z, 0-9, '-', '_' and '.'"},
        ErrorCase{"CyrillicKey", kMin + "власть\tвласть\tpower\n",
                  "deck.tsv:3: key \"власть\" may contain only a-z, 0-9, '-', '_' and '.'"},
        ErrorCase{"EmptyRussian", kMin + "vlast\t \tpower\n", "deck.tsv:3: the russian field is empty"},
        ErrorCase{"EmptyEnglish", kMin + "vlast\tвласть\t\n", "deck.tsv:3: the english field is empty"},
        ErrorCase{"DuplicateKey", kMin + "vlast\tвласть\tpower\n# c\nvoina\tвойна́\twar\nvlast\tвласть\tauthority\n",
                  "deck.tsv:6: duplicate key \"vlast\" (first used on line 3)"},
        ErrorCase{"MissingTitle", "# author: A\nkey\trussian\tenglish\nvlast\tвласть\tpower\n",
                  "deck.tsv:1: missing title: add a line `# title: …` at the top of the file"},
        ErrorCase{"EmptyTitle", "# title:   \nkey\trussian\tenglish\n",
                  "deck.tsv:1: missing title: add a line `# title: …` at the top of the file"},
        ErrorCase{"TitleTwice", "# title: A\n# title: B\nkey\trussian\tenglish\n",
                  "deck.tsv:2: `# title:` is given twice (first on line 1)"},
        ErrorCase{"MetadataAfterHeader", kMin + "# author: late\n",
                  "deck.tsv:3: the metadata line `# author:` must come before the header line (line 2)"},
        ErrorCase{"UnknownDirection", "# title: T\n# directions: ru-en ru-de\nkey\trussian\tenglish\n",
                  "deck.tsv:2: unknown direction \"ru-de\" (write ru-en, en-ru or both, separated by a space)"},
        ErrorCase{"EmptyDirections", "# title: T\n# directions:\nkey\trussian\tenglish\n",
                  "deck.tsv:2: `# directions:` is empty (write ru-en, en-ru or both)"},
        ErrorCase{"StrayCarriageReturn", kMin + "vlast\tвла\rсть\tpower\n",
                  "deck.tsv:3: contains a carriage return inside the line; end lines with LF or CRLF only"}),
    [](const testing::TestParamInfo<ErrorCase>& case_info) { return std::string(case_info.param.name); });

TEST(DeckFile, ReadDeckFileTakesKeyFromFileName)
{
    const auto dir = std::filesystem::temp_directory_path() / "letopis-deck-test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "07-thaw.tsv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "# title: Thaw\nkey\trussian\tenglish\nottepel\tо́ттепель\tthaw\n";
    }
    auto result = read_deck_file(path);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->key, "07-thaw");
    ASSERT_EQ(result->entries.size(), 1u);
    EXPECT_EQ(result->entries[0].note.key, "ottepel");
    std::filesystem::remove_all(dir);
}

TEST(DeckFile, ReadDeckFileMessagesNameThePath)
{
    const auto dir = std::filesystem::temp_directory_path() / "letopis-deck-test-errors";
    std::filesystem::create_directories(dir);
    const auto path = dir / "bad.tsv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "# title: Bad\nkey\trussian\n";
    }
    auto result = read_deck_file(path);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, path.string() + ":2: missing required column \"english\" (every deck "
                                                      "needs key, russian and english)");
    std::filesystem::remove_all(dir);
}

TEST(DeckFile, MissingFileIsAnIoError)
{
    auto result = read_deck_file("/nonexistent/letopis/deck.tsv");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::Io);
    EXPECT_NE(result.error().message.find("/nonexistent/letopis/deck.tsv"), std::string::npos);
}

TEST(DeckFile, FolderIsAnIoError)
{
    auto result = read_deck_file(std::filesystem::temp_directory_path());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::Io);
}

TEST(ShippedDecks, EveryDeckParsesWithAtLeastFiftyNotes)
{
    const std::filesystem::path decks = std::filesystem::path(LETOPIS_SOURCE_DIR) / "decks";
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(decks)) {
        if (item.is_regular_file() && item.path().extension() == ".tsv")
            files.push_back(item.path());
    }
    ASSERT_FALSE(files.empty()) << "no decks in " << decks;
    for (const auto& file : files) {
        auto result = read_deck_file(file);
        ASSERT_TRUE(result.ok()) << result.error().message;
        EXPECT_GE(result->entries.size(), 50u) << file;
        EXPECT_FALSE(result->licence.empty()) << file;
        EXPECT_FALSE(result->author.empty()) << file;
        for (const auto& entry : result->entries) {
            EXPECT_FALSE(entry.note.part_of_speech.empty()) << file << ":" << entry.line;
            EXPECT_FALSE(entry.note.example_russian.empty()) << file << ":" << entry.line;
            EXPECT_FALSE(entry.note.example_english.empty()) << file << ":" << entry.line;
        }
    }
}

} // namespace
} // namespace letopis
