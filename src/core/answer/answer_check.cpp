// Typed answer against expected: both sides become user-perceived letters (a stressed vowel is one
// letter), then an edit distance with swaps (optimal string alignment) finds the closest accepted
// form and the diff. Letters are compared case-folded, so costs never depend on case.
#include "core/answer/answer_check.h"

#include <algorithm>
#include <array>
#include <utility>

#include "text/letters.h"
#include "util/verify.h"

namespace letopis {
namespace {

constexpr int kEditCost = 100;    // one insertion, deletion, substitution or swap
constexpr int kLookAlikeCost = 1; // a Latin letter for its Cyrillic twin: never worth an edit
constexpr int kMinWordForTypo = 4;
// Past this many cells the alignment is not worth computing (someone pasted a page).
constexpr size_t kMaxCells = 1'000'000;

constexpr std::string_view kYo = "ё";
constexpr std::string_view kYe = "е";

// Case-folded pairs that look alike in print: Latin, then Cyrillic.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kLookAlikes{{
    {"a", "а"}, {"b", "в"}, {"b", "ь"}, {"c", "с"}, {"e", "е"}, {"h", "н"}, {"k", "к"},
    {"m", "м"}, {"o", "о"}, {"p", "р"}, {"t", "т"}, {"x", "х"}, {"y", "у"}, {"ë", "ё"},
}};

struct Unit {
    Letter letter;
    int word_length = 0; // letters in its run of letters and digits; 0 for other units
    int chunk = -1;      // index of its space-separated word; -1 for a space
};

struct Side {
    std::vector<Unit> units;
    std::vector<std::string> chunks; // each space-separated word as written
    std::vector<bool> chunk_has_cyrillic;
    std::vector<bool> chunk_has_latin;
    bool has_cyrillic = false;
    bool has_latin = false;
    bool has_stress = false;
};

bool is_word_letter(const Letter& letter)
{
    return letter.kind == LetterKind::Letter || letter.kind == LetterKind::Digit;
}

// Letters without the differences that never count: lone stress marks, surrounding and repeated
// spaces (any white space becomes one space), final punctuation.
Side prepare(std::string_view text)
{
    Side side;
    for (auto& letter : split_letters(text)) {
        if (letter.plain.empty())
            continue; // a stress mark with no letter to sit on
        if (letter.kind == LetterKind::Space) {
            if (side.units.empty() || side.units.back().letter.kind == LetterKind::Space)
                continue;
            letter.text = letter.plain = letter.folded = " ";
        }
        side.units.push_back({std::move(letter)});
    }
    while (!side.units.empty() && (side.units.back().letter.kind == LetterKind::Space ||
                                   side.units.back().letter.kind == LetterKind::Punctuation))
        side.units.pop_back();

    for (size_t i = 0; i < side.units.size();) {
        size_t end = i;
        while (end < side.units.size() && is_word_letter(side.units[end].letter))
            ++end;
        for (size_t k = i; k < end; ++k)
            side.units[k].word_length = static_cast<int>(end - i);
        i = end == i ? i + 1 : end;
    }
    for (size_t i = 0; i < side.units.size(); ++i) {
        auto& unit = side.units[i];
        const auto& letter = unit.letter;
        if (letter.kind == LetterKind::Space)
            continue;
        if (i == 0 || side.units[i - 1].letter.kind == LetterKind::Space) {
            side.chunks.emplace_back();
            side.chunk_has_cyrillic.push_back(false);
            side.chunk_has_latin.push_back(false);
        }
        unit.chunk = static_cast<int>(side.chunks.size()) - 1;
        side.chunks.back() += letter.text;
        const bool is_letter = letter.kind == LetterKind::Letter;
        if (is_letter && letter.script == Script::Cyrillic) {
            side.chunk_has_cyrillic.back() = true;
            side.has_cyrillic = true;
        }
        if (is_letter && letter.script == Script::Latin) {
            side.chunk_has_latin.back() = true;
            side.has_latin = true;
        }
        side.has_stress = side.has_stress || letter.stressed;
    }
    return side;
}

enum class Pair : uint8_t { Same, YoAccepted, LookAlike, Different };

bool look_alike(std::string_view expected, std::string_view typed)
{
    for (const auto& [latin, cyrillic] : kLookAlikes) {
        if ((typed == latin && expected == cyrillic) || (typed == cyrillic && expected == latin))
            return true;
    }
    // A Latin e typed for ё is a look-alike of the accepted е.
    return expected == kYo && typed == "e";
}

