// Opening a collection: check the file read-only before anything may write it, take the
// single-instance lock, then open read-write, set the pragmas, and create the schema if new or
// back the file up and migrate it if it is older than this build.
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <random>
#include <system_error>

#include "db/database.h"
#include "db/statement.h"
#include "storage/backup_files.h"
#include "storage/checkpointer.h"
#include "storage/collection.h"
#include "storage/embedded_sql.h"
#include "storage/file_lock.h"
#include "storage/integrity.h"
#include "storage/schema_versions.h"
#include "text/collation.h"
#include "text/normalize.h"

namespace letopis {

namespace fs = std::filesystem;

namespace {

constexpr int32_t kApplicationId = 0x4C54504E; // "LTPN"
constexpr int32_t kSchemaVersion = schema::kCurrentVersion;
// The undo journal keeps the schedules from before this many of the latest answers.
constexpr int kUndoJournalSize = 1000;
constexpr char kSqliteMagic[] = "SQLite format 3"; // 15 characters + NUL = the 16-byte header
constexpr size_t kSqliteHeaderSize = 100;
constexpr size_t kApplicationIdOffset = 68;
constexpr int kCacheKib = 32 * 1024;
// WAL size (pages) at which the checkpointer is asked to copy it into the main file (SQLite's
// own default threshold), and at which the writer does it itself because the thread lags.
constexpr int64_t kCheckpointPages = 1000;
constexpr int64_t kWriterCheckpointPages = 20000;
constexpr int kBusyTimeoutMs = 200; // only non-Letopis programs can contend: we hold the lock
constexpr std::string_view kDeviceIdKey = "device_id";

enum class FileState { New, Existing };

struct FileFacts {
    FileState state = FileState::New;
    int32_t version = 0; // user_version of an existing file
    uintmax_t size = 0;
};

fs::path sibling(const fs::path& file, std::string_view suffix)
{
    fs::path result = file;
    result += std::string(suffix);
    return result;
}

bool exists_quietly(const fs::path& path)
{
    std::error_code ec;
    return fs::exists(path, ec);
}

Error not_a_collection(const fs::path& file, std::string_view why)
{
    return make_error(ErrorKind::NotACollection,
                      file.string() + " is not a Letopis collection (" + std::string(why) + ")");
}

// Rewords an SQLite error met while inspecting, keeping its kind.
Error inspection_error(const fs::path& file, const Error& error)
{
    switch (error.kind) {
    case ErrorKind::NotACollection: return not_a_collection(file, "it is not an SQLite database");
    case ErrorKind::Corrupt: {
        // The SQLite error starts with the file name too; say it once.
        std::string detail = error.message;
        if (std::string prefix = file.string() + ": "; detail.rfind(prefix, 0) == 0)
            detail.erase(0, prefix.size());
        return make_error(ErrorKind::Corrupt, file.string() + " is damaged or incomplete (" + detail + ")");
    }
    default: return error;
    }
}

constexpr uintmax_t kQuickCheckMaxBytes = 8u * 1024 * 1024;

uint32_t read_be32(const unsigned char* p)
{
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

// Decides whether `file` is a collection we may open, without writing it: first from the raw
// header bytes, then through a read-only connection. New means "missing or empty: initialise".
Result<FileFacts> inspect(const fs::path& file, IntegrityCheck integrity)
{
    std::error_code ec;
    fs::file_status status = fs::status(file, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        return make_error(ErrorKind::Io, "cannot read " + file.string() + ": " + ec.message());
    if (!fs::exists(status))
        return FileFacts{};
    if (fs::is_directory(status))
        return not_a_collection(file, "it is a folder");
    if (!fs::is_regular_file(status))
        return not_a_collection(file, "it is not a regular file");

    const bool wal_exists = exists_quietly(sibling(file, "-wal"));
    const bool journal_exists = exists_quietly(sibling(file, "-journal"));
    uintmax_t size = fs::file_size(file, ec);
    if (ec)
        return make_error(ErrorKind::Io, "cannot read " + file.string() + ": " + ec.message());
    if (size == 0 && !wal_exists)
        return FileFacts{};

    if (size > 0) {
        std::array<unsigned char, kSqliteHeaderSize> header{};
        std::FILE* stream = std::fopen(file.c_str(), "rb");
        if (!stream) {
            int err = errno;
            return make_error(ErrorKind::Io, "cannot read " + file.string() + ": " + std::strerror(err));
        }
        size_t got = std::fread(header.data(), 1, header.size(), stream);
        std::fclose(stream);
        if (got < sizeof kSqliteMagic || std::memcmp(header.data(), kSqliteMagic, sizeof kSqliteMagic) != 0)
            return not_a_collection(file, "it is not an SQLite database");
        if (got < kSqliteHeaderSize)
            return not_a_collection(file, "it is too short to be an SQLite database");
        // The application id only ever changes from 0 to ours, so any other value settles it
        // without involving SQLite at all.
        const unsigned char* id = header.data() + kApplicationIdOffset;
        uint32_t app_id = (uint32_t{id[0]} << 24) | (uint32_t{id[1]} << 16) | (uint32_t{id[2]} << 8) | id[3];
        if (app_id != 0 && app_id != static_cast<uint32_t>(kApplicationId))
            return not_a_collection(file, "it is another program's SQLite database");
        // A truncated copy: the header's page count (valid when its "version valid for" field
        // matches the change counter) promises more pages than the file holds.
        const uint32_t page_size_field = read_be32(header.data() + 16) >> 16;
        const uint64_t page_size = page_size_field == 1 ? 65536 : page_size_field;
        const uint32_t page_count = read_be32(header.data() + 28);
        const bool count_valid = read_be32(header.data() + 24) == read_be32(header.data() + 92);
        if (count_valid && page_count > 0 && page_size >= 512 && uint64_t{page_count} * page_size > size)
            return make_error(ErrorKind::Corrupt, file.string() + " is damaged or incomplete (it holds " +
                                                      std::to_string(size) + " bytes of the " +
                                                      std::to_string(uint64_t{page_count} * page_size) +
                                                      " its header promises)");
    }

    // Without a -wal or -journal file the main file holds everything committed, and an
    // immutable connection reads it without creating -wal/-shm files beside a file we may
    // reject. With one, a plain read-only connection is needed to see the newest data.
    DbOpen access = (wal_exists || journal_exists) ? DbOpen::ReadOnly : DbOpen::ReadOnlyImmutable;
    Result<std::unique_ptr<Database>> opened = Database::open(file, access);
    if (!opened)
        return inspection_error(file, opened.error());
    Database& db = **opened;

    Result<int64_t> app_id = db.query_int("PRAGMA application_id");
    if (!app_id)
        return inspection_error(file, app_id.error());
    Result<int64_t> version = db.query_int("PRAGMA user_version");
    if (!version)
        return inspection_error(file, version.error());
    Result<int64_t> objects = db.query_int("SELECT COUNT(*) FROM sqlite_schema");
    if (!objects)
        return inspection_error(file, objects.error());

    if (*app_id == 0 && *version == 0 && *objects == 0)
        return FileFacts{}; // an empty SQLite database: nothing to lose by initialising it
    if (*app_id != kApplicationId)
        return not_a_collection(file, "it is another program's SQLite database");
    if (*version > kSchemaVersion)
        return make_error(ErrorKind::TooNew, file.string() +
                                                 " was written by a newer version of Letopis (schema " +
                                                 std::to_string(*version) + ", this build reads up to " +
                                                 std::to_string(kSchemaVersion) + ")");
    if (*version < 1)
        return make_error(ErrorKind::Corrupt, file.string() + " is damaged: it has no schema version");

    const FileFacts existing{FileState::Existing, static_cast<int32_t>(*version), size};
    // quick_check reads every page (about 3.5 ms a MiB): worth it for ordinary collections,
    // too slow for every start of a huge one. Larger files rely on the header checks above,
    // on SQLite's own checks of each page it reads, and on `letopis check`.
    if (integrity == IntegrityCheck::Quick && size > kQuickCheckMaxBytes)
        return existing;
    Result<Statement> check =
        db.prepare(integrity == IntegrityCheck::Full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)");
    if (!check)
        return inspection_error(file, check.error());
    Result<bool> row = check->step();
    if (!row)
        return inspection_error(file, row.error());
    std::string verdict = *row ? check->column_text(0) : "no result";
    if (verdict != "ok")
        return make_error(ErrorKind::Corrupt,
                          file.string() + " is damaged or incomplete (integrity check: " + verdict + ")");
    return existing;
}

Error folder_error(const fs::path& folder, const std::error_code& ec)
{
    if (ec == std::errc::permission_denied || ec == std::errc::read_only_file_system ||
        ec == std::errc::operation_not_permitted)
        return make_error(ErrorKind::ReadOnly, "cannot create the folder " + folder.string() + ": " + ec.message());
    return make_error(ErrorKind::Io, "cannot create the folder " + folder.string() + ": " + ec.message());
}

// The collection and its -wal/-shm/.lock files are created beside it, so the folder must be
// writable, and so must an existing file.
Status check_writable(const fs::path& file, bool file_exists)
{
    fs::path folder = file.parent_path();
    if (::access(folder.c_str(), W_OK) != 0) {
        int err = errno;
        return make_error(ErrorKind::ReadOnly, "the folder " + folder.string() + " of the collection " +
                                                   file.filename().string() +
                                                   " is not writable: " + std::strerror(err));
    }
    if (file_exists && ::access(file.c_str(), W_OK) != 0) {
        int err = errno;
        return make_error(ErrorKind::ReadOnly, file.string() + " is not writable: " + std::strerror(err));
    }
    return {};
}

// Every pragma of a read-write connection, in one place.
Status apply_pragmas(Database& db)
{
    TRY_STATUS(db.exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs)));
    TRY_STATUS(db.exec("PRAGMA foreign_keys = ON"));
    // A collection file must not be able to run our SQL functions from its own triggers/views.
    TRY_STATUS(db.exec("PRAGMA trusted_schema = OFF"));
    // In WAL mode, NORMAL may lose the last commits on power loss; FULL syncs the WAL on every
    // commit, so an answer is durable once record_answer returns.
    TRY_STATUS(db.exec("PRAGMA synchronous = FULL"));
    // The deck list reads the same index ranges once per deck; SQLite's default 2 MiB cache is
    // too small to keep them between decks on a large collection. It only grows as pages are read.
    TRY_STATUS(db.exec("PRAGMA cache_size = -" + std::to_string(kCacheKib)));
    Result<std::string> mode = db.query_text("PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    // Some file systems cannot do WAL (no shared memory); SQLite then keeps the rollback
    // journal, which with synchronous=FULL is just as durable, only slower.
    return {};
}

int64_t random_device_id()
{
    uint64_t bits = 0;
    try {
        std::random_device device;
        bits = (uint64_t{device()} << 32) ^ uint64_t{device()};
        bits ^= static_cast<uint64_t>(device()) << 16;
    } catch (const std::exception&) {
        // No entropy source: the clock and process id still make a clash unlikely.
        bits = static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count()) *
                   0x9E3779B97F4A7C15ull ^
               static_cast<uint64_t>(::getpid());
    }
    auto id = static_cast<int64_t>(bits & 0x7FFF'FFFF'FFFF'FFFFull);
    return id == 0 ? 1 : id;
}

} // namespace

int32_t Collection::schema_version() { return kSchemaVersion; }

int32_t Collection::application_id() { return kApplicationId; }

Collection::Collection(fs::path path, std::unique_ptr<Database> db)
    : m_path(std::move(path)), m_db(std::move(db))
{
}

Collection::~Collection()
{
    // The thread's connection goes first, so that ours is the last and checkpoints on closing.
    if (m_db)
        (void)m_db->set_wal_hook(nullptr);
    m_checkpointer.reset();
    // Not on a file that was deleted or moved: that would write into its old -wal.
    // analysis_limit keeps the ANALYZE that optimize may run on a large file to a moment.
    if (m_db && !m_file_lost)
        (void)m_db->exec("PRAGMA analysis_limit = 400; PRAGMA optimize");
    // Close the connection (and its final checkpoint) before another process may take over.
    m_db.reset();
    m_lock.reset();
}

Result<std::unique_ptr<Collection>> Collection::open(const fs::path& path, OpenMode mode)
{
    try {
        return open_checked(path, mode);
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, "cannot open " + path.string() + ": " + e.what());
    }
}

Result<std::unique_ptr<Collection>> Collection::open_checked(const fs::path& path, OpenMode mode)
{
    if (path.empty())
        return make_error(ErrorKind::InvalidInput, "no collection file was given");
    std::error_code ec;
    fs::path file = fs::absolute(path, ec).lexically_normal();
    if (ec)
        return make_error(ErrorKind::Io, "cannot resolve " + path.string() + ": " + ec.message());
    if (!file.has_filename())
        return not_a_collection(file, "it is a folder");
    fs::path folder = file.parent_path();

    const bool existed = exists_quietly(file);
    if (!existed) {
        if (mode == OpenMode::MustExist)
            return make_error(ErrorKind::NotFound, file.string() + " does not exist");
        if (!exists_quietly(folder)) {
            fs::create_directories(folder, ec);
            if (ec)
                return folder_error(folder, ec);
        }
    }

    Result<FileFacts> facts = inspect(file, IntegrityCheck::Quick);
    if (!facts)
        return facts.error();
    TRY_STATUS(check_writable(file, existed));

    Result<std::unique_ptr<FileLock>> lock = FileLock::acquire(sibling(file, ".lock"), file);
    if (!lock)
        return lock.error();
    if (facts->state == FileState::New) {
        // Another Letopis may have created the file between the first look and the lock.
        facts = inspect(file, IntegrityCheck::Quick);
        if (!facts)
            return facts.error();
    }

    Result<std::unique_ptr<Database>> db = Database::open(file, DbOpen::Create);
    if (!db)
        return db.error();
    std::unique_ptr<Collection> collection(new Collection(file, std::move(db).value()));
    collection->m_lock = std::move(lock).value();
    Database& database = *collection->m_db;

    TRY_STATUS(collection->remember_file_identity());
    TRY_STATUS(database.register_text_function("fold_key", [](std::string_view text) { return fold_key(text); }));
    // For ORDER BY … COLLATE russian. Never used in an index or a constraint: ICU's order may
    // change between versions, and an index sorted by an older order would be corrupt.
    TRY_STATUS(database.register_collation("russian", compare_russian));
    if (facts->state == FileState::New) {
        // Created before WAL is switched on, so the schema, application id and version land in
        // the main file itself and a fresh collection is recognisable without its -wal file.
        TRY_STATUS(collection->create_schema());
    }
    TRY_STATUS(apply_pragmas(database));
    if (facts->state == FileState::Existing && facts->version < kSchemaVersion)
        TRY_STATUS(collection->migrate(facts->version));
    TRY_STATUS(collection->load_device_id());
    TRY_STATUS(collection->prune_undo_journal());
    collection->start_checkpointer();
    return collection;
}

void Collection::start_checkpointer()
{
    Result<std::unique_ptr<Checkpointer>> started = Checkpointer::start(m_path);
    if (!started)
        return; // SQLite's automatic checkpoints stay on: slower commits now and then, nothing lost
    m_checkpointer = std::move(started).value();
    (void)m_db->set_wal_hook([this](int64_t wal_pages) {
        if (wal_pages >= kWriterCheckpointPages || (wal_pages >= kCheckpointPages && !m_checkpointer))
            (void)m_db->checkpoint(Database::Checkpoint::Passive);
        else if (wal_pages >= kCheckpointPages)
            m_checkpointer->request();
    });
}

Result<CollectionFileInfo> Collection::inspect_file(const fs::path& path, IntegrityCheck integrity)
{
    try {
        std::error_code ec;
        fs::path file = fs::absolute(path, ec).lexically_normal();
        if (ec)
            return make_error(ErrorKind::Io, "cannot resolve " + path.string() + ": " + ec.message());
        Result<FileFacts> facts = inspect(file, integrity);
        if (!facts)
            return facts.error();
        CollectionFileInfo info;
        info.empty = facts->state == FileState::New;
        info.schema_version = facts->version;
        info.size_bytes = facts->size;
        return info;
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, "cannot read " + path.string() + ": " + e.what());
    }
}

