// ImportService: the Import screen's preview (detection, columns, mojibake offer, rows, what an
// import would change) and its import with the same choices.
#include "service/import_preview.h"

#include <gtest/gtest.h>

#include "db/temp_dir.h"
#include "import/fixture_files.h"
#include "storage/collection_fixture.h"

namespace letopis {
namespace {

using testing::fixture;

struct ImportPreviewTest : ::testing::Test {
    testing::TempDir dir;
    std::unique_ptr<Collection> collection = testing::open_collection(dir / "collection.db");
    ImportService service{*collection};
};

TEST_F(ImportPreviewTest, WordListPreviewShowsDetectionRowsAndCounts)
{
    auto preview = service.preview(fixture("words-cp1251.csv").string(), {});
    ASSERT_TRUE(preview.ok()) << preview.error().message;
    EXPECT_EQ(preview->format, "CSV word list");
    EXPECT_TRUE(preview->word_list);
    EXPECT_EQ(preview->encoding, "windows-1251");
    EXPECT_EQ(preview->encoding_source, "detected");
    EXPECT_TRUE(preview->has_header);
    EXPECT_EQ(preview->column_names, (std::vector<std::string>{"English", "Russian", "Notes"}));
    EXPECT_EQ(preview->column_roles, (std::vector<std::string>{"english", "russian", "notes"}));
    EXPECT_EQ(preview->russian_column, 1);
    EXPECT_EQ(preview->english_column, 0);
    EXPECT_EQ(preview->note_count, 4);
    ASSERT_EQ(preview->rows.size(), 4u);
    EXPECT_EQ(preview->rows[0].russian, "власть");
    EXPECT_EQ(preview->rows[0].key, "vlast");
    EXPECT_EQ(preview->rows[0].line, 2);
    EXPECT_FALSE(preview->deck_exists);
    EXPECT_EQ(preview->would_add, 4);
    EXPECT_TRUE(preview->can_import());
}

TEST_F(ImportPreviewTest, ChangingTheRussianColumnChangesThePreview)
{
    const auto path = dir / "two.tsv";
    testing::write_bytes(path, "власть\tвла́сть\tpower\nвойна\tвойна́\twar\n");
    ImportChoices choices;
    choices.russian_column = 1;
    auto preview = service.preview(path.string(), choices);
    ASSERT_TRUE(preview.ok());
    EXPECT_EQ(preview->russian_column, 1);
    EXPECT_EQ(preview->rows.at(0).russian, "вла\u0301сть");
}

TEST_F(ImportPreviewTest, MojibakeIsOfferedThenRepairedOrKept)
{
    const std::string path = fixture("words-mojibake-1250.tsv").string();
    auto asked = service.preview(path, {});
    ASSERT_TRUE(asked.ok());
    EXPECT_TRUE(asked->mojibake_found);
    EXPECT_FALSE(asked->mojibake_repaired);
    EXPECT_EQ(asked->mojibake_description, "windows-1251 text shown as windows-1250");
    ASSERT_FALSE(asked->mojibake_sample.empty());
    EXPECT_EQ(asked->mojibake_sample[0].after, "власть\tpower; authority");
    EXPECT_FALSE(asked->can_import());
    EXPECT_FALSE(service.import(path, {}).ok());

    ImportChoices repair;
    repair.mojibake = MojibakeDecision::Repair;
    auto repaired = service.preview(path, repair);
    ASSERT_TRUE(repaired.ok());
    EXPECT_TRUE(repaired->mojibake_repaired);
    EXPECT_TRUE(repaired->can_import());
    EXPECT_EQ(repaired->rows.at(0).russian, "власть");
    auto summary = service.import(path, repair);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->added, 8);
    EXPECT_EQ(summary->text(), "words-mojibake-1250: 8 notes added, 0 already there (0 changed).");

    // The same file again: everything is already there.
    auto again = service.preview(path, repair);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->deck_exists);
    EXPECT_EQ(again->would_add, 0);
    EXPECT_EQ(again->would_update, 8);
}

TEST_F(ImportPreviewTest, ErrorsAreListedAndBlockTheImport)
{
    const auto path = dir / "broken.tsv";
    testing::write_bytes(path, "# title: Broken\nkey\trussian\tenglish\na\tвласть\tpower\nb\tвойна\n");
    auto preview = service.preview(path.string(), {});
    ASSERT_TRUE(preview.ok());
    EXPECT_EQ(preview->format, "Letopis deck");
    EXPECT_EQ(preview->error_count, 1);
    ASSERT_EQ(preview->messages.size(), 1u);
    EXPECT_EQ(preview->messages[0].line, 4);
    EXPECT_TRUE(preview->messages[0].error);
    EXPECT_FALSE(preview->can_import());
    auto imported = service.import(path.string(), {});
    ASSERT_FALSE(imported.ok());
    auto decks = collection->decks();
    ASSERT_TRUE(decks.ok());
    EXPECT_TRUE(decks->empty());
}

TEST_F(ImportPreviewTest, UnreadableFileAndUnknownEncodingAreErrors)
{
    EXPECT_FALSE(service.preview((dir / "missing.csv").string(), {}).ok());
    ImportChoices choices;
    choices.encoding = "EBCDIC";
    auto preview = service.preview(fixture("words-utf8.tsv").string(), choices);
    ASSERT_FALSE(preview.ok());
    EXPECT_EQ(preview.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(ImportService::encoding_names().size(), 7u);
}

} // namespace
} // namespace letopis
