// FileLock: an exclusive advisory lock (flock) on a small file beside the collection, so that
// two Letopis processes never have one collection open at once. The kernel drops it on exit.
#pragma once

#include <filesystem>
#include <memory>

#include "util/result.h"

namespace letopis {

class FileLock {
public:
    // Creates `lock_path` if needed and locks it without waiting. Locked if another open file
    // description holds it (another process, or another open() in this one); the message names
    // `collection`.
    static Result<std::unique_ptr<FileLock>> acquire(const std::filesystem::path& lock_path,
                                                     const std::filesystem::path& collection);
    ~FileLock(); // unlocks; the lock file is left in place (deleting it would race a waiter)
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    FileLock(std::filesystem::path path, int fd) : m_path(std::move(path)), m_fd(fd) {}
    std::filesystem::path m_path;
    int m_fd;
};

} // namespace letopis
