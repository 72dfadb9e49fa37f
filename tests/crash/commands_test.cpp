// Tests for the storage commands of the real binary, as a script would run them: `letopis check`
// (exit 0 healthy, 1 problems, 2 cannot open), `letopis backup` (now, --list, --restore) and
// `letopis dev generate`.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "db/database.h"
#include "db/temp_dir.h"
#include "storage/collection.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

struct CommandRun {
    int code = -1;
    std::string output; // stdout and stderr
};

CommandRun letopis(const std::string& arguments)
{
    const std::string command = std::string(LETOPIS_BINARY) + " " + arguments + " 2>&1";
    CommandRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return run;
    char buffer[1024];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        run.output.append(buffer, n);
    const int status = ::pclose(pipe);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class CommandsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_path = m_dir / "collection.db";
        CommandRun made = letopis("--collection " + quoted(m_path) + " dev generate --cards 400");
        ASSERT_EQ(made.code, 0) << made.output;
    }

    CommandRun in_collection(const std::string& arguments)
    {
        return letopis("--collection " + quoted(m_path) + " " + arguments);
    }

    TempDir m_dir;
    fs::path m_path;
};

TEST_F(CommandsTest, CheckSaysHealthyOrListsProblemsAndRebuildRepairs)
{
    CommandRun healthy = in_collection("check");
    EXPECT_EQ(healthy.code, 0) << healthy.output;
    EXPECT_TRUE(contains(healthy.output, "healthy (schema 3, 400 cards")) << healthy.output;
    // A generated collection was studied with the app's scheduler: its log gives every card.
    CommandRun rebuilt = in_collection("check --rebuild");
    EXPECT_EQ(rebuilt.code, 0) << rebuilt.output;
    EXPECT_TRUE(contains(rebuilt.output, "rebuild: 0 of 400 cards recomputed from the log differed")) << rebuilt.output;

    {
        Result<std::unique_ptr<Database>> db = Database::open(m_path, DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("UPDATE cards SET due_ms = due_ms + 86400000 "
                                "WHERE id = (SELECT card_id FROM reviews ORDER BY id DESC LIMIT 1)")
                        .ok());
    }
    CommandRun problem = in_collection("check");
    EXPECT_EQ(problem.code, 1) << problem.output;
    EXPECT_TRUE(contains(problem.output, "1 problem found")) << problem.output;
    EXPECT_TRUE(contains(problem.output, "its stored schedule disagrees with its last answer")) << problem.output;
    CommandRun repaired = in_collection("check --rebuild");
    EXPECT_EQ(repaired.code, 1) << repaired.output;
    EXPECT_TRUE(contains(repaired.output, "1 of 400 cards recomputed from the log differed and were repaired"))
        << repaired.output;
    EXPECT_EQ(in_collection("check").code, 0);
}

TEST_F(CommandsTest, CheckCannotOpenIsTwo)
{
    testing::write_bytes(m_dir / "notes.txt", "летопись\n");
    CommandRun text = letopis("--collection " + quoted(m_dir / "notes.txt") + " check");
    EXPECT_EQ(text.code, 2);
    EXPECT_TRUE(contains(text.output, "is not a Letopis collection")) << text.output;
    CommandRun missing = letopis("--collection " + quoted(m_dir / "missing.db") + " check");
    EXPECT_EQ(missing.code, 2);
    EXPECT_TRUE(contains(missing.output, "does not exist")) << missing.output;

    Result<std::unique_ptr<Collection>> open = Collection::open(m_path, OpenMode::MustExist);
    ASSERT_TRUE(open.ok());
    CommandRun locked = in_collection("check");
    EXPECT_EQ(locked.code, 2);
    EXPECT_TRUE(contains(locked.output, "already open in another Letopis window")) << locked.output;
}

TEST_F(CommandsTest, BackupListAndRestore)
{
    CommandRun backup = in_collection("backup");
    ASSERT_EQ(backup.code, 0) << backup.output;
    const std::string written = backup.output.substr(0, backup.output.find('\n'));
    EXPECT_TRUE(fs::exists(written)) << written;
    EXPECT_EQ(fs::path(written).parent_path(), m_dir / "backups");
    CommandRun list = in_collection("backup --list");
    EXPECT_EQ(list.code, 0);
    EXPECT_EQ(list.output, written + "\n");

    // Garbage is refused and the collection is untouched.
    testing::write_bytes(m_dir / "garbage.db", std::string(9000, 'g'));
    const std::string before = testing::read_bytes(m_path);
    CommandRun refused = in_collection("backup --restore " + quoted(m_dir / "garbage.db"));
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(contains(refused.output, "is not a Letopis collection")) << refused.output;
    EXPECT_TRUE(testing::read_bytes(m_path) == before);

    CommandRun restored = in_collection("backup --restore " + quoted(fs::path(written)));
    EXPECT_EQ(restored.code, 0) << restored.output;
    EXPECT_TRUE(contains(restored.output, "the collection as it was before is kept in")) << restored.output;
    EXPECT_EQ(in_collection("check").code, 0);
}

TEST(DevGenerate, WritesOnlyANamedNewFile)
{
    TempDir dir;
    CommandRun unnamed = letopis("dev generate --cards 10");
    EXPECT_EQ(unnamed.code, 2);
    EXPECT_TRUE(contains(unnamed.output, "needs --collection")) << unnamed.output;
    testing::write_bytes(dir / "exists.db", "");
    CommandRun existing = letopis("--collection " + quoted(dir / "exists.db") + " dev generate --cards 10");
    EXPECT_EQ(existing.code, 1);
    EXPECT_TRUE(contains(existing.output, "exists")) << existing.output;
}

} // namespace
} // namespace letopis
