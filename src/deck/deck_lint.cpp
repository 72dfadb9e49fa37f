// Deck content checks (see deck_lint.h). Stress rules follow docs/deck-format.md: U+0301 after
// the stressed vowel of every word of two or more syllables, none on ё, which is always stressed.
#include "deck/deck_lint.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "text/lemmas.h"
#include "text/russian_word.h"
#include "text/stress_dictionary.h"
#include "util/utf8.h"

namespace letopis {
namespace {

struct Field {
    std::string_view name;
    const std::string* text;
    bool russian; // holds Russian words whose stress marks are checked
};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The whitespace-delimited stretch of `text` around byte `offset`, for messages.
std::string_view token_around(std::string_view text, size_t offset)
{
    size_t start = text.rfind(' ', offset);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t end = text.find(' ', offset);
    if (end == std::string_view::npos)
        end = text.size();
    return text.substr(start, end - start);
}

// Counts code points of the longest common beginning of two folded words.
size_t common_prefix_letters(std::string_view a, std::string_view b)
{
    size_t bytes = 0;
    while (bytes < a.size() && bytes < b.size() && a[bytes] == b[bytes])
        ++bytes;
    // Back off to a character boundary, then count characters.
    while (bytes > 0 && bytes < a.size() && (static_cast<uint8_t>(a[bytes]) & 0xC0) == 0x80)
        --bytes;
    size_t letters = 0;
    for (size_t i = 0; i < bytes; ++i)
        letters += (static_cast<uint8_t>(a[i]) & 0xC0) != 0x80 ? 1 : 0;
    return letters;
}

size_t letter_count(std::string_view folded)
{
    size_t letters = 0;
    for (char c : folded)
        letters += (static_cast<uint8_t>(c) & 0xC0) != 0x80 ? 1 : 0;
    return letters;
}

class Linter {
public:
    Linter(const LintTools& tools) : m_tools(tools) {}

    std::vector<Diagnostic> run(const DeckFile& deck)
    {
        for (const auto& entry : deck.entries)
            check_entry(entry);
        sort_by_line(m_out);
        return std::move(m_out);
    }

private:
    void error(int32_t line, std::string message) { m_out.push_back({line, Severity::Error, std::move(message)}); }
    void warning(int32_t line, std::string message) { m_out.push_back({line, Severity::Warning, std::move(message)}); }

    void check_entry(const DeckEntry& entry)
    {
        const Note& note = entry.note;
        const Field fields[] = {
            {"russian", &note.russian, true},          {"english", &note.english, false},
            {"pos", &note.part_of_speech, false},      {"grammar", &note.grammar, true},
            {"example_ru", &note.example_russian, true}, {"example_en", &note.example_english, false},
            {"notes", &note.notes, true},
        };
        for (const auto& field : fields)
            check_letters_and_marks(entry.line, field);
        check_headword_stress(entry.line, note.russian);
        check_duplicate_headword(entry.line, note.russian);
        if (!note.example_russian.empty() && !note.russian.empty())
            check_example(entry.line, note.russian, note.example_russian);
    }

    void check_letters_and_marks(int32_t line, const Field& field)
    {
        const std::string_view text = *field.text;
        // Most fields cannot fail: no mixed word without both ASCII letters and other letters,
        // no mark problem without a mark. Looking first keeps a 50,000-line lint fast.
        const bool has_mark = text.find("\u0301") != std::string_view::npos;
        const bool has_non_ascii = std::any_of(text.begin(), text.end(), [](char c) { return static_cast<uint8_t>(c) >= 0x80; });
        const bool has_ascii_letter = std::any_of(text.begin(), text.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        });
        if (!(has_non_ascii && has_ascii_letter) && !(field.russian && has_mark))
            return;
        for (std::string_view word : split_words(text)) {
            const WordLetters letters = count_letters(word);
            if (letters.cyrillic > 0 && letters.latin > 0)
                report_mixed_word(line, field, word, letters);
            if (field.russian && has_mark && letters.cyrillic > 0 && word_stress(word).marked.size() >= 2) {
                error(line, "two stress marks in one word " + in_quotes(word) + " (" + std::string(field.name) +
                                "): mark only the stressed vowel");
            }
        }
        if (!field.russian || !has_mark)
            return;
        for (size_t offset : misplaced_stress_marks(text)) {
            error(line, "stress mark not on a vowel in " + in_quotes(token_around(text, offset)) + " (" +
                            std::string(field.name) + "): put U+0301 right after the stressed vowel");
        }
    }

