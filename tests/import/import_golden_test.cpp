// Golden files: each fixture imported into a fresh collection and exported again, as a deck file
// and as a plain TSV, must give exactly the stored output. LETOPIS_UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include "db/temp_dir.h"
#include "deck/deck_writer.h"
#include "import/fixture_files.h"
#include "service/deck_export.h"
#include "service/deck_import.h"
#include "storage/collection_fixture.h"

namespace letopis {
namespace {

using testing::expect_golden;
using testing::fixture;

struct ImportExport : ::testing::Test {
    testing::TempDir dir;
    std::unique_ptr<Collection> collection = testing::open_collection(dir / "collection.db");

    void import_ok(const std::string& name, ImportFileOptions options)
    {
        auto report = import_file(*collection, fixture(name), options);
        ASSERT_TRUE(report.ok()) << name << ": " << report.error().message;
    }

    std::string exported(const std::string& deck, ExportFormat format)
    {
        auto text = export_deck(*collection, deck, format);
        EXPECT_TRUE(text.ok()) << (text.ok() ? "" : text.error().message);
        return text.ok() ? *text : std::string();
    }
};

class WordListGolden : public ImportExport, public ::testing::WithParamInterface<const char*> {};

TEST_P(WordListGolden, EveryEncodingImportsAndExportsTheSame)
{
    ImportFileOptions options;
    options.deck_key = "words";
    options.deck_title = "Words";
    options.mojibake = MojibakeChoice::Repair;
    import_ok(GetParam(), options);
    expect_golden("words.deck.tsv", exported("words", ExportFormat::Deck));
    expect_golden("words.plain.tsv", exported("Words", ExportFormat::Tsv));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, WordListGolden,
                         ::testing::Values("words-utf8.tsv", "words-utf8-bom.tsv", "words-utf16.tsv",
                                           "words-utf16be.tsv", "words-utf16le-nobom.tsv", "words-cp1251.tsv",
                                           "words-koi8r.tsv", "words-cp866.tsv", "words-iso8859-5.tsv",
                                           "words-mojibake-1250.tsv", "words-mojibake-utf8.tsv"),
                         [](const ::testing::TestParamInfo<const char*>& param) {
                             std::string name = param.param;
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c)))
                                     c = '_';
                             }
                             return name;
                         });

TEST_F(ImportExport, CsvWithHeaderGolden)
{
    import_ok("words-cp1251.csv", {});
    expect_golden("words-cp1251-csv.deck.tsv", exported("words-cp1251", ExportFormat::Deck));
}

TEST_F(ImportExport, DeckFileGoldenAndRoundTrip)
{
    import_ok("history-deck.tsv", {});
    const std::string text = exported("history-deck", ExportFormat::Deck);
    expect_golden("history-deck.deck.tsv", text);
    expect_golden("history-deck.plain.tsv", exported("Civil War words", ExportFormat::Tsv));

    // The export reads back as the same notes, and importing it changes nothing.
    auto original = read_import_file(fixture("history-deck.tsv"), {});
    ASSERT_TRUE(original.ok());
    auto again = parse_deck_text(text, "export.tsv", "history-deck");
    ASSERT_TRUE(again.ok()) << again.error().message;
    // The deck's credits and directions travel with it.
    EXPECT_EQ(again->author, "Letopis contributors");
    EXPECT_EQ(again->licence, "CC BY-SA 4.0");
    EXPECT_EQ(again->source, original->deck.source);
    EXPECT_TRUE(again->studies_russian_to_english);
    EXPECT_FALSE(again->studies_english_to_russian);
    ASSERT_EQ(again->entries.size(), original->deck.entries.size());
    for (size_t i = 0; i < again->entries.size(); ++i) {
        const Note& a = again->entries[i].note;
        const Note& b = original->deck.entries[i].note;
        EXPECT_EQ(a.key, b.key);
        EXPECT_EQ(a.russian, b.russian);
        EXPECT_EQ(a.english, b.english);
        EXPECT_EQ(a.example_russian, b.example_russian);
        EXPECT_EQ(a.notes, b.notes);
    }
    auto report = import_deck(*collection, *again);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->notes_added, 0);
    EXPECT_EQ(report->notes_changed, 0);
    EXPECT_TRUE(report->notes_missing.empty());
}

TEST_F(ImportExport, ShippedDeckRoundTripsThroughExport)
{
    const auto path = std::filesystem::path(LETOPIS_SOURCE_DIR) / "decks" / "01-revolution-and-civil-war.tsv";
    auto report = import_deck_file(*collection, path);
    ASSERT_TRUE(report.ok()) << report.error().message;
    const std::string text = exported("01-revolution-and-civil-war", ExportFormat::Deck);
    auto again = parse_deck_text(text, "export.tsv", "01-revolution-and-civil-war");
    ASSERT_TRUE(again.ok()) << again.error().message;
    auto original = read_deck_file(path);
    ASSERT_TRUE(original.ok());
    ASSERT_EQ(again->entries.size(), original->entries.size());
    for (size_t i = 0; i < again->entries.size(); ++i) {
        EXPECT_EQ(again->entries[i].note.key, original->entries[i].note.key);
        EXPECT_EQ(again->entries[i].note.grammar, original->entries[i].note.grammar);
        EXPECT_EQ(again->entries[i].note.notes, original->entries[i].note.notes);
    }
}

TEST_F(ImportExport, ExportNamesAMissingDeckAndItsAlternatives)
{
    import_ok("history-deck.tsv", {});
    auto text = export_deck(*collection, "no-such-deck", ExportFormat::Deck);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(text.error().message, "no deck has the key or title \"no-such-deck\" (decks: history-deck)");
}

TEST(DeckWriter, FieldsCannotBreakTheFormat)
{
    DeckFile deck;
    deck.key = "k";
    deck.title = "Title\twith tab";
    DeckEntry entry;
    entry.note.key = "a";
    entry.note.russian = "вла́сть";
    entry.note.english = "power\nauthority";
    deck.entries.push_back(entry);
    const std::string text = write_deck_text(deck);
    EXPECT_EQ(text, "# title: Title with tab\n\nkey\trussian\tenglish\tpos\tgrammar\texample_ru\texample_en\ttags\tsource\tnotes\n"
                    "a\tвла́сть\tpower authority\t\t\t\t\t\t\t\n");
    auto again = parse_deck_text(text, "x.tsv", "k");
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(write_tsv(deck), "russian\tenglish\tpos\tgrammar\texample_ru\texample_en\ttags\tsource\tnotes\tkey\n"
                               "вла́сть\tpower authority\t\t\t\t\t\t\t\ta\n");
}

} // namespace
} // namespace letopis
