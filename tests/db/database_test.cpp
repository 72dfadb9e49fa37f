// Tests for the SQLite wrapper: opening modes, binding and reading values, cached statements,
// transactions and savepoints, SQL functions and the mapping of SQLite errors to ErrorKind.
#include <gtest/gtest.h>

#include <cctype>
#include <cerrno>

#include "db/database.h"
#include "db/statement.h"
#include "db/transaction.h"
#include "db/temp_dir.h"

namespace letopis {
namespace {

using testing::TempDir;

std::unique_ptr<Database> open_or_die(const std::filesystem::path& path, DbOpen mode = DbOpen::Create)
{
    Result<std::unique_ptr<Database>> db = Database::open(path, mode);
    EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().message);
    return db.ok() ? std::move(db).value() : nullptr;
}

int64_t count_rows(Database& db, const std::string& table)
{
    Result<int64_t> n = db.query_int("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(n.ok());
    return n.ok() ? *n : -1;
}

TEST(Database, CreateMakesTheFileAndReadWriteNeedsIt)
{
    TempDir dir;
    Result<std::unique_ptr<Database>> missing = Database::open(dir / "missing.db", DbOpen::ReadWrite);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::Io);
    EXPECT_NE(missing.error().message.find("missing.db"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));

    auto db = open_or_die(dir / "new.db");
    ASSERT_TRUE(db);
    EXPECT_TRUE(std::filesystem::exists(dir / "new.db"));
    EXPECT_EQ(db->path(), dir / "new.db");
}

TEST(Database, OddFileNamesSurviveTheUri)
{
    TempDir dir;
    for (std::string name : {"с пробелом.db", "what?#%25.db", "a&b=c.db"}) {
        auto db = open_or_die(dir / name);
        ASSERT_TRUE(db) << name;
        ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER)").ok());
        db.reset();
        EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
    }
    EXPECT_EQ(testing::list_dir(dir.path()).size(), 3u);
}

TEST(Database, BindsAndReadsEveryType)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    ASSERT_TRUE(db->exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT) STRICT").ok());
    Result<Statement> insert = db->prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
    ASSERT_TRUE(insert.ok());
    insert->bind_int(1, -9'000'000'000'000'000'000LL).bind_double(2, 2.5).bind_text(3, "ёжиќ").bind_null(4);
    ASSERT_TRUE(insert->run().ok());
    insert->reset();
    std::optional<double> none;
    insert->bind_all(42, none, std::string_view(), nullptr);
    ASSERT_TRUE(insert->run().ok());

    Result<Statement> select = db->prepare("SELECT i, r, s, n FROM t ORDER BY rowid");
    ASSERT_TRUE(select.ok());
    Result<bool> row = select->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(select->column_count(), 4);
    EXPECT_EQ(select->column_int(0), -9'000'000'000'000'000'000LL);
    EXPECT_DOUBLE_EQ(select->column_double(1), 2.5);
    EXPECT_EQ(select->column_text(2), "ёжиќ");
    EXPECT_TRUE(select->column_is_null(3));
    EXPECT_EQ(select->column_text(3), "");
    row = select->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(select->column_int(0), 42);
    EXPECT_FALSE(select->column_optional_double(1).has_value());
    // An empty string stays an empty TEXT, not NULL.
    EXPECT_FALSE(select->column_is_null(2));
    EXPECT_EQ(select->column_text(2), "");
    row = select->step();
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(*row);
}

TEST(Database, BadBindIndexIsReportedByStep)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    Result<Statement> stmt = db->prepare("SELECT ?1");
    ASSERT_TRUE(stmt.ok());
    stmt->bind_int(5, 1);
    Result<bool> row = stmt->step();
    ASSERT_FALSE(row.ok());
    EXPECT_EQ(row.error().kind, ErrorKind::Database);
    EXPECT_NE(row.error().message.find("t.db"), std::string::npos);
    stmt->reset();
    stmt->bind_int(1, 7);
    row = stmt->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(stmt->column_int(0), 7);
}

TEST(Database, PrepareErrorNamesTheFile)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    Result<Statement> stmt = db->prepare("SELECT * FROM no_such_table");
    ASSERT_FALSE(stmt.ok());
    EXPECT_EQ(stmt.error().kind, ErrorKind::Database);
    EXPECT_NE(stmt.error().message.find("t.db"), std::string::npos);
    EXPECT_NE(stmt.error().message.find("no_such_table"), std::string::npos);
}

