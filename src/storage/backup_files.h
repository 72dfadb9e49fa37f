// Where backups of a collection live and how they are named: a `backups/` folder beside the
// collection, one file per backup, "<collection name>-YYYYMMDD-HHMMSS.db" in UTC.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace letopis {

// <folder of the collection>/backups
std::filesystem::path backup_folder(const std::filesystem::path& collection);

// backups/<stem>-YYYYMMDD-HHMMSS.db for a backup made at `time_ms` (UTC), or
// backups/<stem>-YYYYMMDD-HHMMSS-<label>.db when `label` is given. Only unlabelled backups take
// part in rotation; labelled ones (made before a restore, say) are kept until deleted by hand.
std::filesystem::path backup_file_path(const std::filesystem::path& collection, int64_t time_ms,
                                       std::string_view label = {});

// backups/<stem>-<label>.db, or -<label>-2.db, -3.db, … : the first name not taken. Used for
// the backup before a schema upgrade, which has no clock to name it by.
std::filesystem::path unused_backup_path(const std::filesystem::path& collection, std::string_view label);

// The time (UTC ms, whole seconds) in the name of an unlabelled backup of `collection`, or
// nullopt if `file` is not named like one.
std::optional<int64_t> backup_file_time(const std::filesystem::path& collection, const std::filesystem::path& file);

} // namespace letopis
