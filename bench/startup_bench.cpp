// Start-up and idle cost of the window on a 50,000-card collection (software renderer, dummy
// video driver): time to first frame, resident memory after it, CPU over 10 s of idling.
// Prints medians over repeated runs; targets in docs/benchmarks.md.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "collection_generator.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Launch {
    pid_t pid = -1;
    int output = -1; // read end of the child's stdout
};

Launch launch(const std::filesystem::path& collection, const std::filesystem::path& config)
{
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0)
        std::exit(1);
    Launch launched;
    launched.pid = fork();
    if (launched.pid == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        close(pipe_fds[0]);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("LETOPIS_REPORT_FIRST_FRAME", "1", 1);
        setenv("LETOPIS_DATA_DIR", LETOPIS_SOURCE_DIR, 1);
        setenv("XDG_CONFIG_HOME", config.c_str(), 1);
        execl(LETOPIS_BINARY, LETOPIS_BINARY, "--collection", collection.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_fds[1]);
    launched.output = pipe_fds[0];
    return launched;
}

// Reads the child's "first-frame rss-kib=N" line; returns N, or -1.
long wait_first_frame(int fd)
{
    std::string line;
    char c;
    while (read(fd, &c, 1) == 1) {
        if (c == '\n')
            break;
        line += c;
    }
    long rss = -1;
    if (std::sscanf(line.c_str(), "first-frame rss-kib=%ld", &rss) != 1)
        return -1;
    return rss;
}

double cpu_seconds(pid_t pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    FILE* f = std::fopen(path.c_str(), "r");
    if (!f)
        return -1;
    char buffer[2048];
    const size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    std::fclose(f);
    buffer[n] = 0;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const char* rest = std::strrchr(buffer, ')');
    unsigned long utime = 0, stime = 0;
    std::sscanf(rest + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime);
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

void stop(const Launch& launched)
{
    kill(launched.pid, SIGTERM);
    int status = 0;
    waitpid(launched.pid, &status, 0);
    close(launched.output);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const int64_t cards = argc > 1 ? std::atoll(argv[1]) : 50'000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 11;
    const int idle_seconds = argc > 3 ? std::atoi(argv[3]) : 10;

    const auto dir = std::filesystem::temp_directory_path() / ("letopis-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const auto collection = dir / "collection.db";
    const int64_t now_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const auto generate_start = Clock::now();
    if (auto status = letopis::generate_collection(collection, cards, now_ms, 42); !status) {
        std::fprintf(stderr, "cannot generate the collection: %s\n", status.error().message.c_str());
        return 1;
    }
    std::printf("collection: %lld cards, generated in %.1f s, %.1f MiB\n", static_cast<long long>(cards),
                std::chrono::duration<double>(Clock::now() - generate_start).count(),
                double(std::filesystem::file_size(collection)) / (1024.0 * 1024.0));

    // One warm-up run imports the shipped decks, as a first start would.
    {
        Launch warm = launch(collection, dir / "config");
        wait_first_frame(warm.output);
        stop(warm);
    }

    std::vector<double> first_frame_ms, rss_mib;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        Launch run = launch(collection, dir / "config");
        const long rss = wait_first_frame(run.output);
        const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        stop(run);
        if (rss < 0) {
            std::fprintf(stderr, "run %d: no first frame reported\n", i);
            return 1;
        }
        first_frame_ms.push_back(elapsed);
        rss_mib.push_back(double(rss) / 1024.0);
    }
    std::printf("start to first frame: median %.1f ms (min %.1f, max %.1f, %d runs; target <= 150 ms)\n",
                median(first_frame_ms), *std::min_element(first_frame_ms.begin(), first_frame_ms.end()),
                *std::max_element(first_frame_ms.begin(), first_frame_ms.end()), runs);
    std::printf("resident memory after first frame: median %.1f MiB (target <= 80 MiB)\n", median(rss_mib));

    Launch idle = launch(collection, dir / "config");
    wait_first_frame(idle.output);
    std::this_thread::sleep_for(std::chrono::seconds(1)); // let the settle frames finish
    const double cpu_before = cpu_seconds(idle.pid);
    std::this_thread::sleep_for(std::chrono::seconds(idle_seconds));
    const double cpu_after = cpu_seconds(idle.pid);
    stop(idle);
    std::printf("CPU while idle: %.2f %% of one core over %d s (target < 1 %%)\n",
                100.0 * (cpu_after - cpu_before) / idle_seconds, idle_seconds);

    std::filesystem::remove_all(dir);
    return 0;
}
