// Backup file names: formatting and parsing the UTC time stamp in them.
#include "storage/backup_files.h"

#include <cstdio>
#include <ctime>
#include <string>
#include <system_error>

namespace letopis {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kExtension = ".db";
constexpr int64_t kMsPerSecond = 1000;

std::string stamp(int64_t time_ms)
{
    // Floor, so a time before 1970 still names its own second.
    std::time_t seconds = static_cast<std::time_t>(time_ms >= 0 ? time_ms / kMsPerSecond
                                                                : (time_ms - kMsPerSecond + 1) / kMsPerSecond);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02d%02d-%02d%02d%02d", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                  utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

bool digits(std::string_view text)
{
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return !text.empty();
}

int number(std::string_view text)
{
    int value = 0;
    for (char c : text)
        value = value * 10 + (c - '0');
    return value;
}

} // namespace

fs::path backup_folder(const fs::path& collection) { return collection.parent_path() / "backups"; }

fs::path backup_file_path(const fs::path& collection, int64_t time_ms, std::string_view label)
{
    std::string name = collection.stem().string() + "-" + stamp(time_ms);
    if (!label.empty()) {
        name += '-';
        name += label;
    }
    name += kExtension;
    return backup_folder(collection) / name;
}

fs::path unused_backup_path(const fs::path& collection, std::string_view label)
{
    const std::string base = collection.stem().string() + "-" + std::string(label);
    std::error_code ec;
    fs::path candidate = backup_folder(collection) / (base + std::string(kExtension));
    for (int n = 2; fs::exists(candidate, ec); ++n)
        candidate = backup_folder(collection) / (base + "-" + std::to_string(n) + std::string(kExtension));
    return candidate;
}

std::optional<int64_t> backup_file_time(const fs::path& collection, const fs::path& file)
{
    const std::string prefix = collection.stem().string() + "-";
    const std::string name = file.filename().string();
    // <prefix>YYYYMMDD-HHMMSS.db
    constexpr size_t kStampSize = 15;
    if (name.size() != prefix.size() + kStampSize + kExtension.size() || name.rfind(prefix, 0) != 0 ||
        !name.ends_with(kExtension))
        return std::nullopt;
    std::string_view text = std::string_view(name).substr(prefix.size(), kStampSize);
    if (!digits(text.substr(0, 8)) || text[8] != '-' || !digits(text.substr(9, 6)))
        return std::nullopt;
    std::tm utc{};
    utc.tm_year = number(text.substr(0, 4)) - 1900;
    utc.tm_mon = number(text.substr(4, 2)) - 1;
    utc.tm_mday = number(text.substr(6, 2));
    utc.tm_hour = number(text.substr(9, 2));
    utc.tm_min = number(text.substr(11, 2));
    utc.tm_sec = number(text.substr(13, 2));
    if (utc.tm_mon < 0 || utc.tm_mon > 11 || utc.tm_mday < 1 || utc.tm_mday > 31 || utc.tm_hour > 23 ||
        utc.tm_min > 59 || utc.tm_sec > 60)
        return std::nullopt;
    const std::time_t seconds = timegm(&utc);
    // A name that does not round-trip (30 February) was not made by us.
    if (stamp(static_cast<int64_t>(seconds) * kMsPerSecond) != text)
        return std::nullopt;
    return static_cast<int64_t>(seconds) * kMsPerSecond;
}

} // namespace letopis
