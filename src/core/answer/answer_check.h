// Checking a typed answer against the expected one, knowing Russian: stress, case, spacing, final
// punctuation and NFC/NFD are ignored, е for ё is accepted, Latin look-alikes are named, one typo
// in a word of four or more letters is "almost". Pure: no I/O, clock or randomness.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/answer/expected_answer.h"
#include "core/model/card.h"

namespace letopis {

enum class Verdict : uint8_t { Correct, Almost, Wrong };
std::string_view verdict_name(Verdict verdict); // "correct", "almost", "wrong"

// The rating the grade buttons pre-select: Good for a correct answer, Again otherwise.
Rating suggested_rating(Verdict verdict);

enum class DiffKind : uint8_t {
    Match,   // typed as expected (up to the ignored differences)
    Wrong,   // typed something else in its place (a substitution, a swap or a look-alike letter)
    Missing, // expected but not typed
    Extra,   // typed but not expected
};
std::string_view diff_kind_name(DiffKind kind); // "match", "wrong", "missing", "extra"

// A run of letters of one kind. Adjacent letters of the same kind form one token, so the tokens
// alternate in kind; reading the `expected` of all but Extra tokens gives the expected answer.
struct DiffToken {
    DiffKind kind = DiffKind::Match;
    std::string expected; // the expected form (NFC, with its stress marks and ё); empty for Extra
    std::string typed;    // what was typed there (NFC); empty for Missing
    bool operator==(const DiffToken&) const = default;
};

enum class NoteKind : uint8_t {
    YoAccepted,      // е typed for ё: accepted; `word` shows the ё
    YoForE,          // ё typed where the word has е: a different letter, so the answer is wrong
    LatinLetters,    // Latin look-alikes in a Cyrillic word; `letters` names them
    CyrillicLetters, // Cyrillic look-alikes in a Latin word (English answers); `letters` names them
    TypedInLatin,    // the whole answer is in Latin letters where Russian is expected
    TypedInCyrillic, // the whole answer is in Cyrillic letters where English is expected
    StressElsewhere, // the learner marked stress on another vowel (never changes the verdict)
};

struct AnswerNote {
    NoteKind kind = NoteKind::YoAccepted;
    std::string word;                 // the expected word, with stress marks and ё (empty for TypedIn*)
    std::string typed;                // the word as typed (the whole answer for TypedIn*)
    std::vector<std::string> letters; // *Letters: the look-alikes as typed, first occurrence order
    bool operator==(const AnswerNote&) const = default;
};

// One English sentence for the learner, e.g. "You typed Latin o in пoлитика."
std::string note_text(const AnswerNote& note);

struct AnswerCheck {
    Verdict verdict = Verdict::Wrong;
    std::vector<DiffToken> tokens;  // the typed answer against `closest`
    std::vector<AnswerNote> notes;  // in the order found, no duplicates
    ExpectedAnswer expected;        // every accepted answer, parsed from the field
    int alternative = -1;           // index into expected.alternatives of `closest`; -1 if none
    std::string closest;            // the accepted form nearest to the typed answer
    int typos = 0;                  // insertions, deletions, substitutions and swaps found
};

// `expected` is a deck field in the syntax of docs/deck-format.md; `typed` is the learner's
// answer in any normalisation form. The verdict:
//   correct — equal once stress marks, case, surrounding and repeated spaces, final punctuation
//             and NFC/NFD are ignored, with е accepted for ё;
//   almost  — equal but for Latin look-alike letters in a Cyrillic word, and/or one typo (one
//             insertion, deletion, substitution or swap of neighbours) in a word of ≥ 4 letters;
//   wrong   — anything else, including ё typed for е, й/и mixed up in a word of < 4 letters, an
//             empty answer. An empty field accepts only an empty answer.
// The closest of all accepted forms (fewest typos) is the one compared and shown.
AnswerCheck check_answer(std::string_view expected, std::string_view typed,
                         AnswerField field = AnswerField::Russian);

// A one-line rendering of the diff for the command line: matches as expected,
// [typed→expected] for Wrong, [+expected] for Missing, [-typed] for Extra.
std::string diff_text(const std::vector<DiffToken>& tokens);

} // namespace letopis
