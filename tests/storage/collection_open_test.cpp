// Tests for Collection::open: creating and reopening, and refusing files that are not ours,
// too new, damaged, already open or not writable — always leaving the refused file unchanged.
#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include "db/database.h"
#include "storage/collection_fixture.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

int64_t pragma(Collection& collection, const std::string& name)
{
    Result<int64_t> value = collection.database().query_int("PRAGMA " + name);
    EXPECT_TRUE(value.ok());
    return value.ok() ? *value : -1;
}

// A real collection big enough (about 100 KB) that its first 20 KB is a strict prefix.
void make_collection(const fs::path& path, int notes = 400)
{
    auto collection = testing::open_collection(path);
    ASSERT_TRUE(collection);
    DeckId deck = testing::add_deck(*collection, "letopis");
    ASSERT_TRUE(collection->transact([&]() -> Status {
        for (int i = 0; i < notes; ++i) {
            Note note = testing::make_note(deck, "n" + std::to_string(i), "ле́топись " + std::to_string(i), "chronicle");
            note.example_russian = "Се повести временных лет, откуду есть пошла Русская земля.";
            note.example_english = "These are the tales of bygone years, whence came the Rus' land.";
            TRY_STATUS(collection->upsert_note(note));
        }
        return {};
    }).ok());
}

// Opens `path`, expects `kind`, and checks the file and its folder are exactly as before.
void expect_refused(const fs::path& path, ErrorKind kind, const std::string& message_part = {})
{
    const std::string before = testing::read_bytes(path);
    const auto files_before = testing::list_dir(path.parent_path());
    Result<std::unique_ptr<Collection>> opened = Collection::open(path);
    ASSERT_FALSE(opened.ok()) << "opened " << path;
    EXPECT_EQ(opened.error().kind, kind) << to_string(opened.error().kind) << ": " << opened.error().message;
    EXPECT_NE(opened.error().message.find(path.filename().string()), std::string::npos) << opened.error().message;
    if (!message_part.empty()) {
        EXPECT_NE(opened.error().message.find(message_part), std::string::npos) << opened.error().message;
    }
    EXPECT_TRUE(testing::read_bytes(path) == before) << "the refused file was modified";
    EXPECT_EQ(testing::list_dir(path.parent_path()), files_before) << "files appeared beside the refused file";
}

TEST(CollectionOpen, CreatesANewCollectionWithItsMarks)
{
    TempDir dir;
    auto collection = testing::open_collection(dir / "collection.db");
    ASSERT_TRUE(collection);
    EXPECT_EQ(collection->path(), dir / "collection.db");
    EXPECT_EQ(pragma(*collection, "application_id"), 0x4C54504E);
    EXPECT_EQ(pragma(*collection, "user_version"), Collection::schema_version());
    EXPECT_EQ(Collection::schema_version(), 3);
    EXPECT_EQ(pragma(*collection, "foreign_keys"), 1);
    EXPECT_EQ(pragma(*collection, "synchronous"), 2); // FULL
    Result<std::string> mode = collection->database().query_text("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok());
    EXPECT_EQ(*mode, "wal");
    EXPECT_GT(collection->device_id(), 0);
    EXPECT_TRUE(fs::exists(dir / "collection.db.lock"));
}

TEST(CollectionOpen, ReopenKeepsTheDataAndTheDeviceId)
{
    TempDir dir;
    int64_t device = 0;
    {
        auto collection = testing::open_collection(dir / "c.db");
        ASSERT_TRUE(collection);
        device = collection->device_id();
        testing::add_deck(*collection, "history", "История");
        ASSERT_TRUE(collection->set_setting("ui.theme", "dark").ok());
    }
    auto collection = testing::open_collection(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(collection);
    EXPECT_EQ(collection->device_id(), device);
    Result<std::optional<DeckInfo>> deck = collection->deck_by_key("history");
    ASSERT_TRUE(deck.ok() && deck->has_value());
    EXPECT_EQ((*deck)->title, "История");
    Result<std::optional<std::string>> theme = collection->setting("ui.theme");
    ASSERT_TRUE(theme.ok() && theme->has_value());
    EXPECT_EQ(**theme, "dark");
}

TEST(CollectionOpen, TwoCollectionsGetDifferentDeviceIds)
{
    TempDir dir;
    auto a = testing::open_collection(dir / "a.db");
    auto b = testing::open_collection(dir / "b.db");
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->device_id(), b->device_id());
}

TEST(CollectionOpen, MustExistOnAMissingFileIsNotFound)
{
    TempDir dir;
    Result<std::unique_ptr<Collection>> opened = Collection::open(dir / "sub" / "c.db", OpenMode::MustExist);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, ErrorKind::NotFound);
    EXPECT_NE(opened.error().message.find("c.db"), std::string::npos);
    EXPECT_TRUE(testing::list_dir(dir.path()).empty());
}

