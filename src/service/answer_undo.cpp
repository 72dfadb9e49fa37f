// AnswerUndo: a stack of the session's review ids over Collection::undo_answer.
#include "service/answer_undo.h"

#include "storage/collection.h"

namespace letopis {

Result<Card> undo_answer(Collection& collection, ReviewId answer, int64_t now_ms)
{
    return collection.undo_answer(answer, now_ms);
}

Result<std::optional<Card>> AnswerUndo::undo(Collection& collection, int64_t now_ms)
{
    while (!m_answers.empty()) {
        Result<Card> restored = collection.undo_answer(m_answers.back(), now_ms);
        if (restored) {
            m_answers.pop_back();
            return std::optional<Card>(*restored);
        }
        switch (restored.error().kind) {
        case ErrorKind::NotFound:
        case ErrorKind::InvalidInput:
        case ErrorKind::Unsupported: m_answers.pop_back(); break; // it will never succeed
        default: return restored.error();
        }
    }
    return std::optional<Card>();
}

} // namespace letopis