// A look-alike counts only inside a word that has letters of the expected script: a word typed
// wholly in Latin is a transliteration, not a slip of the keyboard layout.
Pair compare(const Unit& e, const Unit& t, const Side& typed)
{
    const auto& expected_letter = e.letter;
    const auto& typed_letter = t.letter;
    if (expected_letter.folded == typed_letter.folded)
        return Pair::Same;
    if (expected_letter.folded == kYo && typed_letter.folded == kYe)
        return Pair::YoAccepted;
    if (t.chunk < 0 || expected_letter.script == typed_letter.script)
        return Pair::Different;
    const bool word_has_expected_script =
        (expected_letter.script == Script::Cyrillic && typed.chunk_has_cyrillic[static_cast<size_t>(t.chunk)]) ||
        (expected_letter.script == Script::Latin && typed.chunk_has_latin[static_cast<size_t>(t.chunk)]);
    if (word_has_expected_script && look_alike(expected_letter.folded, typed_letter.folded))
        return Pair::LookAlike;
    return Pair::Different;
}

int pair_cost(Pair pair)
{
    switch (pair) {
    case Pair::Same:
    case Pair::YoAccepted: return 0;
    case Pair::LookAlike: return kLookAlikeCost;
    case Pair::Different: return kEditCost;
    }
    VERIFY_NOT_REACHED();
}

enum class OpKind : uint8_t { Pair, Missing, Extra, Swap };

// One step of the alignment. Indices are those of the first unit involved (a swap covers e, e+1
// and t, t+1); for an Extra letter `e` is the expected index it stands before, for a Missing one
// `t` is unused.
struct Op {
    OpKind kind = OpKind::Pair;
    Pair pair = Pair::Same;
    size_t e = 0;
    size_t t = 0;
};

struct Alignment {
    std::vector<Op> ops;
    size_t length_difference = 0; // between expected and typed, in letters
    int typos = 0;
    int look_alikes = 0;
    bool yo_for_e = false;
    int typo_word_length = 0; // for a single typo: the longest expected word it touches
    Verdict verdict = Verdict::Wrong;
};

int word_length_at(const Side& expected, size_t index)
{
    const auto& units = expected.units;
    if (index >= units.size())
        return 0;
    if (units[index].word_length > 0)
        return units[index].word_length;
    // A space or punctuation mark: the typo belongs to the words beside it.
    int length = 0;
    if (index > 0)
        length = std::max(length, units[index - 1].word_length);
    if (index + 1 < units.size())
        length = std::max(length, units[index + 1].word_length);
    return length;
}

int word_length_of(const Op& op, const Side& expected)
{
    switch (op.kind) {
    case OpKind::Pair:
    case OpKind::Missing: return word_length_at(expected, op.e);
    case OpKind::Swap: return std::max(word_length_at(expected, op.e), word_length_at(expected, op.e + 1));
    case OpKind::Extra: {
        const auto& units = expected.units;
        int length = op.e < units.size() ? units[op.e].word_length : 0;
        if (op.e > 0)
            length = std::max(length, units[op.e - 1].word_length);
        return length;
    }
    }
    VERIFY_NOT_REACHED();
}

bool is_yo_for_e(const Unit& e, const Unit& t) { return e.letter.folded == kYe && t.letter.folded == kYo; }

