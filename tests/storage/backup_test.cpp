// Tests for backups (service/backup.h): the rotation rule, backups on close at most every few
// hours, `letopis backup`, and restoring — which refuses bad files and backs up the current
// collection first.
#include <gtest/gtest.h>

#include <ctime>

#include "db/database.h"
#include "service/backup.h"
#include "storage/backup_files.h"
#include "storage/collection_fixture.h"
#include "storage/v1_collection.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

constexpr int64_t kHour = 3'600'000;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kSaturday = 1'764'417'600'000; // 2025-11-29 12:00 UTC

std::string date_of(int64_t time_ms)
{
    std::time_t seconds = static_cast<std::time_t>(time_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

TEST(BackupRotation, KeepsSevenDaysFourWeeksAndTwelveMonths)
{
    std::vector<int64_t> times;
    for (int day = 0; day < 400; ++day)
        times.push_back(kSaturday - day * kDay);
    const std::vector<bool> keep = backups_to_keep(times, BackupPolicy{});
    std::set<std::string> kept;
    for (size_t i = 0; i < times.size(); ++i)
        if (keep[i])
            kept.insert(date_of(times[i]));
    EXPECT_EQ(kept, (std::set<std::string>{
                        // 7 daily
                        "2025-11-29", "2025-11-28", "2025-11-27", "2025-11-26", "2025-11-25", "2025-11-24", "2025-11-23",
                        // weekly (Monday to Sunday): the newest of the weeks before, 4 weeks in all
                        "2025-11-16", "2025-11-09",
                        // monthly: the newest of each month, 12 months in all
                        "2025-10-31", "2025-09-30", "2025-08-31", "2025-07-31", "2025-06-30", "2025-05-31",
                        "2025-04-30", "2025-03-31", "2025-02-28", "2025-01-31", "2024-12-31"}));
}

TEST(BackupRotation, TheNewestOfEachDayAndAlwaysTheNewest)
{
    // Three backups on each of two days, given in no particular order.
    const std::vector<int64_t> times{kSaturday - kDay + kHour, kSaturday, kSaturday - kDay, kSaturday - 2 * kHour,
                                     kSaturday - kDay - kHour, kSaturday - kHour};
    EXPECT_EQ(backups_to_keep(times, BackupPolicy{}), (std::vector<bool>{true, true, false, false, false, false}));
    BackupPolicy none{0, 0, 0, 0};
    EXPECT_EQ(backups_to_keep(times, none), (std::vector<bool>{false, true, false, false, false, false}));
    EXPECT_TRUE(backups_to_keep({}, BackupPolicy{}).empty());
}

class BackupTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_path = m_dir / "collection.db";
        m_collection = testing::open_collection(m_path);
        ASSERT_TRUE(m_collection);
        m_deck = testing::add_deck(*m_collection, "letopis", "Летопись");
        add_notes(3);
    }

    void add_notes(int count)
    {
        for (int i = 0; i < count; ++i, ++m_notes)
            testing::add_note(*m_collection, m_deck, "n" + std::to_string(m_notes), "ле́топись", "chronicle");
    }

    // Notes in a backup file, read without disturbing it.
    static int64_t notes_in(const fs::path& file)
    {
        Result<std::unique_ptr<Database>> db = Database::open(file, DbOpen::ReadOnlyImmutable);
        EXPECT_TRUE(db.ok());
        if (!db)
            return -1;
        Result<int64_t> n = (*db)->query_int("SELECT COUNT(*) FROM notes");
        EXPECT_TRUE(n.ok());
        return n.ok() ? *n : -1;
    }

    TempDir m_dir;
    fs::path m_path;
    std::unique_ptr<Collection> m_collection;
    DeckId m_deck;
    int m_notes = 0;
};

TEST_F(BackupTest, BackupNowWritesAVerifiedCopyBesideTheCollection)
{
    Result<fs::path> written = write_backup(*m_collection, kSaturday, BackupPolicy{});
    ASSERT_TRUE(written.ok()) << written.error().message;
    EXPECT_EQ(*written, m_dir / "backups" / "collection-20251129-120000.db");
    Result<CollectionFileInfo> info = Collection::inspect_file(*written, IntegrityCheck::Full);
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->schema_version, Collection::schema_version());
    EXPECT_EQ(notes_in(*written), 3);
    // A backup is a single file.
    EXPECT_EQ(testing::list_dir(m_dir / "backups"), std::set<std::string>{"collection-20251129-120000.db"});
}

TEST_F(BackupTest, OnCloseAtMostEveryFewHours)
{
    Result<std::optional<fs::path>> first = maybe_backup_on_close(*m_collection, kSaturday);
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_TRUE(first->has_value());
    add_notes(1);
    Result<std::optional<fs::path>> soon = maybe_backup_on_close(*m_collection, kSaturday + 3 * kHour);
    ASSERT_TRUE(soon.ok());
    EXPECT_FALSE(soon->has_value());
    Result<std::optional<fs::path>> later = maybe_backup_on_close(*m_collection, kSaturday + 5 * kHour);
    ASSERT_TRUE(later.ok());
    ASSERT_TRUE(later->has_value());
    EXPECT_EQ(notes_in(**later), 4);
    // A backup dated in the future (a clock that was wrong) does not stop backups.
    Result<std::optional<fs::path>> after_clock_fix = maybe_backup_on_close(*m_collection, kSaturday - 30 * kDay);
    ASSERT_TRUE(after_clock_fix.ok());
    EXPECT_TRUE(after_clock_fix->has_value());
}