Status Collection::migrate(int32_t from)
{
    VERIFY(from >= 1 && from < kSchemaVersion);
    // The backup comes first: if it cannot be written, the file stays as it is.
    const fs::path backup = unused_backup_path(m_path, "schema-" + std::to_string(from) + "-before-upgrade");
    std::error_code ec;
    fs::create_directories(backup.parent_path(), ec);
    Status copied = ec ? Status(make_error(ErrorKind::Io, ec.message())) : m_db->backup_to(backup);
    if (!copied)
        return make_error(copied.error().kind,
                          m_path.string() + " was not upgraded from schema " + std::to_string(from) + " to " +
                              std::to_string(kSchemaVersion) + ", because the backup before the upgrade failed (" +
                              copied.error().message + ")");
    // A migration may rebuild a table that others refer to (SQLite's way to change a constraint);
    // foreign keys are off while it runs, which can only be switched outside a transaction, and
    // are checked before the commit instead.
    TRY_STATUS(m_db->exec("PRAGMA foreign_keys = OFF"));
    Status migrated = transact([&]() -> Status {
        for (int32_t version = from; version < kSchemaVersion; ++version)
            TRY_STATUS(m_db->exec(schema::kMigrations[version - 1]));
        Result<int64_t> version = m_db->query_int("PRAGMA user_version");
        if (!version)
            return version.error();
        VERIFY(*version == kSchemaVersion); // each migration sets user_version
        std::vector<std::string> orphans;
        TRY_STATUS(list_foreign_key_problems(*m_db, orphans));
        if (!orphans.empty())
            return make_error(ErrorKind::Corrupt, m_path.string() + " was not upgraded: " + orphans.front());
        return {};
    });
    Status restored = m_db->exec("PRAGMA foreign_keys = ON");
    TRY_STATUS(migrated);
    return restored;
}

