// Replay main for the fuzz targets: runs every target over the corpus files given on the command
// line, then over seeded mutations of them for --seconds. Each input is written to
// --last FILE before it runs, so a crash leaves the input behind; `fuzz_replay FILE` replays it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"

namespace {

using letopis::fuzz::kTargets;

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Pieces that matter to the parsers, spliced into inputs.
const std::vector<std::string> kTokens = {
    "\t", "\n", "\r\n", "\"", "\"\"", ",", ";", "#", "# title: ", "# encoding: cp1251\n", "# directions: ru-en\n",
    "key\trussian\tenglish\n", "russian,english\n", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "\xCC\x81", "\xD0",
    "\xD1\x91", "\xE2\x80\x94", "власть", "сове́т", "Đóńńęŕ˙", "РІР»", "\x00", "\x04", "\xFF", "\x98",
};

std::string mutate(std::string input, const std::vector<std::string>& corpus, std::mt19937_64& rng)
{
    const int steps = 1 + static_cast<int>(rng() % 4);
    for (int step = 0; step < steps; ++step) {
        const size_t at = input.empty() ? 0 : rng() % (input.size() + 1);
        switch (rng() % 7) {
        case 0: // flip a bit
            if (!input.empty())
                input[rng() % input.size()] ^= static_cast<char>(1u << (rng() % 8));
            break;
        case 1: // insert a token
            input.insert(at, kTokens[rng() % kTokens.size()]);
            break;
        case 2: // delete a stretch
            if (!input.empty())
                input.erase(rng() % input.size(), 1 + rng() % 16);
            break;
        case 3: // random byte
            input.insert(at, 1, static_cast<char>(rng() & 0xFF));
            break;
        case 4: { // duplicate a stretch
            if (input.empty())
                break;
            const size_t from = rng() % input.size();
            input.insert(at, input.substr(from, 1 + rng() % 64));
            break;
        }
        case 5: { // splice in part of another input
            const std::string& other = corpus[rng() % corpus.size()];
            if (!other.empty()) {
                const size_t from = rng() % other.size();
                input.insert(at, other.substr(from, 1 + rng() % 128));
            }
            break;
        }
        default: // truncate
            if (!input.empty())
                input.resize(rng() % input.size());
            break;
        }
    }
    if (input.size() > (1 << 16))
        input.resize(1 << 16);
    return input;
}

void run_all(const std::string& input, const std::filesystem::path& last)
{
    if (!last.empty()) {
        std::ofstream out(last, std::ios::binary | std::ios::trunc);
        out << input;
    }
    for (const auto& target : kTargets)
        target.run(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

} // namespace

int main(int argc, char** argv)
{
    double seconds = 0;
    std::filesystem::path last;
    std::vector<std::filesystem::path> paths;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--last") == 0 && i + 1 < argc)
            last = argv[++i];
        else
            paths.emplace_back(argv[i]);
    }

    std::vector<std::string> corpus;
    for (const auto& path : paths) {
        if (std::filesystem::is_directory(path)) {
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
            std::sort(files.begin(), files.end());
            for (const auto& file : files)
                corpus.push_back(read_file(file));
        } else {
            corpus.push_back(read_file(path));
        }
    }
    corpus.push_back("");
    for (const auto& input : corpus)
        run_all(input, last);
    std::printf("fuzz_replay: %zu corpus inputs passed %zu targets\n", corpus.size(), std::size(kTargets));

    // Mutations: a fixed seed, so a run is repeatable; the time limit keeps CI short.
    std::mt19937_64 rng(20240601);
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    size_t runs = 0;
    while (std::chrono::steady_clock::now() < until) {
        const std::string input = mutate(corpus[rng() % corpus.size()], corpus, rng);
        run_all(input, last);
        ++runs;
    }
    if (seconds > 0)
        std::printf("fuzz_replay: %zu mutated inputs passed in %.1f s\n", runs, seconds);
    if (!last.empty())
        std::filesystem::remove(last);
    return 0;
}