// Optimal string alignment distance (Levenshtein plus swaps of neighbours), then the path back.
Alignment align(const Side& expected, const Side& typed)
{
    const auto& e = expected.units;
    const auto& t = typed.units;
    const size_t n = e.size(), m = t.size();
    Alignment result;
    result.length_difference = n > m ? n - m : m - n;
    if ((n + 1) * (m + 1) > kMaxCells) {
        for (size_t i = 0; i < n; ++i)
            result.ops.push_back({OpKind::Missing, Pair::Different, i, 0});
        for (size_t j = 0; j < m; ++j)
            result.ops.push_back({OpKind::Extra, Pair::Different, n, j});
        result.typos = static_cast<int>(n + m);
        return result;
    }
    const size_t width = m + 1;
    std::vector<int> cost((n + 1) * width, 0);
    auto at = [&](size_t i, size_t j) -> int& { return cost[i * width + j]; };
    std::vector<Pair> pairs(n * m);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j)
            pairs[i * m + j] = compare(e[i], t[j], typed);
    auto pair_at = [&](size_t i, size_t j) { return pairs[i * m + j]; };
    auto swap_cost = [&](size_t i, size_t j) {
        // Expected letters i-2, i-1 typed as j-1, j-2 (1-based ends).
        const Pair first = pair_at(i - 2, j - 1), second = pair_at(i - 1, j - 2);
        if (first == Pair::Different || second == Pair::Different || pair_at(i - 1, j - 1) != Pair::Different)
            return -1;
        return kEditCost + pair_cost(first) + pair_cost(second);
    };

    for (size_t i = 0; i <= n; ++i)
        at(i, 0) = static_cast<int>(i) * kEditCost;
    for (size_t j = 0; j <= m; ++j)
        at(0, j) = static_cast<int>(j) * kEditCost;
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            int best = at(i - 1, j - 1) + pair_cost(pair_at(i - 1, j - 1));
            best = std::min(best, at(i - 1, j) + kEditCost);
            best = std::min(best, at(i, j - 1) + kEditCost);
            if (i > 1 && j > 1) {
                const int swap = swap_cost(i, j);
                if (swap >= 0)
                    best = std::min(best, at(i - 2, j - 2) + swap);
            }
            at(i, j) = best;
        }
    }

    // Walk back preferring pairs, then swaps, then missing, then extra letters.
    size_t i = n, j = m;
    while (i > 0 || j > 0) {
        if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + pair_cost(pair_at(i - 1, j - 1))) {
            result.ops.push_back({OpKind::Pair, pair_at(i - 1, j - 1), i - 1, j - 1});
            --i, --j;
        } else if (i > 1 && j > 1 && swap_cost(i, j) >= 0 && at(i, j) == at(i - 2, j - 2) + swap_cost(i, j)) {
            result.ops.push_back({OpKind::Swap, Pair::Different, i - 2, j - 2});
            i -= 2, j -= 2;
        } else if (i > 0 && at(i, j) == at(i - 1, j) + kEditCost) {
            result.ops.push_back({OpKind::Missing, Pair::Different, i - 1, j});
            --i;
        } else {
            VERIFY(j > 0 && at(i, j) == at(i, j - 1) + kEditCost);
            result.ops.push_back({OpKind::Extra, Pair::Different, i, j - 1});
            --j;
        }
    }
    std::reverse(result.ops.begin(), result.ops.end());

    for (const auto& op : result.ops) {
        const bool is_edit = op.kind != OpKind::Pair || op.pair == Pair::Different;
        if (op.kind == OpKind::Pair && op.pair == Pair::LookAlike)
            ++result.look_alikes;
        if (op.kind == OpKind::Swap) {
            result.look_alikes += (pair_at(op.e, op.t + 1) == Pair::LookAlike) + (pair_at(op.e + 1, op.t) == Pair::LookAlike);
        }
        if (!is_edit)
            continue;
        ++result.typos;
        result.typo_word_length = std::max(result.typo_word_length, word_length_of(op, expected));
        if (op.kind == OpKind::Pair && is_yo_for_e(e[op.e], t[op.t]))
            result.yo_for_e = true;
    }
    if (result.typos == 0)
        result.verdict = result.look_alikes > 0 ? Verdict::Almost : Verdict::Correct;
    else if (result.typos == 1 && !result.yo_for_e && result.typo_word_length >= kMinWordForTypo)
        result.verdict = Verdict::Almost;
    else
        result.verdict = Verdict::Wrong;
    return result;
}

bool better(const Alignment& a, const Alignment& b)
{
    if (a.verdict != b.verdict)
        return a.verdict < b.verdict;
    if (a.typos != b.typos)
        return a.typos < b.typos;
    if (a.look_alikes != b.look_alikes)
        return a.look_alikes < b.look_alikes;
    // зделать is one letter off both делать and сделать: the form of the typed length is more
    // likely the one meant.
    return a.length_difference < b.length_difference;
}

void add_token(std::vector<DiffToken>& tokens, DiffKind kind, std::string_view expected, std::string_view typed)
{
    if (tokens.empty() || tokens.back().kind != kind)
        tokens.push_back({kind, {}, {}});
    tokens.back().expected += expected;
    tokens.back().typed += typed;
}

