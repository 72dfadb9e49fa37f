// AnswerUndo: a stack of the session's review ids over Collection::undo_answer.
#include "service/answer_undo.h"

#include "service/study_session.h"
#include "storage/collection.h"

namespace letopis {

Result<Card> undo_answer(Collection& collection, ReviewId answer, int64_t now_ms, std::optional<NoteId> tagged_note)
{
    std::optional<Card> restored;
    Status undone = collection.transact([&]() -> Status {
        Result<Card> card = collection.undo_answer(answer, now_ms);
        if (!card)
            return card.error();
        restored = *card;
        if (!tagged_note)
            return {};
        auto note = collection.note(*tagged_note);
        if (!note)
            return note.error();
        note->tags = without_tag(note->tags, kLeechTag);
        auto saved = collection.upsert_note(*note);
        if (!saved)
            return saved.error();
        return {};
    });
    if (!undone)
        return undone.error();
    return *restored;
}

Result<std::optional<Card>> AnswerUndo::undo(Collection& collection, int64_t now_ms)
{
    while (!m_answers.empty()) {
        Result<Card> restored =
            undo_answer(collection, m_answers.back().review, now_ms, m_answers.back().tagged_note);
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