TEST(Database, CachedStatementsAreReusedAndResetAfterUse)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)").ok());
    constexpr std::string_view kSql = "SELECT x FROM t WHERE x >= ?1 ORDER BY x";
    Statement* first_address = nullptr;
    {
        Result<CachedStatement> stmt = db->cached(kSql);
        ASSERT_TRUE(stmt.ok());
        first_address = &**stmt;
        (*stmt)->bind_all(2);
        Result<bool> row = (*stmt)->step();
        ASSERT_TRUE(row.ok() && *row);
        EXPECT_EQ((*stmt)->column_int(0), 2);
        // Left mid-way: the lease's end must reset it.
    }
    EXPECT_FALSE(db->in_transaction());
    {
        Result<CachedStatement> again = db->cached(kSql);
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(&**again, first_address);
        (*again)->bind_all(1);
        Result<bool> row = (*again)->step();
        ASSERT_TRUE(row.ok() && *row);
        EXPECT_EQ((*again)->column_int(0), 1);

        // The same SQL while the first lease is active gets its own statement.
        Result<CachedStatement> nested = db->cached(kSql);
        ASSERT_TRUE(nested.ok());
        EXPECT_NE(&**nested, first_address);
        (*nested)->bind_all(3);
        row = (*nested)->step();
        ASSERT_TRUE(row.ok() && *row);
        EXPECT_EQ((*nested)->column_int(0), 3);

        row = (*again)->step();
        ASSERT_TRUE(row.ok() && *row);
        EXPECT_EQ((*again)->column_int(0), 2);
    }
}

TEST(Database, TransactionRollsBackUnlessCommitted)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER)").ok());
    {
        Result<Transaction> tx = Transaction::begin(*db);
        ASSERT_TRUE(tx.ok());
        EXPECT_TRUE(db->in_transaction());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").ok());
    }
    EXPECT_FALSE(db->in_transaction());
    EXPECT_EQ(count_rows(*db, "t"), 0);
    {
        Result<Transaction> tx = Transaction::begin(*db);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    EXPECT_EQ(count_rows(*db, "t"), 1);
}

TEST(Database, SavepointUndoesOnlyItsOwnWrites)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER)").ok());
    Result<Transaction> tx = Transaction::begin(*db);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").ok());
    {
        Result<Savepoint> inner = Savepoint::begin(*db, "inner");
        ASSERT_TRUE(inner.ok());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (2)").ok());
    }
    {
        Result<Savepoint> kept = Savepoint::begin(*db, "kept");
        ASSERT_TRUE(kept.ok());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (3)").ok());
        ASSERT_TRUE(kept->release().ok());
    }
    EXPECT_TRUE(db->in_transaction());
    ASSERT_TRUE(tx->commit().ok());
    Result<int64_t> sum = db->query_int("SELECT SUM(x) FROM t");
    ASSERT_TRUE(sum.ok());
    EXPECT_EQ(*sum, 4);
}

TEST(Database, BusyWriterIsLocked)
{
    TempDir dir;
    auto first = open_or_die(dir / "t.db");
    ASSERT_TRUE(first->exec("CREATE TABLE t (x INTEGER)").ok());
    auto second = open_or_die(dir / "t.db", DbOpen::ReadWrite);
    Result<Transaction> holder = Transaction::begin(*first);
    ASSERT_TRUE(holder.ok());
    Result<Transaction> waiter = Transaction::begin(*second);
    ASSERT_FALSE(waiter.ok());
    EXPECT_EQ(waiter.error().kind, ErrorKind::Locked);
}

TEST(Database, WritingAReadOnlyConnectionIsReadOnly)
{
    TempDir dir;
    {
        auto db = open_or_die(dir / "t.db");
        ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER)").ok());
    }
    for (DbOpen mode : {DbOpen::ReadOnly, DbOpen::ReadOnlyImmutable}) {
        auto db = open_or_die(dir / "t.db", mode);
        Status status = db->exec("INSERT INTO t VALUES (1)");
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().kind, ErrorKind::ReadOnly);
        EXPECT_EQ(count_rows(*db, "t"), 0);
    }
}

TEST(Database, TextFileIsNotADatabase)
{
    TempDir dir;
    testing::write_bytes(dir / "notes.txt", std::string(4096, 'x'));
    auto db = open_or_die(dir / "notes.txt", DbOpen::ReadOnlyImmutable);
    Result<int64_t> n = db->query_int("SELECT COUNT(*) FROM sqlite_schema");
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().kind, ErrorKind::NotACollection);
    EXPECT_NE(n.error().message.find("notes.txt"), std::string::npos);
}

