// Backups: the rotation rule, listing and deleting backup files, and restoring one.
#include "service/backup.h"

#include <algorithm>
#include <ctime>
#include <exception>
#include <system_error>

#include "storage/backup_files.h"
#include "storage/collection.h"

namespace letopis {

namespace fs = std::filesystem;

namespace {

constexpr int64_t kMsPerDay = 86'400'000;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t day_of(int64_t time_ms) { return floor_div(time_ms, kMsPerDay); }

// 1970-01-01 was a Thursday: shifting by 3 days makes weeks run Monday to Sunday.
int64_t week_of(int64_t time_ms) { return floor_div(day_of(time_ms) + 3, 7); }

int64_t month_of(int64_t time_ms)
{
    std::time_t seconds = static_cast<std::time_t>(floor_div(time_ms, 1000));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return int64_t{utc.tm_year} * 12 + utc.tm_mon;
}

// Turns an escaping std:: exception (from std::filesystem, say) into an error.
template <typename Fn>
auto guarded(const std::string& what, Fn&& fn) -> decltype(fn())
{
    try {
        return fn();
    } catch (const std::exception& e) {
        return make_error(ErrorKind::Io, what + ": " + e.what());
    }
}

Status make_folder(const fs::path& folder)
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (!ec)
        return {};
    const ErrorKind kind = ec == std::errc::no_space_on_device ? ErrorKind::DiskFull
                           : (ec == std::errc::permission_denied || ec == std::errc::read_only_file_system)
                               ? ErrorKind::ReadOnly
                               : ErrorKind::Io;
    return make_error(kind, "cannot create the backup folder " + folder.string() + ": " + ec.message());
}

} // namespace

std::vector<bool> backups_to_keep(const std::vector<int64_t>& times_ms, const BackupPolicy& policy)
{
    std::vector<size_t> order(times_ms.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return times_ms[a] > times_ms[b]; });

    struct Rule {
        int64_t (*bucket)(int64_t);
        int32_t limit;
        int32_t kept = 0;
        std::optional<int64_t> last;
    };
    Rule rules[] = {{day_of, policy.daily, 0, std::nullopt},
                    {week_of, policy.weekly, 0, std::nullopt},
                    {month_of, policy.monthly, 0, std::nullopt}};
    std::vector<bool> keep(times_ms.size(), false);
    for (size_t rank = 0; rank < order.size(); ++rank) {
        const size_t i = order[rank];
        if (rank == 0)
            keep[i] = true;
        for (Rule& rule : rules) {
            const int64_t bucket = rule.bucket(times_ms[i]);
            if (rule.kept < rule.limit && rule.last != bucket) {
                keep[i] = true;
                rule.last = bucket;
                ++rule.kept;
            }
        }
    }
    return keep;
}

Result<std::vector<BackupEntry>> list_backups(const fs::path& collection)
{
    return guarded("cannot list the backups of " + collection.string(), [&]() -> Result<std::vector<BackupEntry>> {
        std::vector<BackupEntry> entries;
        const fs::path folder = backup_folder(collection);
        std::error_code ec;
        if (!fs::exists(folder, ec))
            return entries;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec))
                continue;
            if (std::optional<int64_t> time = backup_file_time(collection, it->path()))
                entries.push_back(BackupEntry{it->path(), *time});
        }
        if (ec)
            return make_error(ErrorKind::Io, "cannot list " + folder.string() + ": " + ec.message());
        std::sort(entries.begin(), entries.end(),
                  [](const BackupEntry& a, const BackupEntry& b) { return a.time_ms > b.time_ms; });
        return entries;
    });
}

