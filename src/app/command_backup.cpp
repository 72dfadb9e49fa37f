// `letopis backup`: writes a backup of the collection now into backups/ beside it (and rotates);
// `--restore FILE` puts a backup back, after backing up the current collection; `--list`.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include "app/cli_context.h"
#include "app/clock.h"
#include "service/backup.h"
#include "storage/collection.h"

namespace letopis {
namespace {

struct BackupArguments {
    std::string restore;
    bool list = false;
};

int fail(const Error& error)
{
    std::fprintf(stderr, "letopis: %s\n", error.describe().c_str());
    return 1;
}

int run_backup(const std::filesystem::path& path, const BackupArguments& args)
{
    const int64_t now = now_utc_ms();
    if (args.list) {
        Result<std::vector<BackupEntry>> entries = list_backups(path);
        if (!entries)
            return fail(entries.error());
        for (const BackupEntry& entry : *entries)
            std::printf("%s\n", entry.path.c_str());
        return 0;
    }
    if (!args.restore.empty()) {
        Result<RestoreReport> restored = restore_backup(path, args.restore, now);
        if (!restored)
            return fail(restored.error());
        std::printf("%s restored into %s\n", args.restore.c_str(), restored->collection.c_str());
        if (!restored->previous.empty())
            std::printf("the collection as it was before is kept in %s\n", restored->previous.c_str());
        return 0;
    }
    Result<std::unique_ptr<Collection>> collection = Collection::open(path, OpenMode::MustExist);
    if (!collection)
        return fail(collection.error());
    Result<std::filesystem::path> written = write_backup(**collection, now, BackupPolicy{});
    if (!written)
        return fail(written.error());
    std::printf("%s\n", written->c_str());
    return 0;
}

} // namespace

void add_backup_command(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "backup", "Back up the collection now into backups/ beside it (keeping 7 daily, 4 weekly, 12 monthly)");
    auto args = std::make_shared<BackupArguments>();
    command->add_option("--restore", args->restore,
                        "Replace the collection with this backup; the current collection is backed up first");
    command->add_flag("--list", args->list, "List the rotated backups, newest first");
    command->callback([&context, args] {
        context.command = [&context, args] { return run_backup(context.collection_path(), *args); };
    });
}

} // namespace letopis