std::vector<DiffToken> make_tokens(const Alignment& alignment, const Side& expected, const Side& typed)
{
    std::vector<DiffToken> tokens;
    for (const auto& op : alignment.ops) {
        switch (op.kind) {
        case OpKind::Pair: {
            const auto& e = expected.units[op.e].letter;
            const auto& t = typed.units[op.t].letter;
            const bool wrong = op.pair == Pair::Different || op.pair == Pair::LookAlike;
            add_token(tokens, wrong ? DiffKind::Wrong : DiffKind::Match, e.text, t.text);
            break;
        }
        case OpKind::Swap:
            add_token(tokens, DiffKind::Wrong,
                      expected.units[op.e].letter.text + expected.units[op.e + 1].letter.text,
                      typed.units[op.t].letter.text + typed.units[op.t + 1].letter.text);
            break;
        case OpKind::Missing: add_token(tokens, DiffKind::Missing, expected.units[op.e].letter.text, {}); break;
        case OpKind::Extra: add_token(tokens, DiffKind::Extra, {}, typed.units[op.t].letter.text); break;
        }
    }
    return tokens;
}

std::string join(const std::vector<std::string>& items, std::string_view separator)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += separator;
        out += items[i];
    }
    return out;
}

void add_note(std::vector<AnswerNote>& notes, AnswerNote note)
{
    if (std::find(notes.begin(), notes.end(), note) == notes.end())
        notes.push_back(std::move(note));
}

std::string chunk_of(const Side& side, size_t index)
{
    const int chunk = side.units[index].chunk;
    return chunk < 0 ? std::string() : side.chunks[static_cast<size_t>(chunk)];
}

// Stress is never graded, but a learner who marks it should hear where it really falls. A word
// without a mark is stressed on its ё, if it has one; words with neither are not judged.
void add_stress_notes(std::vector<AnswerNote>& notes, const Alignment& alignment, const Side& expected,
                      const Side& typed)
{
    if (!typed.has_stress)
        return;
    struct WordStress {
        std::vector<size_t> marked, yo, typed_marks;
        int typed_chunk = -1;
    };
    std::vector<WordStress> words(expected.chunks.size());
    for (size_t i = 0; i < expected.units.size(); ++i) {
        const auto& unit = expected.units[i];
        if (unit.chunk < 0)
            continue;
        auto& word = words[static_cast<size_t>(unit.chunk)];
        if (unit.letter.stressed)
            word.marked.push_back(i);
        if (unit.letter.folded == kYo)
            word.yo.push_back(i);
    }
    for (const auto& op : alignment.ops) {
        if (op.kind != OpKind::Pair || expected.units[op.e].chunk < 0)
            continue;
        auto& word = words[static_cast<size_t>(expected.units[op.e].chunk)];
        if (word.typed_chunk < 0)
            word.typed_chunk = typed.units[op.t].chunk;
        if (typed.units[op.t].letter.stressed)
            word.typed_marks.push_back(op.e);
    }
    for (size_t w = 0; w < words.size(); ++w) {
        const auto& word = words[w];
        const auto& stressed = word.marked.empty() ? word.yo : word.marked;
        if (stressed.empty() || word.typed_marks.empty() || word.typed_marks == stressed)
            continue;
        const std::string typed_word =
            word.typed_chunk < 0 ? std::string() : typed.chunks[static_cast<size_t>(word.typed_chunk)];
        add_note(notes, {NoteKind::StressElsewhere, expected.chunks[w], typed_word, {}});
    }
}

std::vector<AnswerNote> make_notes(const Alignment& alignment, const Side& expected, const Side& typed)
{
    std::vector<AnswerNote> notes;
    if (expected.has_cyrillic && !expected.has_latin && typed.has_latin && !typed.has_cyrillic)
        add_note(notes, {NoteKind::TypedInLatin, {}, join(typed.chunks, " "), {}});
    if (expected.has_latin && !expected.has_cyrillic && typed.has_cyrillic && !typed.has_latin)
        add_note(notes, {NoteKind::TypedInCyrillic, {}, join(typed.chunks, " "), {}});

    auto note_look_alike = [&](size_t e, size_t t) {
        const auto& letter = typed.units[t].letter;
        const auto kind = letter.script == Script::Latin ? NoteKind::LatinLetters : NoteKind::CyrillicLetters;
        const std::string word = chunk_of(expected, e), typed_word = chunk_of(typed, t);
        auto it = std::find_if(notes.begin(), notes.end(), [&](const AnswerNote& note) {
            return note.kind == kind && note.typed == typed_word && note.word == word;
        });
        if (it == notes.end())
            it = notes.insert(notes.end(), {kind, word, typed_word, {}});
        if (std::find(it->letters.begin(), it->letters.end(), letter.text) == it->letters.end())
            it->letters.push_back(letter.text);
        if (expected.units[e].letter.folded == kYo)
            add_note(notes, {NoteKind::YoAccepted, word, typed_word, {}});
    };
    for (const auto& op : alignment.ops) {
        if (op.kind == OpKind::Swap) {
            if (compare(expected.units[op.e], typed.units[op.t + 1], typed) == Pair::LookAlike)
                note_look_alike(op.e, op.t + 1);
            if (compare(expected.units[op.e + 1], typed.units[op.t], typed) == Pair::LookAlike)
                note_look_alike(op.e + 1, op.t);
            continue;
        }
        if (op.kind != OpKind::Pair)
            continue;
        if (op.pair == Pair::YoAccepted)
            add_note(notes, {NoteKind::YoAccepted, chunk_of(expected, op.e), chunk_of(typed, op.t), {}});
        else if (op.pair == Pair::LookAlike)
            note_look_alike(op.e, op.t);
        else if (op.pair == Pair::Different && is_yo_for_e(expected.units[op.e], typed.units[op.t]))
            add_note(notes, {NoteKind::YoForE, chunk_of(expected, op.e), chunk_of(typed, op.t), {}});
    }
    add_stress_notes(notes, alignment, expected, typed);
    return notes;
}

} // namespace

