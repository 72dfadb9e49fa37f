// Reading whole files: format detection, encodings (BOM, declaration, detection, choice),
// mojibake offers, and the linter's stricter view of encodings.
#include "deck/import_file.h"

#include <gtest/gtest.h>

#include "import/fixture_files.h"

namespace letopis {
namespace {

using testing::fixture;
using testing::read_all;

TEST(ImportFile, EveryEncodedFixtureReadsAsTheSameWordList)
{
    const char* files[] = {"words-utf8.tsv",   "words-utf8-bom.tsv", "words-utf16.tsv",    "words-utf16be.tsv",
                           "words-utf16le-nobom.tsv", "words-cp1251.tsv", "words-koi8r.tsv", "words-cp866.tsv",
                           "words-iso8859-5.tsv"};
    for (const char* name : files) {
        auto file = read_import_file(fixture(name), {});
        ASSERT_TRUE(file.ok()) << name;
        EXPECT_FALSE(file->has_errors()) << name << ": " << file->diagnostics[0].message;
        EXPECT_EQ(file->format, FileFormat::WordList) << name;
        ASSERT_EQ(file->deck.entries.size(), 8u) << name;
        EXPECT_EQ(file->deck.entries[2].note.russian, "продразвёрстка") << name;
        EXPECT_EQ(file->deck.entries[7].note.russian, "Ёлка") << name;
        EXPECT_EQ(file->deck.entries[7].note.key, "elka") << name;
    }
}

TEST(ImportFile, EncodingSourceIsReported)
{
    auto bom = read_import_file(fixture("words-utf16.tsv"), {});
    ASSERT_TRUE(bom.ok());
    EXPECT_EQ(bom->encoding_source, EncodingSource::ByteOrderMark);
    EXPECT_EQ(bom->encoding, TextEncoding::Utf16Le);

    auto detected = read_import_file(fixture("words-koi8r.tsv"), {});
    ASSERT_TRUE(detected.ok());
    EXPECT_EQ(detected->encoding_source, EncodingSource::Detected);
    EXPECT_EQ(detected->encoding, TextEncoding::Koi8R);

    ImportFileOptions forced;
    forced.encoding = TextEncoding::Windows1251;
    auto chosen = read_import_file(fixture("words-koi8r.tsv"), forced);
    ASSERT_TRUE(chosen.ok());
    EXPECT_EQ(chosen->encoding_source, EncodingSource::Chosen);
    // Read wrongly, as asked; the garbled result is noticed and its repair offered.
    ASSERT_TRUE(chosen->mojibake.has_value());
    EXPECT_EQ(chosen->mojibake->repair.read_as, "windows-1251");
    EXPECT_EQ(chosen->mojibake->repair.written_in, "KOI8-R");
    EXPECT_TRUE(chosen->has_errors());
    ImportFileOptions keep = forced;
    keep.mojibake = MojibakeChoice::Keep;
    auto kept = read_import_file(fixture("words-koi8r.tsv"), keep);
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept->deck.entries.at(0).note.russian, "ЧМБУФШ"); // KOI8-R "власть" in windows-1251
}

TEST(ImportFile, CommaCsvInWindows1251WithHeaderAndCrlf)
{
    auto file = read_import_file(fixture("words-cp1251.csv"), {});
    ASSERT_TRUE(file.ok());
    ASSERT_FALSE(file->has_errors()) << file->diagnostics[0].message;
    EXPECT_EQ(file->encoding, TextEncoding::Windows1251);
    EXPECT_EQ(file->layout.delimiter, ',');
    EXPECT_TRUE(file->layout.has_header);
    EXPECT_EQ(file->layout.russian_column, 1);
    EXPECT_EQ(file->layout.english_column, 0);
    ASSERT_EQ(file->deck.entries.size(), 4u);
    EXPECT_EQ(file->deck.entries[0].note.english, "power, authority");
    EXPECT_EQ(file->deck.entries[1].note.notes, "the Great War, 1914–1918");
    EXPECT_EQ(file->deck.entries[2].note.english, "\"Peace\" decree");
    EXPECT_EQ(file->deck.entries[2].note.russian, "Декрет о мире");
}

TEST(ImportFile, WordListDeckKeyAndTitleComeFromTheFileName)
{
    auto file = read_import_file(fixture("words-utf8.tsv"), {});
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file->deck.key, "words-utf8");
    EXPECT_EQ(file->deck.title, "words-utf8");
    EXPECT_EQ(deck_key_for_word_list("Мои слова 2024.csv"), "moi-slova-2024");
    EXPECT_EQ(deck_key_for_word_list("???.csv"), "word-list");
}

