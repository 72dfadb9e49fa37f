// Tests for schema versions: a version-1 collection is backed up and migrated on open, and then
// has exactly the schema of a new collection; a failed backup leaves the file as it was.
#include <gtest/gtest.h>

#include "db/database.h"
#include "storage/backup_files.h"
#include "storage/collection_fixture.h"
#include "storage/integrity.h"
#include "storage/v1_collection.h"

namespace letopis {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

std::vector<std::string> schema_of(Database& db)
{
    Result<std::vector<std::string>> schema = normalized_schema(db);
    EXPECT_TRUE(schema.ok()) << (schema.ok() ? "" : schema.error().message);
    return schema.ok() ? *schema : std::vector<std::string>{};
}

std::string pragma_text(Database& db, const std::string& name)
{
    Result<std::string> value = db.query_text("PRAGMA " + name);
    EXPECT_TRUE(value.ok());
    return value.ok() ? *value : "";
}

// Every card as "id note direction phase due reps", by id.
std::vector<std::string> card_rows(Database& db)
{
    std::vector<std::string> rows;
    Result<Statement> stmt = db.prepare("SELECT id, note_id, direction, phase, due_ms, reps FROM cards ORDER BY id");
    EXPECT_TRUE(stmt.ok());
    while (stmt.ok() && *stmt->step()) {
        std::string row;
        for (int column = 0; column < 6; ++column)
            row += (column ? " " : "") + std::to_string(stmt->column_int(column));
        rows.push_back(row);
    }
    return rows;
}

TEST(SchemaMigration, VersionOneIsUpgradedToExactlyTheFreshSchema)
{
    TempDir dir;
    testing::make_v1_collection(dir / "old.db");
    auto migrated = testing::open_collection(dir / "old.db", OpenMode::MustExist);
    auto fresh = testing::open_collection(dir / "new.db");
    ASSERT_TRUE(migrated && fresh);

    const std::vector<std::string> migrated_schema = schema_of(migrated->database());
    EXPECT_EQ(migrated_schema, schema_of(fresh->database()));
    Result<std::vector<std::string>> expected = fresh_schema();
    ASSERT_TRUE(expected.ok());
    EXPECT_EQ(migrated_schema, *expected);
    EXPECT_NE(std::find(migrated_schema.begin(), migrated_schema.end(), "pragma user_version = 3"),
              migrated_schema.end());
    for (const char* pragma : {"user_version", "application_id", "journal_mode", "foreign_keys", "synchronous",
                               "page_size", "auto_vacuum", "encoding", "trusted_schema"})
        EXPECT_EQ(pragma_text(migrated->database(), pragma), pragma_text(fresh->database(), pragma)) << pragma;
}

TEST(SchemaMigration, TheMigrationPathAndSchemaSqlAgreeForEveryVersion)
{
    // expected_schema(N) replays schema_v1.sql and the migrations; the newest must be schema.sql.
    Result<std::vector<std::string>> replayed = expected_schema(Collection::schema_version());
    Result<std::vector<std::string>> fresh = fresh_schema();
    ASSERT_TRUE(replayed.ok() && fresh.ok());
    EXPECT_EQ(*replayed, *fresh);
    Result<std::vector<std::string>> v1 = expected_schema(1);
    ASSERT_TRUE(v1.ok());
    EXPECT_NE(*v1, *fresh);
    EXPECT_FALSE(expected_schema(Collection::schema_version() + 1).ok());
}

TEST(SchemaMigration, DataAndIdentitySurviveTheUpgrade)
{
    TempDir dir;
    testing::make_v1_collection(dir / "c.db");
    auto collection = testing::open_collection(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(collection);
    EXPECT_EQ(collection->device_id(), testing::kV1DeviceId);
    Result<std::optional<std::string>> theme = collection->setting("ui.theme");
    ASSERT_TRUE(theme.ok() && theme->has_value());
    EXPECT_EQ(**theme, "dark");
    Result<Card> card = collection->card(CardId{1});
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(card->schedule.phase, CardPhase::Review);
    ASSERT_TRUE(card->schedule.memory.has_value());
    EXPECT_DOUBLE_EQ(card->schedule.memory->stability, 3.5);
    Result<std::vector<ReviewRecord>> reviews = collection->reviews_for_card(CardId{1});
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 2u);
    EXPECT_EQ((*reviews)[1].id.value, 1700000000000000);

    // Answers made before the upgrade kept no earlier schedule, so they cannot be undone…
    Result<Card> old_undo = collection->undo_answer((*reviews)[1].id, 1700000001000);
    ASSERT_FALSE(old_undo.ok());
    EXPECT_EQ(old_undo.error().kind, ErrorKind::Unsupported);
    // …while new ones can.
    Card answered = *card;
    answered.schedule.due_ms += 1;
    ReviewRecord review;
    review.time_ms = 1700000002000;
    Result<ReviewId> id = collection->record_answer(answered, review);
    ASSERT_TRUE(id.ok());
    Result<Card> undone = collection->undo_answer(*id, 1700000003000);
    ASSERT_TRUE(undone.ok()) << undone.error().message;
    EXPECT_EQ(undone->schedule, card->schedule);
}

TEST(SchemaMigration, RebuildingTheCardsTableKeepsEveryCardAndItsHistory)
{
    // Version 3 rebuilt the cards table (a wider CHECK for listening cards) under reviews that
    // refer to it: every card keeps its id and schedule, and every review still finds its card.
    TempDir dir;
    testing::make_v1_collection(dir / "c.db");
    std::vector<std::string> before;
    {
        Result<std::unique_ptr<Database>> db = Database::open(dir / "c.db", DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        before = card_rows(**db);
    }
    auto collection = testing::open_collection(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(collection);
    Database& db = collection->database();
    const std::vector<std::string> after = card_rows(db);
    ASSERT_EQ(after.size(), 4u);
    EXPECT_EQ(after, before);
    Result<Statement> orphans = db.prepare("PRAGMA foreign_key_check");
    ASSERT_TRUE(orphans.ok());
    EXPECT_FALSE(*orphans->step());
    EXPECT_EQ(pragma_text(db, "foreign_keys"), "1") << "foreign keys are back on after the migration";
    // The new direction is accepted, and a review of a card that does not exist is still refused.
    Result<int64_t> added = collection->add_listening_cards(DeckId{1});
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_EQ(*added, 2);
    EXPECT_FALSE(db.exec("INSERT INTO reviews (id, device_id, card_id, time_ms, rating, phase_before, elapsed_days, "
                         "retrievability, stability, difficulty, scheduled_days, due_ms, duration_ms) "
                         "VALUES (1, 1, 999, 1, 3, 0, 0, 0, 1, 1, 0, 0, 0)")
                     .ok());
}

TEST(SchemaMigration, ABackupIsWrittenBeforeMigrating)
{
    TempDir dir;
    testing::make_v1_collection(dir / "c.db");
    {
        auto collection = testing::open_collection(dir / "c.db", OpenMode::MustExist);
        ASSERT_TRUE(collection);
    }
    const fs::path backup = dir / "backups" / "c-schema-1-before-upgrade.db";
    ASSERT_TRUE(fs::exists(backup));
    Result<CollectionFileInfo> info = Collection::inspect_file(backup, IntegrityCheck::Full);
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->schema_version, 1);
    // It holds the whole version-1 collection, WAL content included.
    Result<std::unique_ptr<Database>> db = Database::open(backup, DbOpen::ReadOnlyImmutable);
    ASSERT_TRUE(db.ok());
    Result<int64_t> reviews = (*db)->query_int("SELECT COUNT(*) FROM reviews");
    ASSERT_TRUE(reviews.ok());
    EXPECT_EQ(*reviews, 2);
    // Opened again, the collection is current: no second backup.
    auto again = testing::open_collection(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(again);
    EXPECT_EQ(testing::list_dir(dir / "backups"), std::set<std::string>{"c-schema-1-before-upgrade.db"});
}

TEST(SchemaMigration, NoMigrationWithoutABackup)
{
    TempDir dir;
    testing::make_v1_collection(dir / "c.db");
    {
        // Fold the WAL into the file, so that the bytes compared below are the whole collection.
        Result<std::unique_ptr<Database>> db = Database::open(dir / "c.db", DbOpen::ReadWrite);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    // A file where the backups folder should be: the backup cannot be written.
    testing::write_bytes(dir / "backups", "in the way");
    const std::string before = testing::read_bytes(dir / "c.db");
    Result<std::unique_ptr<Collection>> opened = Collection::open(dir / "c.db", OpenMode::MustExist);
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.error().message.find("was not upgraded from schema 1 to 3, because the backup before the "
                                          "upgrade failed"),
              std::string::npos)
        << opened.error().message;
    EXPECT_TRUE(testing::read_bytes(dir / "c.db") == before);
    Result<CollectionFileInfo> info = Collection::inspect_file(dir / "c.db");
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->schema_version, 1);
}

TEST(BackupFiles, NamesCarryTheUtcTimeAndParseBack)
{
    const fs::path collection = "/data/letopis/collection.db";
    const int64_t time = 1'764'412'245'678; // 2025-11-29 10:30:45.678 UTC
    EXPECT_EQ(backup_folder(collection), fs::path("/data/letopis/backups"));
    EXPECT_EQ(backup_file_path(collection, time), fs::path("/data/letopis/backups/collection-20251129-103045.db"));
    EXPECT_EQ(backup_file_path(collection, time, "before-restore"),
              fs::path("/data/letopis/backups/collection-20251129-103045-before-restore.db"));
    EXPECT_EQ(backup_file_time(collection, backup_file_path(collection, time)), std::optional<int64_t>(time - 678));
    // Labelled backups, other collections' backups and strangers are not rotated backups.
    for (const char* name : {"collection-20251129-103045-before-restore.db", "other-20251129-103045.db",
                             "collection-20251129-103045.db.partial", "collection-20250230-103045.db",
                             "collection-2025112-1030456.db", "collection-schema-1-before-upgrade.db"})
        EXPECT_FALSE(backup_file_time(collection, fs::path("/data/letopis/backups") / name).has_value()) << name;
}

TEST(BackupFiles, UnusedPathCountsUp)
{
    TempDir dir;
    const fs::path collection = dir / "c.db";
    EXPECT_EQ(unused_backup_path(collection, "rescued"), dir / "backups" / "c-rescued.db");
    fs::create_directories(dir / "backups");
    testing::write_bytes(dir / "backups" / "c-rescued.db", "x");
    EXPECT_EQ(unused_backup_path(collection, "rescued"), dir / "backups" / "c-rescued-2.db");
}

} // namespace
} // namespace letopis