TEST_F(BackupTest, OldBackupsAreRotatedAwayAndLabelledOnesKept)
{
    fs::create_directories(m_dir / "backups");
    testing::write_bytes(m_dir / "backups" / "collection-schema-1-before-upgrade.db", "kept");
    testing::write_bytes(m_dir / "backups" / "notes.txt", "not ours");
    for (int day = 60; day >= 0; --day)
        ASSERT_TRUE(write_backup(*m_collection, kSaturday - day * kDay, BackupPolicy{}).ok());
    Result<std::vector<BackupEntry>> entries = list_backups(m_path);
    ASSERT_TRUE(entries.ok());
    // 7 daily + 2 more weeks + 2 more months (September, October).
    ASSERT_EQ(entries->size(), 11u);
    EXPECT_EQ(entries->front().time_ms, kSaturday);
    for (size_t i = 1; i < entries->size(); ++i)
        EXPECT_GT((*entries)[i - 1].time_ms, (*entries)[i].time_ms);
    EXPECT_TRUE(fs::exists(m_dir / "backups" / "collection-schema-1-before-upgrade.db"));
    EXPECT_TRUE(fs::exists(m_dir / "backups" / "notes.txt"));
}

TEST_F(BackupTest, RestoreBacksUpTheCurrentCollectionFirst)
{
    Result<fs::path> backup = write_backup(*m_collection, kSaturday, BackupPolicy{});
    ASSERT_TRUE(backup.ok());
    add_notes(2);
    m_collection.reset();

    Result<RestoreReport> restored = restore_backup(m_path, *backup, kSaturday + kDay);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->previous, m_dir / "backups" / "collection-20251130-120000-before-restore.db");
    EXPECT_EQ(notes_in(restored->previous), 5);
    m_collection = testing::open_collection(m_path, OpenMode::MustExist);
    ASSERT_TRUE(m_collection);
    EXPECT_EQ(*m_collection->note_count(m_deck), 3);
    EXPECT_TRUE(fs::exists(*backup)); // the restored backup itself stays
}

TEST_F(BackupTest, RestoreRefusesBadFilesAndChangesNothing)
{
    ASSERT_TRUE(m_collection->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    m_collection.reset();
    const std::string before = testing::read_bytes(m_path);

    testing::write_bytes(m_dir / "garbage.db", std::string(10'000, 'g'));
    Result<RestoreReport> garbage = restore_backup(m_path, m_dir / "garbage.db", kSaturday);
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().kind, ErrorKind::NotACollection);

    testing::write_bytes(m_dir / "truncated.db", before.substr(0, 8192));
    Result<RestoreReport> truncated = restore_backup(m_path, m_dir / "truncated.db", kSaturday);
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().kind, ErrorKind::Corrupt) << truncated.error().message;

    testing::write_bytes(m_dir / "empty.db", "");
    EXPECT_FALSE(restore_backup(m_path, m_dir / "empty.db", kSaturday).ok());
    EXPECT_FALSE(restore_backup(m_path, m_dir / "missing.db", kSaturday).ok());
    Result<RestoreReport> itself = restore_backup(m_path, m_path, kSaturday);
    ASSERT_FALSE(itself.ok());
    EXPECT_EQ(itself.error().kind, ErrorKind::InvalidInput);

    EXPECT_TRUE(testing::read_bytes(m_path) == before);
    EXPECT_FALSE(fs::exists(m_dir / "backups"));
}

TEST_F(BackupTest, RestoreWhileAWindowHasTheCollectionOpenIsRefused)
{
    Result<fs::path> backup = write_backup(*m_collection, kSaturday, BackupPolicy{});
    ASSERT_TRUE(backup.ok());
    Result<RestoreReport> restored = restore_backup(m_path, *backup, kSaturday);
    ASSERT_FALSE(restored.ok());
    EXPECT_EQ(restored.error().kind, ErrorKind::Locked);
    EXPECT_NE(restored.error().message.find("already open in another Letopis window"), std::string::npos);
}

TEST_F(BackupTest, RestoreOverADamagedCollectionKeepsTheDamagedFile)
{
    Result<fs::path> backup = write_backup(*m_collection, kSaturday, BackupPolicy{});
    ASSERT_TRUE(backup.ok());
    ASSERT_TRUE(m_collection->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    m_collection.reset();
    std::string bytes = testing::read_bytes(m_path);
    bytes.resize(bytes.size() / 2); // truncated: refused by every open
    testing::write_bytes(m_path, bytes);

    Result<RestoreReport> restored = restore_backup(m_path, *backup, kSaturday + kHour);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->previous, m_dir / "backups" / "collection-20251129-130000-damaged.db");
    EXPECT_TRUE(testing::read_bytes(restored->previous) == bytes);
    m_collection = testing::open_collection(m_path, OpenMode::MustExist);
    ASSERT_TRUE(m_collection);
    EXPECT_EQ(*m_collection->note_count(m_deck), 3);
}

TEST_F(BackupTest, RestoreCreatesAMissingCollectionAndUpgradesAnOldBackup)
{
    testing::make_v1_collection(m_dir / "old-backup.db");
    const fs::path target = m_dir / "elsewhere" / "fresh.db";
    Result<RestoreReport> restored = restore_backup(target, m_dir / "old-backup.db", kSaturday);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->schema_version, 1);
    EXPECT_TRUE(restored->previous.empty());
    auto collection = testing::open_collection(target, OpenMode::MustExist);
    ASSERT_TRUE(collection);
    EXPECT_EQ(collection->device_id(), testing::kV1DeviceId);
    EXPECT_EQ(*collection->review_count(), 2);
    Result<int64_t> version = collection->database().query_int("PRAGMA user_version");
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(*version, Collection::schema_version());
}

} // namespace
} // namespace letopis
