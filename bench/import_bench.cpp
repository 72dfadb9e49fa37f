// Import and lint of a 50,000-line word list (russian, english, example), and a re-import of
// it. The words are real: lemmas from hunspell-ru, stressed where the Mueller7 accent dictionary
// knows them (a synthetic list when the dictionaries are missing). Prints medians of 5 runs.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "deck/deck_lint.h"
#include "deck/import_file.h"
#include "service/deck_import.h"
#include "storage/collection.h"
#include "text/lemmas.h"
#include "text/russian_word.h"
#include "text/stress_dictionary.h"

namespace letopis {
namespace {

constexpr int kLines = 50'000;
constexpr int kRuns = 5;

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this process: on a busy shared machine it shows what the work itself costs.
double cpu_ms()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Lower-case lemmas of two or more syllables from the hunspell dictionary, stressed by the
// accent dictionary where it knows them (on the first vowel otherwise, as a careless author might).
std::vector<std::string> real_words(const StressDictionary* stress)
{
    std::vector<std::string> words;
    std::ifstream dic("/usr/share/hunspell/ru_RU.dic");
    std::string line;
    std::getline(dic, line); // the count
    while (std::getline(dic, line) && static_cast<int>(words.size()) < kLines) {
        const std::string word = line.substr(0, line.find('/'));
        if (word.empty() || fold_word(word) != word || word.find(' ') != std::string::npos)
            continue;
        if (count_letters(word).vowels < 2 || count_letters(word).latin > 0)
            continue;
        uint32_t mask = stress ? stress->stressed_vowels(fold_word(word)) : 0;
        int32_t vowel = 0;
        while (mask != 0 && (mask & 1u) == 0) {
            mask >>= 1;
            ++vowel;
        }
        words.push_back(word_stress(word).yo ? word : with_stress_mark(word, vowel));
    }
    return words;
}

std::vector<std::string> synthetic_words()
{
    const char* syllables[] = {"ба", "ве", "го", "ду", "жи", "за", "ки", "ло", "ма", "не", "по", "ру", "са", "ты", "фе", "ха"};
    std::mt19937 rng(7);
    std::vector<std::string> words;
    for (int i = 0; i < kLines; ++i) {
        std::string word;
        const int count = 2 + static_cast<int>(rng() % 3);
        for (int s = 0; s < count; ++s)
            word += syllables[rng() % 16];
        words.push_back(with_stress_mark(word, static_cast<int32_t>(rng() % count)));
    }
    return words;
}

void write_list(const std::filesystem::path& path, const std::vector<std::string>& words)
{
    std::ofstream out(path, std::ios::binary);
    out << "russian\tenglish\texample\n";
    for (size_t i = 0; i < words.size(); ++i) {
        out << words[i] << "\tgloss number " << i << "\tВ тексте номер " << i << " встречается слово " << words[i]
            << ".\n";
    }
}

int run()
{
    const auto dir = std::filesystem::temp_directory_path() / "letopis-import-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto list = dir / "words-50k.tsv";

    auto start = Clock::now();
    auto stress = StressDictionary::load(StressDictionary::kDefaultPath);
    const double stress_ms = ms_since(start);
    start = Clock::now();
    auto lemmas = Lemmatizer::open_default();
    const double lemmas_ms = ms_since(start);

    std::vector<std::string> words = stress ? real_words(stress->get()) : synthetic_words();
    if (static_cast<int>(words.size()) < kLines)
        words = synthetic_words();
    write_list(list, words);
    std::printf("word list: %d lines, %.1f MB, %s words\n", kLines,
                static_cast<double>(std::filesystem::file_size(list)) / 1e6, stress ? "real" : "synthetic");
    if (stress)
        std::printf("load stress dictionary (%zu words): %.0f ms\n", (*stress)->size(), stress_ms);
    if (lemmas)
        std::printf("load hunspell-ru: %.0f ms\n", lemmas_ms);

    std::vector<double> read_ms, import_ms, reimport_ms, lint_ms, store_ms;
    std::vector<double> read_cpu, import_cpu, reimport_cpu, lint_cpu, store_cpu;
    for (int run = 0; run < kRuns; ++run) {
        const auto path = dir / ("collection-" + std::to_string(run) + ".db");
        auto collection = Collection::open(path);
        if (!collection) {
            std::fprintf(stderr, "%s\n", collection.error().describe().c_str());
            return 1;
        }
        start = Clock::now();
        double cpu = cpu_ms();
        auto file = read_import_file(list, {});
        read_ms.push_back(ms_since(start));
        read_cpu.push_back(cpu_ms() - cpu);
        {
            // Storing alone, into a scratch collection.
            auto scratch = Collection::open(dir / "scratch.db");
            start = Clock::now();
            cpu = cpu_ms();
            auto stored = import_deck(**scratch, file->deck);
            store_ms.push_back(ms_since(start));
            store_cpu.push_back(cpu_ms() - cpu);
            scratch->reset();
            std::filesystem::remove(dir / "scratch.db");
        }

        start = Clock::now();
        cpu = cpu_ms();
        auto report = import_file(**collection, list, {});
        import_ms.push_back(ms_since(start));
        import_cpu.push_back(cpu_ms() - cpu);
        if (!report || report->notes_added != kLines) {
            std::fprintf(stderr, "import failed: %s\n", report ? "wrong count" : report.error().describe().c_str());
            return 1;
        }
        start = Clock::now();
        cpu = cpu_ms();
        auto again = import_file(**collection, list, {});
        reimport_ms.push_back(ms_since(start));
        reimport_cpu.push_back(cpu_ms() - cpu);
        if (!again || again->notes_updated != kLines)
            return 1;

        // Lint as `letopis deck check` does, with the dictionaries already loaded (fresh
        // lemma cache each run).
        auto run_lemmas = Lemmatizer::open_default();
        LintTools tools;
        tools.stress = stress ? stress->get() : nullptr;
        tools.lemmas = run_lemmas ? run_lemmas->get() : nullptr;
        start = Clock::now();
        cpu = cpu_ms();
        ImportFileOptions options;
        options.purpose = ReadPurpose::Lint;
        auto linted = read_import_file(list, options);
        auto diagnostics = lint_deck(linted->deck, tools);
        lint_ms.push_back(ms_since(start));
        lint_cpu.push_back(cpu_ms() - cpu);
        if (run == 0)
            std::printf("lint findings: %zu\n", diagnostics.size());
        collection->reset();
        std::filesystem::remove(path);
    }
    // Wall-clock medians are the figures; CPU time beside them shows the cost when other
    // programs share the cores.
    auto line = [&](const char* what, const std::vector<double>& wall, const std::vector<double>& cpu_time,
                    const char* target) {
        std::printf("%-58s %6.0f ms  (cpu %4.0f ms)%s\n", what, median(wall), median(cpu_time), target);
    };
    std::printf("medians of %d runs:\n", kRuns);
    line("read + detect + parse the list", read_ms, read_cpu, "");
    line("store the parsed notes in a new deck", store_ms, store_cpu, "");
    line("import the list (read + store) into a new deck", import_ms, import_cpu, "  target <= 1000 ms");
    line("re-import it unchanged", reimport_ms, reimport_cpu, "");
    line("lint it (dictionaries already loaded)", lint_ms, lint_cpu, "  target <= 1000 ms");
    std::printf("%-58s %6.0f ms\n", "lint it, loading both dictionaries side by side first",
                median(lint_ms) + std::max(stress_ms, lemmas_ms));
    std::filesystem::remove_all(dir);
    return 0;
}

} // namespace
} // namespace letopis

int main() { return letopis::run(); }