TEST(CollectionOpen, CreatesMissingFolders)
{
    TempDir dir;
    auto collection = testing::open_collection(dir / "share" / "letopis" / "collection.db");
    ASSERT_TRUE(collection);
    EXPECT_TRUE(fs::is_regular_file(dir / "share" / "letopis" / "collection.db"));
}

TEST(CollectionOpen, RelativePathsAreMadeAbsolute)
{
    TempDir dir;
    fs::path old = fs::current_path();
    fs::current_path(dir.path());
    auto collection = testing::open_collection("rel.db");
    fs::current_path(old);
    ASSERT_TRUE(collection);
    EXPECT_EQ(collection->path(), dir / "rel.db");
}

TEST(CollectionOpen, EmptyFileIsInitialised)
{
    TempDir dir;
    testing::write_bytes(dir / "c.db", "");
    auto collection = testing::open_collection(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(collection);
    EXPECT_EQ(pragma(*collection, "application_id"), Collection::application_id());
}

TEST(CollectionOpen, EmptySqliteDatabaseIsInitialised)
{
    TempDir dir;
    {
        Result<std::unique_ptr<Database>> db = Database::open(dir / "c.db", DbOpen::Create);
        ASSERT_TRUE(db.ok());
        // Writes a valid header with no tables in it.
        ASSERT_TRUE((*db)->exec("PRAGMA journal_mode = WAL; VACUUM").ok());
    }
    auto collection = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(collection);
    EXPECT_EQ(pragma(*collection, "user_version"), Collection::schema_version());
}

TEST(CollectionOpen, RefusesATextFile)
{
    TempDir dir;
    testing::write_bytes(dir / "words.txt", "летопись\tchronicle\nкнязь\tprince\n");
    expect_refused(dir / "words.txt", ErrorKind::NotACollection, "not a Letopis collection");
}

TEST(CollectionOpen, RefusesRandomBytes)
{
    TempDir dir;
    std::mt19937 random(42);
    std::string bytes(64 * 1024, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random());
    testing::write_bytes(dir / "noise.db", bytes);
    expect_refused(dir / "noise.db", ErrorKind::NotACollection);
}

TEST(CollectionOpen, RefusesAShortFileWithTheSqliteMagic)
{
    TempDir dir;
    testing::write_bytes(dir / "short.db", std::string("SQLite format 3\0rest", 20));
    expect_refused(dir / "short.db", ErrorKind::NotACollection);
}

TEST(CollectionOpen, RefusesAFolder)
{
    TempDir dir;
    fs::create_directory(dir / "folder.db");
    Result<std::unique_ptr<Collection>> opened = Collection::open(dir / "folder.db");
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, ErrorKind::NotACollection);
    EXPECT_EQ(testing::list_dir(dir.path()), std::set<std::string>{"folder.db"});
}

