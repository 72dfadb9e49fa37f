// XDG base directories and the search for the shipped data.
#include "app/paths.h"

#include <cstdlib>
#include <system_error>

namespace letopis {
namespace {

std::filesystem::path home_dir()
{
    const char* home = std::getenv("HOME");
    return home && *home ? std::filesystem::path(home) : std::filesystem::current_path();
}

std::filesystem::path xdg(const char* variable, const char* fallback_below_home)
{
    const char* value = std::getenv(variable);
    if (value && *value && std::filesystem::path(value).is_absolute())
        return value;
    return home_dir() / fallback_below_home;
}

bool has_fonts(const std::filesystem::path& dir)
{
    std::error_code ec;
    return std::filesystem::exists(dir / "fonts" / "PTS55F.ttf", ec);
}

} // namespace

std::filesystem::path default_collection_path() { return xdg("XDG_DATA_HOME", ".local/share") / "letopis" / "collection.db"; }

std::filesystem::path config_dir() { return xdg("XDG_CONFIG_HOME", ".config") / "letopis"; }

std::filesystem::path data_dir()
{
    if (const char* dir = std::getenv("LETOPIS_DATA_DIR"); dir && *dir)
        return dir;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "letopis";
        if (has_fonts(installed))
            return installed;
    }
    if (has_fonts(LETOPIS_SOURCE_DATA_DIR))
        return LETOPIS_SOURCE_DATA_DIR;
    return LETOPIS_INSTALLED_DATA_DIR;
}

} // namespace letopis