std::string_view verdict_name(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Correct: return "correct";
    case Verdict::Almost: return "almost";
    case Verdict::Wrong: return "wrong";
    }
    VERIFY_NOT_REACHED();
}

Rating suggested_rating(Verdict verdict) { return verdict == Verdict::Correct ? Rating::Good : Rating::Again; }

std::string_view diff_kind_name(DiffKind kind)
{
    switch (kind) {
    case DiffKind::Match: return "match";
    case DiffKind::Wrong: return "wrong";
    case DiffKind::Missing: return "missing";
    case DiffKind::Extra: return "extra";
    }
    VERIFY_NOT_REACHED();
}

std::string note_text(const AnswerNote& note)
{
    switch (note.kind) {
    case NoteKind::YoAccepted: return "е accepted for ё: the word is spelt " + note.word + ".";
    case NoteKind::YoForE: return "ё is not е: the word is " + note.word + ", you typed " + note.typed + ".";
    case NoteKind::LatinLetters: return "You typed Latin " + join(note.letters, ", ") + " in " + note.typed + ".";
    case NoteKind::CyrillicLetters:
        return "You typed Cyrillic " + join(note.letters, ", ") + " in " + note.typed + ".";
    case NoteKind::TypedInLatin:
        return "You typed Latin letters: switch to a Russian keyboard layout or the phonetic input.";
    case NoteKind::TypedInCyrillic: return "You typed Cyrillic letters where the answer is in English.";
    case NoteKind::StressElsewhere:
        return "Stress: " + note.word + " (you marked " + note.typed + ").";
    }
    VERIFY_NOT_REACHED();
}

AnswerCheck check_answer(std::string_view expected_field, std::string_view typed_text, AnswerField field)
{
    AnswerCheck check;
    check.expected = parse_expected(expected_field, field);
    const Side typed = prepare(typed_text);

    if (check.expected.alternatives.empty()) {
        // Nothing to type: only an empty answer fits.
        check.verdict = typed.units.empty() ? Verdict::Correct : Verdict::Wrong;
        for (const auto& unit : typed.units)
            add_token(check.tokens, DiffKind::Extra, {}, unit.letter.text);
        check.typos = static_cast<int>(typed.units.size());
        return check;
    }

    bool found = false;
    Alignment best;
    Side best_side;
    for (size_t a = 0; a < check.expected.alternatives.size(); ++a) {
        for (const auto& variant : check.expected.alternatives[a].variants) {
            Side side = prepare(variant);
            Alignment alignment = align(side, typed);
            if (!found || better(alignment, best)) {
                found = true;
                best = std::move(alignment);
                best_side = std::move(side);
                check.alternative = static_cast<int>(a);
                check.closest = variant;
            }
        }
    }
    check.verdict = typed.units.empty() ? Verdict::Wrong : best.verdict;
    check.typos = best.typos;
    check.tokens = make_tokens(best, best_side, typed);
    check.notes = make_notes(best, best_side, typed);
    return check;
}

std::string diff_text(const std::vector<DiffToken>& tokens)
{
    std::string out;
    for (const auto& token : tokens) {
        switch (token.kind) {
        case DiffKind::Match: out += token.expected; break;
        case DiffKind::Wrong: out += "[" + token.typed + "→" + token.expected + "]"; break;
        case DiffKind::Missing: out += "[+" + token.expected + "]"; break;
        case DiffKind::Extra: out += "[-" + token.typed + "]"; break;
        }
    }
    return out;
}

} // namespace letopis