    void report_mixed_word(int32_t line, const Field& field, std::string_view word, const WordLetters& letters)
    {
        if (letters.cyrillic >= letters.latin) {
            for (const auto& latin : latin_letters(word)) {
                std::string message = "Latin letter " + in_quotes(utf8::encode(latin.letter)) + " inside the Cyrillic word " +
                                      in_quotes(word) + " (" + std::string(field.name) + ")";
                if (auto cyrillic = cyrillic_look_alike(latin.letter))
                    message += ": type the Cyrillic " + in_quotes(utf8::encode(*cyrillic));
                error(line, std::move(message));
            }
        } else {
            error(line, "Cyrillic letters inside the Latin word " + in_quotes(word) + " (" + std::string(field.name) +
                            "): retype the word with one keyboard layout");
        }
    }

    void check_headword_stress(int32_t line, std::string_view russian)
    {
        for (std::string_view word : split_words(russian)) {
            const WordLetters letters = count_letters(word);
            if (letters.cyrillic == 0 || letters.latin > 0 || letters.vowels < 2)
                continue;
            const WordStress stress = word_stress(word);
            // A misplaced or second mark is already an error; guessing past it would only add noise.
            if (stress.marked.size() > 1 || (!stress.stressed() && word.find("\u0301") != std::string_view::npos))
                continue;
            const std::string folded = fold_word(word);
            const uint32_t known = m_tools.stress ? m_tools.stress->stressed_vowels(folded) : 0;
            if (!stress.stressed()) {
                std::string message = in_quotes(word) + " has no stress mark (every word of two or more syllables "
                                                     "needs one; ё counts as stressed)";
                if (known != 0)
                    message += "; the stress dictionary has " + dictionary_forms(word, known);
                warning(line, std::move(message));
                continue;
            }
            // A word stressed only by its ё is right by definition: the dictionary often writes е.
            if (known == 0 || stress.marked.empty())
                continue;
            const bool agrees = std::all_of(stress.marked.begin(), stress.marked.end(), [&](int32_t vowel) {
                return vowel < 32 && (known & (1u << vowel)) != 0;
            });
            if (!agrees) {
                warning(line, "the stress of " + in_quotes(word) + " differs from the stress dictionary (" +
                                  dictionary_forms(word, known) + ")");
            }
        }
    }

    static std::string dictionary_forms(std::string_view word, uint32_t known)
    {
        const std::string plain = strip_stress_marks(word);
        std::string out;
        for (int32_t vowel = 0; vowel < 32; ++vowel) {
            if ((known & (1u << vowel)) == 0)
                continue;
            if (!out.empty())
                out += " or ";
            out += in_quotes(with_stress_mark(plain, vowel));
        }
        return out;
    }

    void check_duplicate_headword(int32_t line, const std::string& russian)
    {
        if (russian.empty())
            return;
        const std::string key = fold_word(russian);
        auto [it, inserted] = m_headwords.try_emplace(key, Headword{line, russian});
        if (inserted)
            return;
        // Homographs marked with different stresses (за́мок, замо́к) are different words.
        const Headword& first = it->second;
        const bool both_marked = first.text.find("\u0301") != std::string::npos &&
                                 russian.find("\u0301") != std::string::npos;
        if (both_marked && first.text != russian)
            return;
        warning(line, "duplicate Russian headword " + in_quotes(russian) + " (also on line " + std::to_string(first.line) + ")");
    }