Status Collection::prune_undo_journal()
{
    // Only answers of the current session can be undone; the newest kUndoJournalSize are plenty,
    // and the journal must not grow with the log.
    Result<CachedStatement> cutoff = m_db->cached(sql::k_undo_journal_cutoff);
    if (!cutoff)
        return cutoff.error();
    (*cutoff)->bind_all(kUndoJournalSize);
    Result<bool> row = (*cutoff)->step();
    if (!row)
        return row.error();
    if (!*row)
        return {};
    const int64_t oldest_kept = (*cutoff)->column_int(0);
    return transact([&]() -> Status {
        Result<CachedStatement> prune = m_db->cached(sql::k_undo_journal_prune);
        if (!prune)
            return prune.error();
        return (*prune)->bind_all(oldest_kept).run();
    });
}

Status Collection::create_schema()
{
    return transact([&]() -> Status {
        TRY_STATUS(m_db->exec(sql::k_schema));
        // schema.sql spells these out as literals (pragmas take no parameters).
        Result<int64_t> app_id = m_db->query_int("PRAGMA application_id");
        Result<int64_t> version = m_db->query_int("PRAGMA user_version");
        VERIFY(app_id.ok() && *app_id == kApplicationId);
        VERIFY(version.ok() && *version == kSchemaVersion);
        Result<CachedStatement> set = m_db->cached(sql::k_meta_set);
        if (!set)
            return set.error();
        return (*set)->bind_all(kDeviceIdKey, std::to_string(random_device_id())).run();
    });
}

Status Collection::load_device_id()
{
    {
        Result<CachedStatement> get = m_db->cached(sql::k_meta_get);
        if (!get)
            return get.error();
        (*get)->bind_all(kDeviceIdKey);
        Result<bool> row = (*get)->step();
        if (!row)
            return row.error();
        if (*row) {
            std::string text = (*get)->column_text(0);
            int64_t id = 0;
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
            if (error == std::errc() && end == text.data() + text.size() && id > 0) {
                m_device_id = id;
                return {};
            }
        }
    }
    // Missing or unreadable (edited by hand?): give this collection a fresh identity.
    int64_t id = random_device_id();
    Status written = transact([&]() -> Status {
        Result<CachedStatement> set = m_db->cached(sql::k_meta_set);
        if (!set)
            return set.error();
        return (*set)->bind_all(kDeviceIdKey, std::to_string(id)).run();
    });
    if (!written)
        return written;
    m_device_id = id;
    return {};
}

} // namespace letopis
