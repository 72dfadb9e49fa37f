// Undo for a study session: the answers given in it, newest last, taken back one at a time
// (Ctrl+Z, or the undo button). The log stays append-only — see Collection::undo_answer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/model/card.h"
#include "util/ids.h"
#include "util/result.h"

namespace letopis {

class Collection;

// Takes back one answer: the review is marked undone and the card gets back the exact schedule it
// had before; if the answer tagged `tagged_note` "leech", the tag goes too (one transaction).
// Returns the card as restored. Errors as Collection::undo_answer.
Result<Card> undo_answer(Collection& collection, ReviewId answer, int64_t now_ms,
                         std::optional<NoteId> tagged_note = std::nullopt);

class AnswerUndo {
public:
    // Call with the id record_answer returned, after each answer of the session, and the note the
    // answer tagged "leech" if it did.
    void record(ReviewId answer, std::optional<NoteId> tagged_note = std::nullopt)
    {
        m_answers.push_back({answer, tagged_note});
    }
    bool can_undo() const { return !m_answers.empty(); }
    size_t depth() const { return m_answers.size(); }
    void clear() { m_answers.clear(); }

    // Takes back the newest answer of the session that can still be undone and returns its card
    // as restored — the card to show again — or nullopt when nothing is left. An answer that can
    // never be undone (already undone, or too old) is dropped on the way; on an I/O error the
    // answer stays, so undo can be tried again.
    Result<std::optional<Card>> undo(Collection& collection, int64_t now_ms);

private:
    struct Answer {
        ReviewId review;
        std::optional<NoteId> tagged_note;
    };
    std::vector<Answer> m_answers;
};

} // namespace letopis
