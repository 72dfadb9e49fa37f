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
// had before. Returns the card as restored. Errors as Collection::undo_answer.
Result<Card> undo_answer(Collection& collection, ReviewId answer, int64_t now_ms);

class AnswerUndo {
public:
    // Call with the id record_answer returned, after each answer of the session.
    void record(ReviewId answer) { m_answers.push_back(answer); }
    bool can_undo() const { return !m_answers.empty(); }
    size_t depth() const { return m_answers.size(); }
    void clear() { m_answers.clear(); }

    // Takes back the newest answer of the session that can still be undone and returns its card
    // as restored — the card to show again — or nullopt when nothing is left. An answer that can
    // never be undone (already undone, or too old) is dropped on the way; on an I/O error the
    // answer stays, so undo can be tried again.
    Result<std::optional<Card>> undo(Collection& collection, int64_t now_ms);

private:
    std::vector<ReviewId> m_answers;
};

} // namespace letopis