TEST(CollectionOpen, RefusesATruncatedCollection)
{
    TempDir dir;
    make_collection(dir / "full.db");
    const std::string full = testing::read_bytes(dir / "full.db");
    ASSERT_GT(full.size(), 40u * 1024);
    fs::create_directory(dir / "copy");
    testing::write_bytes(dir / "copy" / "truncated.db", full.substr(0, 20 * 1024));
    expect_refused(dir / "copy" / "truncated.db", ErrorKind::Corrupt, "damaged");
}

TEST(CollectionOpen, RefusesACollectionWithADamagedPage)
{
    TempDir dir;
    make_collection(dir / "c.db");
    std::string bytes = testing::read_bytes(dir / "c.db");
    // Scribble over the header of a page well past the schema.
    ASSERT_GT(bytes.size(), 10u * 4096);
    for (size_t i = 0; i < 512; ++i)
        bytes[8 * 4096 + i] = static_cast<char>(0xA5);
    testing::write_bytes(dir / "c.db", bytes);
    expect_refused(dir / "c.db", ErrorKind::Corrupt, "damaged");
}

TEST(CollectionOpen, RefusesAnotherProgramsDatabase)
{
    TempDir dir;
    struct Case {
        std::string name;
        std::string sql;
    };
    for (const Case& c : {Case{"plain.db", "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)"},
                          Case{"wal.db", "PRAGMA journal_mode = WAL; CREATE TABLE photos (id INTEGER)"},
                          Case{"app-id.db", "PRAGMA application_id = 1196638018; CREATE TABLE t (x)"},
                          Case{"anki.db", "PRAGMA user_version = 11; CREATE TABLE col (id INTEGER)"}}) {
        {
            Result<std::unique_ptr<Database>> db = Database::open(dir / c.name, DbOpen::Create);
            ASSERT_TRUE(db.ok());
            ASSERT_TRUE((*db)->exec(c.sql).ok()) << c.name;
        }
        expect_refused(dir / c.name, ErrorKind::NotACollection, "another program");
    }
}

TEST(CollectionOpen, RefusesACollectionFromANewerLetopis)
{
    TempDir dir;
    make_collection(dir / "c.db", 10);
    {
        Result<std::unique_ptr<Database>> db = Database::open(dir / "c.db", DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("PRAGMA user_version = 99").ok());
    }
    ASSERT_FALSE(fs::exists(dir / "c.db-wal"));
    expect_refused(dir / "c.db", ErrorKind::TooNew, "newer version of Letopis (schema 99, this build reads up to 3)");
}

TEST(CollectionOpen, SeesCommitsStillInTheWal)
{
    // A crash leaves commits in the -wal file; copying the open files reproduces that state.
    TempDir dir;
    auto collection = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(collection);
    // Checkpoint first, so the later write sits in the WAL alone.
    ASSERT_TRUE(collection->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    testing::add_deck(*collection, "after-checkpoint");
    ASSERT_TRUE(fs::file_size(dir / "c.db-wal") > 0);
    fs::create_directory(dir / "crash");
    fs::copy_file(dir / "c.db", dir / "crash" / "c.db");
    fs::copy_file(dir / "c.db-wal", dir / "crash" / "c.db-wal");
    collection.reset();

    auto recovered = testing::open_collection(dir / "crash" / "c.db");
    ASSERT_TRUE(recovered);
    Result<std::optional<DeckInfo>> deck = recovered->deck_by_key("after-checkpoint");
    ASSERT_TRUE(deck.ok());
    EXPECT_TRUE(deck->has_value());
}

TEST(CollectionOpen, SecondOpenInTheSameProcessIsLocked)
{
    TempDir dir;
    auto first = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(first);
    Result<std::unique_ptr<Collection>> second = Collection::open(dir / "c.db");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().kind, ErrorKind::Locked);
    EXPECT_NE(second.error().message.find("c.db is already open in another Letopis window"), std::string::npos)
        << second.error().message;
    // The first is unharmed, and closing it frees the file.
    EXPECT_TRUE(first->set_setting("still", "works").ok());
    first.reset();
    auto third = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(third);
    Result<std::optional<std::string>> value = third->setting("still");
    ASSERT_TRUE(value.ok() && value->has_value());
}

