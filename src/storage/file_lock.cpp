// FileLock: flock(LOCK_EX | LOCK_NB) on "<collection>.lock", held for as long as the file is open.
#include "storage/file_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace letopis {

Result<std::unique_ptr<FileLock>> FileLock::acquire(const std::filesystem::path& lock_path,
                                                    const std::filesystem::path& collection)
{
    // O_CLOEXEC: a child process we start (a speech synthesiser, say) must not inherit the lock.
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        int err = errno;
        ErrorKind kind = (err == EACCES || err == EROFS || err == EPERM) ? ErrorKind::ReadOnly : ErrorKind::Io;
        return make_error(kind, "cannot create the lock file " + lock_path.string() + ": " + std::strerror(err));
    }
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK)
            return make_error(ErrorKind::Locked,
                              collection.string() + " is already open in another Letopis window");
        return make_error(ErrorKind::Io, "cannot lock " + lock_path.string() + ": " + std::strerror(err));
    }
    return std::unique_ptr<FileLock>(new FileLock(lock_path, fd));
}

FileLock::~FileLock()
{
    // Closing the only descriptor of this open file description releases the lock.
    ::close(m_fd);
}

} // namespace letopis