TEST(Database, TextFunctionIsCallableFromSql)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    ASSERT_TRUE(db->register_text_function("shout", [](std::string_view s) { return std::string(s) + "!"; }).ok());
    Result<std::string> out = db->query_text("SELECT shout('привет')");
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, "привет!");
    Result<Statement> null = db->prepare("SELECT shout(NULL)");
    ASSERT_TRUE(null.ok());
    ASSERT_TRUE(null->step().ok());
    EXPECT_TRUE(null->column_is_null(0));
}

TEST(Database, ErrorKindsFollowSqliteCodes)
{
    // Primary codes, and extended codes built on them.
    EXPECT_EQ(error_kind_for_sqlite(5), ErrorKind::Locked);           // SQLITE_BUSY
    EXPECT_EQ(error_kind_for_sqlite(6), ErrorKind::Locked);           // SQLITE_LOCKED
    EXPECT_EQ(error_kind_for_sqlite(8), ErrorKind::ReadOnly);         // SQLITE_READONLY
    EXPECT_EQ(error_kind_for_sqlite(8 | (1 << 8)), ErrorKind::ReadOnly);
    EXPECT_EQ(error_kind_for_sqlite(13), ErrorKind::DiskFull);        // SQLITE_FULL
    EXPECT_EQ(error_kind_for_sqlite(26), ErrorKind::NotACollection);  // SQLITE_NOTADB
    EXPECT_EQ(error_kind_for_sqlite(11), ErrorKind::Corrupt);         // SQLITE_CORRUPT
    EXPECT_EQ(error_kind_for_sqlite(10), ErrorKind::Io);              // SQLITE_IOERR
    EXPECT_EQ(error_kind_for_sqlite(19), ErrorKind::Database);        // SQLITE_CONSTRAINT
}

TEST(Database, ErrnoOfAnIoErrorRefinesItsKind)
{
    constexpr int kIoErr = 10, kCantOpen = 14;
    EXPECT_EQ(error_kind_for_sqlite(kIoErr | (3 << 8), ENOSPC), ErrorKind::DiskFull); // SQLITE_IOERR_WRITE
    EXPECT_EQ(error_kind_for_sqlite(kIoErr | (4 << 8), EDQUOT), ErrorKind::DiskFull); // SQLITE_IOERR_FSYNC
    EXPECT_EQ(error_kind_for_sqlite(kIoErr | (3 << 8), EROFS), ErrorKind::ReadOnly);
    EXPECT_EQ(error_kind_for_sqlite(kCantOpen, EACCES), ErrorKind::ReadOnly);
    EXPECT_EQ(error_kind_for_sqlite(kIoErr, EIO), ErrorKind::Io);
    // The errno only matters for I/O errors.
    EXPECT_EQ(error_kind_for_sqlite(19, ENOSPC), ErrorKind::Database);
}

TEST(Database, FullDatabaseIsDiskFull)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    ASSERT_TRUE(db->exec("PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT)").ok());
    Result<int64_t> pages = db->query_int("PRAGMA page_count");
    ASSERT_TRUE(pages.ok());
    // No page may be added: the next row that needs one fails as a full disk would.
    ASSERT_TRUE(db->exec("PRAGMA max_page_count = " + std::to_string(*pages)).ok());
    Status status = db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) "
                             "INSERT INTO t SELECT hex(randomblob(2000)) FROM n");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::DiskFull) << status.error().message;
    EXPECT_EQ(count_rows(*db, "t"), 0);
}

TEST(Database, MemoryDatabaseWritesNoFile)
{
    TempDir dir;
    auto db = open_or_die(dir / "scratch", DbOpen::Memory);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)").ok());
    EXPECT_EQ(count_rows(*db, "t"), 1);
    EXPECT_TRUE(testing::list_dir(dir.path()).empty());
    EXPECT_EQ(db->path(), dir / "scratch");
}

TEST(Database, CollationOrdersRowsAndCanBreakTies)
{
    TempDir dir;
    auto db = open_or_die(dir / "t.db");
    // Case-blind, then bytewise: a total order, as SQLite needs.
    ASSERT_TRUE(db->register_collation("nocase_total", [](std::string_view a, std::string_view b) {
                      auto lower = [](std::string_view s) {
                          std::string out(s);
                          for (char& c : out)
                              c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                          return out;
                      };
                      int c = lower(a).compare(lower(b));
                      if (c == 0)
                          c = a.compare(b);
                      return c < 0 ? -1 : (c > 0 ? 1 : 0);
                  }).ok());
    ASSERT_TRUE(db->exec("CREATE TABLE w (x TEXT); INSERT INTO w VALUES ('b'), ('A'), ('a'), ('B')").ok());
    Result<std::string> joined =
        db->query_text("SELECT group_concat(x, '') FROM (SELECT x FROM w ORDER BY x COLLATE nocase_total)");
    ASSERT_TRUE(joined.ok()) << joined.error().message;
    EXPECT_EQ(*joined, "AaBb");
    Status unknown = db->exec("SELECT x FROM w ORDER BY x COLLATE no_such_collation");
    EXPECT_FALSE(unknown.ok());
}