TEST(ImportFile, MojibakeIsAnErrorUntilRepairedOrKept)
{
    auto asked = read_import_file(fixture("words-mojibake-1250.tsv"), {});
    ASSERT_TRUE(asked.ok());
    ASSERT_TRUE(asked->mojibake.has_value());
    EXPECT_FALSE(asked->mojibake->applied);
    EXPECT_EQ(asked->mojibake->repair.read_as, "windows-1250");
    EXPECT_EQ(asked->mojibake->repair.written_in, "windows-1251");
    ASSERT_FALSE(asked->mojibake->sample.empty());
    EXPECT_EQ(asked->mojibake->sample[0].line, 1);
    EXPECT_EQ(asked->mojibake->sample[0].after, "власть\tpower; authority");
    ASSERT_TRUE(asked->has_errors());
    EXPECT_NE(asked->diagnostics[0].message.find("looks garbled"), std::string::npos);

    ImportFileOptions repair;
    repair.mojibake = MojibakeChoice::Repair;
    auto repaired = read_import_file(fixture("words-mojibake-1250.tsv"), repair);
    ASSERT_TRUE(repaired.ok());
    EXPECT_FALSE(repaired->has_errors());
    EXPECT_TRUE(repaired->mojibake->applied);
    EXPECT_EQ(repaired->deck.entries.at(0).note.russian, "власть");

    ImportFileOptions keep;
    keep.mojibake = MojibakeChoice::Keep;
    auto kept = read_import_file(fixture("words-mojibake-utf8.tsv"), keep);
    ASSERT_TRUE(kept.ok());
    EXPECT_FALSE(kept->has_errors());
    EXPECT_EQ(kept->deck.entries.at(0).note.russian, "РІР»Р°СЃС‚СЊ");
}

TEST(ImportFile, DeckFilesAreRecognisedByMetadataOrHeader)
{
    auto with_title = read_import_bytes("# title: T\nkey\trussian\tenglish\nvlast\tвласть\tpower\n", "t.tsv", {});
    EXPECT_EQ(with_title.format, FileFormat::Deck);
    EXPECT_FALSE(with_title.has_errors());
    EXPECT_EQ(with_title.deck.key, "t");

    // A deck header without a title is still a deck file, so the missing title is reported.
    auto no_title = read_import_bytes("key\trussian\tenglish\nvlast\tвласть\tpower\n", "t.tsv", {});
    EXPECT_EQ(no_title.format, FileFormat::Deck);
    ASSERT_TRUE(no_title.has_errors());
    EXPECT_EQ(no_title.diagnostics[0].message, "missing title: add a line `# title: …` at the top of the file");

    auto list = read_import_bytes("russian\tenglish\nвласть\tpower\n", "t.tsv", {});
    EXPECT_EQ(list.format, FileFormat::WordList);
    EXPECT_FALSE(list.has_errors());
}

TEST(ImportFile, DeckFileInWindows1251NeedsADeclarationForTheLinterOnly)
{
    auto bytes = encode_text("# title: Тест\nkey\trussian\tenglish\nvlast\tвласть\tpower\n", TextEncoding::Windows1251);
    ASSERT_TRUE(bytes.ok());

    auto imported = read_import_bytes(*bytes, "t.tsv", {});
    EXPECT_FALSE(imported.has_errors());
    EXPECT_EQ(imported.deck.title, "Тест");

    ImportFileOptions lint;
    lint.purpose = ReadPurpose::Lint;
    auto linted = read_import_bytes(*bytes, "t.tsv", lint);
    ASSERT_TRUE(linted.has_errors());
    EXPECT_EQ(linted.diagnostics[0].message,
              "the file is not UTF-8 (it reads as windows-1251): save it as UTF-8, or declare the encoding with a "
              "line `# encoding: windows-1251`");

    auto declared_bytes = encode_text("# encoding: cp1251\n# title: Тест\nkey\trussian\tenglish\nvlast\tвласть\tpower\n",
                                      TextEncoding::Windows1251);
    ASSERT_TRUE(declared_bytes.ok());
    auto declared = read_import_bytes(*declared_bytes, "t.tsv", lint);
    EXPECT_FALSE(declared.has_errors()) << declared.diagnostics[0].message;
    EXPECT_EQ(declared.encoding_source, EncodingSource::Declared);
    EXPECT_EQ(declared.deck.encoding, "cp1251");
}

TEST(ImportFile, UnknownDeclaredEncodingAndBadBytesAreErrors)
{
    auto unknown = read_import_bytes("# encoding: latin-9\n# title: T\nkey\trussian\tenglish\n", "t.tsv", {});
    ASSERT_TRUE(unknown.has_errors());
    EXPECT_EQ(unknown.diagnostics[0].line, 1);
    EXPECT_NE(unknown.diagnostics[0].message.find("unknown encoding \"latin-9\""), std::string::npos);

    // Declared UTF-8, with windows-1251 bytes on line 4: one error, on that line.
    auto broken = read_import_bytes("# encoding: utf-8\n# title: T\nkey\trussian\tenglish\nvoina\t\xE2\xEE\xE9\xED\xE0\twar\n"
                                    "vlast\tвласть\tpower\nsovet\tсове́т\tsoviet\n",
                                    "t.tsv", {});
    ASSERT_EQ(broken.diagnostics.size(), 1u);
    EXPECT_EQ(broken.diagnostics[0].line, 4);
    EXPECT_NE(broken.diagnostics[0].message.find("not valid UTF-8"), std::string::npos);
}

TEST(ImportFile, UnreadableFileIsAnError)
{
    auto missing = read_import_file("/nonexistent/letopis/words.csv", {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    auto folder = read_import_file(LETOPIS_IMPORT_FIXTURES, {});
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().kind, ErrorKind::Io);
}

} // namespace
} // namespace letopis