    // Does the example hold `word` in some form? Same folded spelling, a shared hunspell lemma,
    // or, when hunspell knows one of the two words not at all, a long common beginning
    // (продразвёрстка, продразвёрстку).
    bool example_has(std::string_view word, const std::vector<std::string_view>& example_words)
    {
        const std::string folded = fold_word(word);
        const std::vector<std::string>* word_lemmas = nullptr;
        for (std::string_view candidate : example_words) {
            const std::string other = fold_word(candidate);
            if (other == folded)
                return true;
            // Forms of a word share its first letter; checking that first saves most lookups.
            if (other.empty() || folded.empty() || other.substr(0, 2) != folded.substr(0, 2))
                continue;
            bool unknown = true;
            if (m_tools.lemmas) {
                if (!word_lemmas)
                    word_lemmas = &m_tools.lemmas->lemmas(word);
                const auto& other_lemmas = m_tools.lemmas->lemmas(candidate);
                for (const auto& lemma : *word_lemmas) {
                    if (std::find(other_lemmas.begin(), other_lemmas.end(), lemma) != other_lemmas.end())
                        return true;
                }
                // hunspell-ru stems some past forms short (свергли → сверг, not свергнуть): a
                // lemma of five or more letters that begins the other word's lemma is one word.
                for (const auto& lemma : *word_lemmas) {
                    for (const auto& other_lemma : other_lemmas) {
                        const auto& shorter = lemma.size() < other_lemma.size() ? lemma : other_lemma;
                        const auto& longer = lemma.size() < other_lemma.size() ? other_lemma : lemma;
                        if (letter_count(shorter) >= 5 && longer.starts_with(shorter))
                            return true;
                    }
                }
                unknown = word_lemmas->empty() || other_lemmas.empty();
            }
            if (unknown) {
                const size_t length = letter_count(folded);
                const size_t common = common_prefix_letters(folded, other);
                if (common >= std::min<size_t>(4, length) && common + 3 >= length)
                    return true;
            }
        }
        return false;
    }

    // The folded word stands in the folded example as a whole word: the common case, found
    // without splitting or lemmas.
    static bool contains_whole_word(std::string_view folded_example, std::string_view folded_word)
    {
        auto is_letter_byte = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<uint8_t>(c) >= 0x80;
        };
        for (size_t at = folded_example.find(folded_word); at != std::string_view::npos;
             at = folded_example.find(folded_word, at + 1)) {
            const size_t end = at + folded_word.size();
            // Cyrillic letters are all two bytes, so a letter before or after shows in its last or
            // first byte. (A rare non-letter non-ASCII neighbour only sends the word the slow way.)
            if ((at == 0 || !is_letter_byte(folded_example[at - 1])) &&
                (end == folded_example.size() || !is_letter_byte(folded_example[end])))
                return true;
        }
        return false;
    }

    void check_example(int32_t line, std::string_view russian, std::string_view example)
    {
        const std::string folded_example = fold_word(example);
        std::vector<std::string_view> example_words;
        bool split = false;
        std::vector<std::string_view> missing;
        const std::vector<std::string_view> words = split_words(russian);
        for (std::string_view word : words) {
            const WordLetters letters = count_letters(word);
            if (letters.cyrillic < 2 || letters.latin > 0)
                continue; // one-letter words (в, к, с) change with their neighbours; mixed words are errors
            if (contains_whole_word(folded_example, fold_word(word)))
                continue;
            if (!split) {
                example_words = split_words(example);
                split = true;
            }
            if (!example_has(word, example_words))
                missing.push_back(word);
        }
        if (missing.empty())
            return;
        std::string list;
        for (std::string_view word : missing) {
            if (!list.empty())
                list += ", ";
            list += in_quotes(word);
        }
        std::string message = "the example sentence does not contain " + list;
        if (words.size() > 1)
            message += " (of " + in_quotes(russian) + ")";
        message += " in any form";
        warning(line, std::move(message));
    }

    struct Headword {
        int32_t line;
        std::string text;
    };

    const LintTools& m_tools;
    std::vector<Diagnostic> m_out;
    std::unordered_map<std::string, Headword> m_headwords;
};

} // namespace

std::vector<Diagnostic> lint_deck(const DeckFile& deck, const LintTools& tools)
{
    return Linter(tools).run(deck);
}

} // namespace letopis