Result<std::vector<fs::path>> rotate_backups(const fs::path& collection, const BackupPolicy& policy)
{
    Result<std::vector<BackupEntry>> entries = list_backups(collection);
    if (!entries)
        return entries.error();
    std::vector<int64_t> times;
    for (const BackupEntry& entry : *entries)
        times.push_back(entry.time_ms);
    const std::vector<bool> keep = backups_to_keep(times, policy);
    std::vector<fs::path> deleted;
    for (size_t i = 0; i < entries->size(); ++i) {
        if (keep[i])
            continue;
        std::error_code ec;
        fs::remove((*entries)[i].path, ec);
        if (ec)
            return make_error(ErrorKind::Io, "cannot delete the old backup " + (*entries)[i].path.string() + ": " +
                                                 ec.message());
        deleted.push_back((*entries)[i].path);
    }
    return deleted;
}

Result<fs::path> write_backup(Collection& collection, int64_t now_ms, const BackupPolicy& policy)
{
    return guarded("cannot back up " + collection.path().string(), [&]() -> Result<fs::path> {
        const fs::path dest = backup_file_path(collection.path(), now_ms);
        TRY_STATUS(make_folder(dest.parent_path()));
        TRY_STATUS(collection.backup_to(dest));
        Result<std::vector<fs::path>> rotated = rotate_backups(collection.path(), policy);
        if (!rotated)
            return rotated.error();
        return dest;
    });
}

Result<std::optional<fs::path>> maybe_backup_on_close(Collection& collection, int64_t now_ms,
                                                      const BackupPolicy& policy)
{
    Result<std::vector<BackupEntry>> entries = list_backups(collection.path());
    if (!entries)
        return entries.error();
    if (!entries->empty()) {
        // A newest backup "in the future" (the clock was wrong then, or is now) does not hold
        // backups back.
        const int64_t age = now_ms - entries->front().time_ms;
        if (age >= 0 && age < policy.min_interval_ms)
            return std::optional<fs::path>();
    }
    Result<fs::path> written = write_backup(collection, now_ms, policy);
    if (!written)
        return written.error();
    return std::optional<fs::path>(*written);
}

Result<RestoreReport> restore_backup(const fs::path& collection, const fs::path& file, int64_t now_ms)
{
    return guarded("cannot restore " + file.string(), [&]() -> Result<RestoreReport> {
        std::error_code ec;
        const fs::path target = fs::absolute(collection, ec).lexically_normal();
        const fs::path source = fs::absolute(file, ec).lexically_normal();
        if (fs::exists(target, ec) && fs::exists(source, ec) && fs::equivalent(target, source, ec))
            return make_error(ErrorKind::InvalidInput,
                              source.string() + " is the collection itself; choose a backup to restore");
        if (!fs::exists(source, ec))
            return make_error(ErrorKind::NotFound, source.string() + " does not exist");

        // The whole file is read before anything changes: a damaged or foreign file is refused.
        Result<CollectionFileInfo> info = Collection::inspect_file(source, IntegrityCheck::Full);
        if (!info)
            return info.error();
        if (info->empty)
            return make_error(ErrorKind::NotACollection, source.string() + " is empty: it is not a Letopis collection");

        RestoreReport report;
        report.collection = target;
        report.schema_version = info->schema_version;
        Result<std::unique_ptr<Collection>> current = Collection::open(target, OpenMode::MustExist);
        if (current) {
            report.previous = backup_file_path(target, now_ms, "before-restore");
            TRY_STATUS(make_folder(report.previous.parent_path()));
            TRY_STATUS((*current)->backup_to(report.previous));
            TRY_STATUS((*current)->restore_from(source));
            current->reset();
        } else if (current.error().kind == ErrorKind::NotFound || current.error().kind == ErrorKind::Corrupt) {
            // Missing, or too damaged to open (and so to copy through SQLite): the damaged file is
            // kept as it is, in backups/.
            if (current.error().kind == ErrorKind::Corrupt)
                report.previous = backup_file_path(target, now_ms, "damaged");
            TRY_STATUS(Collection::replace_file(target, source, report.previous));
        } else {
            return current.error();
        }

        // Opening once upgrades an older schema (after its own backup) and proves the result opens.
        Result<std::unique_ptr<Collection>> restored = Collection::open(target, OpenMode::MustExist);
        if (!restored)
            return restored.error();
        return report;
    });
}

} // namespace letopis
