// Backups of the collection: written with SQLite's online backup API into a `backups/` folder
// beside it, rotated (by default 7 daily, 4 weekly, 12 monthly), and restored with the current
// collection backed up first. The rotation rule is a pure function of the backup times.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "util/result.h"

namespace letopis {

class Collection;

struct BackupPolicy {
    int32_t daily = 7;    // keep the newest backup of each of the latest 7 days that have one
    int32_t weekly = 4;   // … of each of the latest 4 weeks (Monday to Sunday, UTC)
    int32_t monthly = 12; // … of each of the latest 12 months
    // maybe_backup_on_close skips the backup while the newest one is younger than this.
    int64_t min_interval_ms = 4 * 60 * 60 * 1000;
};

struct BackupEntry {
    std::filesystem::path path;
    int64_t time_ms = 0; // from the file name: UTC, whole seconds
};

// Which backups the policy keeps: keep[i] for times_ms[i] (any order). The newest is always kept;
// then, newest first, a backup is kept when it is the first seen of its day (week, month) while
// fewer than `daily` (`weekly`, `monthly`) days (weeks, months) have been kept — restic's rule.
std::vector<bool> backups_to_keep(const std::vector<int64_t>& times_ms, const BackupPolicy& policy);

// The rotated backups of `collection` (unlabelled ones, see storage/backup_files.h), newest first.
// A missing folder is no backups.
Result<std::vector<BackupEntry>> list_backups(const std::filesystem::path& collection);

// Deletes the rotated backups the policy does not keep; returns those deleted.
Result<std::vector<std::filesystem::path>> rotate_backups(const std::filesystem::path& collection,
                                                          const BackupPolicy& policy);

// Writes a backup of the open collection now (`letopis backup`), then rotates. Returns its path.
Result<std::filesystem::path> write_backup(Collection& collection, int64_t now_ms, const BackupPolicy& policy);

// For the app's shutdown, before the collection is closed: writes a backup and rotates, unless
// the newest backup is younger than policy.min_interval_ms. Returns the new backup's path, or
// nullopt when none was due.
Result<std::optional<std::filesystem::path>> maybe_backup_on_close(Collection& collection, int64_t now_ms,
                                                                    const BackupPolicy& policy = {});

struct RestoreReport {
    std::filesystem::path collection;
    // The collection as it was before the restore (backups/<name>-<time>-before-restore.db), or
    // empty when there was none.
    std::filesystem::path previous;
    int32_t schema_version = 0; // of the restored file, before any upgrade
};

// `letopis backup --restore FILE`: checks FILE fully (a file that is not a healthy collection
// this build can read is refused, and nothing changes), backs up the current collection, then
// replaces its content with FILE's and opens it once (upgrading an older schema). A current
// collection too damaged to open is moved into backups/ as it is, with its -wal file. Errors:
// those of Collection::inspect_file for FILE, Locked when a Letopis window has the collection
// open, InvalidInput when FILE is the collection itself, and I/O errors.
Result<RestoreReport> restore_backup(const std::filesystem::path& collection, const std::filesystem::path& file,
                                     int64_t now_ms);

} // namespace letopis
