// `letopis deck check` run as a program: the shipped deck is clean of errors, every problem is
// printed as FILE:LINE: error|warning: text, and the exit status tells clean, errors, unreadable.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "db/temp_dir.h"

namespace letopis {
namespace {

struct CommandRun {
    int status = -1;
    std::string out;
    std::string err;
};

CommandRun run_letopis(const testing::TempDir& dir, const std::string& arguments)
{
    const auto out = dir / "out.txt";
    const auto err = dir / "err.txt";
    const std::string command = std::string(LETOPIS_BINARY) + " " + arguments + " > " + out.string() + " 2> " + err.string();
    const int raw = std::system(command.c_str());
    CommandRun run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = testing::read_bytes(out);
    run.err = testing::read_bytes(err);
    return run;
}

TEST(DeckCheck, ShippedDeckHasNoErrors)
{
    testing::TempDir dir;
    const std::string deck = std::string(LETOPIS_SOURCE_DIR) + "/decks/01-revolution-and-civil-war.tsv";
    CommandRun run = run_letopis(dir, "deck check " + deck);
    EXPECT_EQ(run.status, 0) << run.out << run.err;
    EXPECT_EQ(run.out.find(": error:"), std::string::npos) << run.out;
    EXPECT_NE(run.err.find("1 file checked: 0 errors"), std::string::npos) << run.err;
}

TEST(DeckCheck, EveryProblemIsPrintedWithFileAndLine)
{
    testing::TempDir dir;
    const auto file = dir / "bad.tsv";
    testing::write_bytes(file, "# title: Bad\nkey\trussian\tenglish\n"
                               "sovet\tcове́т\tsoviet\nvoina\tвойна́\t\nvlast\tвласть\tpower\nvlast\tвласть\tpower\n"
                               "revolyutsiya\tреволюция\trevolution\n");
    CommandRun run = run_letopis(dir, "deck check " + file.string());
    EXPECT_EQ(run.status, 1);
    const std::string f = file.string();
    EXPECT_NE(run.out.find(f + ":3: error: Latin letter \"c\" inside the Cyrillic word"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(f + ":4: error: the english field is empty"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(f + ":6: error: duplicate key \"vlast\" (first used on line 5)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(f + ":6: warning: duplicate Russian headword \"власть\" (also on line 5)"), std::string::npos);
    EXPECT_NE(run.out.find(f + ":7: warning: \"революция\" has no stress mark"), std::string::npos) << run.out;
}

TEST(DeckCheck, WarningsAloneExitZero)
{
    testing::TempDir dir;
    const auto file = dir / "warn.tsv";
    testing::write_bytes(file, "# title: Warn\nkey\trussian\tenglish\nrevolyutsiya\tреволюция\trevolution\n");
    CommandRun run = run_letopis(dir, "deck check " + file.string());
    EXPECT_EQ(run.status, 0) << run.out;
    EXPECT_NE(run.out.find(": warning: "), std::string::npos);
}

TEST(DeckCheck, UnreadableFileExitsTwo)
{
    testing::TempDir dir;
    const auto good = dir / "good.tsv";
    testing::write_bytes(good, "# title: Good\nkey\trussian\tenglish\nvlast\tвласть\tpower\n");
    CommandRun run = run_letopis(dir, "deck check " + good.string() + " " + (dir / "missing.tsv").string());
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.out.find("missing.tsv: error: "), std::string::npos) << run.out;
}

TEST(DeckCheck, MissingStressDictionaryIsSaidOnce)
{
    testing::TempDir dir;
    const auto a = dir / "a.tsv";
    const auto b = dir / "b.tsv";
    testing::write_bytes(a, "# title: A\nkey\trussian\tenglish\nvoina\tво́йна\twar\n");
    testing::write_bytes(b, "# title: B\nkey\trussian\tenglish\nvoina\tво́йна\twar\n");
    CommandRun run = run_letopis(dir, "deck check --stress-dictionary /nonexistent/mueller7accent.dict.dz " + a.string() +
                                   " " + b.string());
    EXPECT_EQ(run.status, 0);
    const std::string said = "the stress check was skipped";
    const size_t first = run.err.find(said);
    ASSERT_NE(first, std::string::npos) << run.err;
    EXPECT_EQ(run.err.find(said, first + 1), std::string::npos) << run.err;
    EXPECT_EQ(run.out.find("differs from the stress dictionary"), std::string::npos);

    // With the installed dictionary, the same files get the warning.
    if (std::filesystem::exists("/usr/share/dictd/mueller7accent.dict.dz")) {
        CommandRun with = run_letopis(dir, "deck check " + a.string());
        EXPECT_NE(with.out.find(a.string() + ":3: warning: the stress of \"во́йна\" differs from the stress dictionary"),
                  std::string::npos)
            << with.out;
    }
}

TEST(DeckCheck, CyrillicCodePageDeckNeedsUtf8OrADeclaration)
{
    testing::TempDir dir;
    const auto file = dir / "cp1251.tsv";
    // "# title: Тест" … "власть" in windows-1251.
    testing::write_bytes(file, "# title: \xD2\xE5\xF1\xF2\nkey\trussian\tenglish\nvlast\t\xE2\xEB\xE0\xF1\xF2\xFC\tpower\n");
    CommandRun run = run_letopis(dir, "deck check " + file.string());
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.out.find(file.string() + ":1: error: the file is not UTF-8 (it reads as windows-1251)"), std::string::npos)
        << run.out;
}

TEST(DeckExportCommand, WritesDeckAndTsv)
{
    testing::TempDir dir;
    const auto deck = std::string(LETOPIS_SOURCE_DIR) + "/decks/01-revolution-and-civil-war.tsv";
    const std::string collection = "--collection " + (dir / "c.db").string();
    CommandRun imported = run_letopis(dir, "import " + deck + " " + collection);
    ASSERT_EQ(imported.status, 0) << imported.out << imported.err;
    CommandRun exported = run_letopis(dir, "deck export 01-revolution-and-civil-war --out " + (dir / "x.tsv").string() + " " + collection);
    ASSERT_EQ(exported.status, 0) << exported.err;
    const std::string text = testing::read_bytes(dir / "x.tsv");
    EXPECT_TRUE(text.starts_with("# title: Revolution and Civil War (1917–1921)\n")) << text.substr(0, 200);
    CommandRun tsv = run_letopis(dir, "deck export \"Revolution and Civil War (1917–1921)\" --format tsv --out - " + collection);
    ASSERT_EQ(tsv.status, 0) << tsv.err;
    EXPECT_TRUE(tsv.out.starts_with("russian\tenglish\t")) << tsv.out.substr(0, 100);
    CommandRun missing = run_letopis(dir, "deck export nothing --out " + (dir / "y.tsv").string() + " " + collection);
    EXPECT_EQ(missing.status, 1);
    EXPECT_FALSE(std::filesystem::exists(dir / "y.tsv"));
}

} // namespace
} // namespace letopis
