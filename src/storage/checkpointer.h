// Checkpointer: copies the WAL into the main file on a thread of its own, with its own
// connection, so that committing an answer never waits for a checkpoint (SQLite's automatic
// checkpoint runs inside the commit that crosses its threshold: every ~100 answers, several ms).
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "util/result.h"

namespace letopis {

class Database; // db/database.h

class Checkpointer {
public:
    // Opens a second connection to `file` and starts the thread.
    static Result<std::unique_ptr<Checkpointer>> start(const std::filesystem::path& file);
    ~Checkpointer(); // finishes a checkpoint under way, then stops the thread and closes
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Asks for a checkpoint soon; returns at once. Requests made meanwhile are merged.
    void request();

private:
    explicit Checkpointer(std::unique_ptr<Database> db);
    void run();

    std::unique_ptr<Database> m_db; // used by the thread only
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace letopis