TEST(CollectionOpen, SecondOpenFromAnotherProcessIsLockedUntilItDies)
{
    TempDir dir;
    make_collection(dir / "c.db", 5);
    int to_parent[2];
    int to_child[2];
    ASSERT_EQ(::pipe(to_parent), 0);
    ASSERT_EQ(::pipe(to_child), 0);
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        Result<std::unique_ptr<Collection>> opened = Collection::open(dir / "c.db");
        char reply = opened.ok() ? 'y' : 'n';
        (void)!::write(to_parent[1], &reply, 1);
        char go;
        (void)!::read(to_child[0], &go, 1);
        // Dies without closing anything, as a crash would: the kernel must drop the lock.
        ::_exit(0);
    }
    char reply = 0;
    ASSERT_EQ(::read(to_parent[0], &reply, 1), 1);
    ASSERT_EQ(reply, 'y');

    Result<std::unique_ptr<Collection>> second = Collection::open(dir / "c.db");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().kind, ErrorKind::Locked);
    EXPECT_NE(second.error().message.find("already open in another Letopis window"), std::string::npos);

    ASSERT_EQ(::write(to_child[1], "x", 1), 1);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    for (int fd : {to_parent[0], to_parent[1], to_child[0], to_child[1]})
        ::close(fd);

    auto third = testing::open_collection(dir / "c.db");
    ASSERT_TRUE(third);
    Result<int64_t> notes = third->note_count(DeckId{1});
    ASSERT_TRUE(notes.ok());
    EXPECT_EQ(*notes, 5);
}

// Runs `check` in a child process without root's power to write anywhere; returns its exit
// code, or 77 if privileges could not be dropped.
int run_unprivileged(const std::function<int()>& check)
{
    pid_t pid = ::fork();
    if (pid == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(77);
        ::_exit(check());
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

// Exit codes of the unwritable-folder checks.
constexpr int kOk = 0, kOpened = 1, kWrongKind = 2, kNoFolderName = 3;

int expect_read_only(const fs::path& file, const std::string& folder_name)
{
    Result<std::unique_ptr<Collection>> opened = Collection::open(file);
    if (opened.ok())
        return kOpened;
    if (opened.error().kind != ErrorKind::ReadOnly)
        return kWrongKind;
    if (opened.error().message.find(folder_name) == std::string::npos)
        return kNoFolderName;
    return kOk;
}

TEST(CollectionOpen, UnwritableFolderIsReadOnly)
{
    TempDir dir;
    // Root ignores permissions, so the check runs in a child that drops to "nobody".
    ::chmod(dir.path().c_str(), 0755);
    fs::create_directory(dir / "locked");
    make_collection(dir / "locked" / "existing.db", 5);
    const std::string before = testing::read_bytes(dir / "locked" / "existing.db");
    ::chmod((dir / "locked").c_str(), 0555);
    ::chmod((dir / "locked" / "existing.db").c_str(), 0666);

    int code = run_unprivileged([&] { return expect_read_only(dir / "locked" / "new.db", "locked"); });
    if (code == 77)
        GTEST_SKIP() << "cannot drop root privileges here";
    EXPECT_EQ(code, kOk) << "new file in an unwritable folder";
    EXPECT_EQ(run_unprivileged([&] { return expect_read_only(dir / "locked" / "sub" / "new.db", "locked"); }), kOk)
        << "missing folder inside an unwritable one";
    EXPECT_EQ(run_unprivileged([&] { return expect_read_only(dir / "locked" / "existing.db", "locked"); }), kOk)
        << "existing collection in an unwritable folder";
    EXPECT_TRUE(testing::read_bytes(dir / "locked" / "existing.db") == before);
    EXPECT_FALSE(fs::exists(dir / "locked" / "new.db"));
    EXPECT_FALSE(fs::exists(dir / "locked" / "sub"));
}

} // namespace
} // namespace letopis