// A WAL database with one table of `rows` rows, some of them only in the -wal file.
std::unique_ptr<Database> wal_database(const std::filesystem::path& path, int rows)
{
    auto db = open_or_die(path);
    EXPECT_TRUE(db->exec("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER PRIMARY KEY, y TEXT)").ok());
    for (int i = 1; i <= rows; ++i)
        EXPECT_TRUE(db->exec("INSERT INTO t (y) VALUES ('летопись " + std::to_string(i) + "')").ok());
    return db;
}

TEST(Database, BackupIsOneSelfContainedFileWithEveryCommit)
{
    TempDir dir;
    auto db = wal_database(dir / "live.db", 50);
    EXPECT_TRUE(std::filesystem::exists(dir / "live.db-wal"));
    ASSERT_TRUE(db->backup_to(dir / "copy.db").ok());
    // The copy needs no -wal: opened immutable (main file only), it has every row.
    EXPECT_EQ(testing::list_dir(dir.path()), (std::set<std::string>{"copy.db", "live.db", "live.db-shm", "live.db-wal"}));
    auto copy = open_or_die(dir / "copy.db", DbOpen::ReadOnlyImmutable);
    EXPECT_EQ(count_rows(*copy, "t"), 50);
    Result<std::string> mode = copy->query_text("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok());
    EXPECT_EQ(*mode, "delete");
    // Writing more to the source leaves the copy as it was.
    ASSERT_TRUE(db->exec("INSERT INTO t (y) VALUES ('later')").ok());
    EXPECT_EQ(count_rows(*copy, "t"), 50);
}

TEST(Database, BackupReplacesAnOlderCopyAtomically)
{
    TempDir dir;
    auto db = wal_database(dir / "live.db", 3);
    ASSERT_TRUE(db->backup_to(dir / "copy.db").ok());
    ASSERT_TRUE(db->exec("INSERT INTO t (y) VALUES ('fourth')").ok());
    testing::write_bytes(dir / "copy.db.partial", "left over by a crash");
    ASSERT_TRUE(db->backup_to(dir / "copy.db").ok());
    EXPECT_FALSE(std::filesystem::exists(dir / "copy.db.partial"));
    auto copy = open_or_die(dir / "copy.db", DbOpen::ReadOnlyImmutable);
    EXPECT_EQ(count_rows(*copy, "t"), 4);
}

TEST(Database, BackupIntoAMissingFolderFailsCleanly)
{
    TempDir dir;
    auto db = wal_database(dir / "live.db", 1);
    Status status = db->backup_to(dir / "no-such-folder" / "copy.db");
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("copy.db"), std::string::npos) << status.error().message;
    EXPECT_FALSE(std::filesystem::exists(dir / "no-such-folder"));
}

TEST(Database, RestoreReplacesEverythingInOneTransaction)
{
    TempDir dir;
    {
        auto source = wal_database(dir / "backup-source.db", 2);
        ASSERT_TRUE(source->backup_to(dir / "backup.db").ok());
    }
    auto db = wal_database(dir / "live.db", 7);
    ASSERT_TRUE(db->exec("CREATE TABLE extra (z INTEGER)").ok());
    ASSERT_TRUE(db->restore_from(dir / "backup.db").ok());
    EXPECT_EQ(count_rows(*db, "t"), 2);
    EXPECT_FALSE(db->query_int("SELECT COUNT(*) FROM extra").ok()); // gone with the old content
    Result<std::string> mode = db->query_text("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok());
    EXPECT_EQ(*mode, "wal");
    // A file that is not a database changes nothing.
    testing::write_bytes(dir / "junk.db", std::string(8192, 'j'));
    Status junk = db->restore_from(dir / "junk.db");
    ASSERT_FALSE(junk.ok());
    EXPECT_EQ(junk.error().kind, ErrorKind::NotACollection) << junk.error().message;
    EXPECT_EQ(count_rows(*db, "t"), 2);
}

} // namespace
} // namespace letopis
