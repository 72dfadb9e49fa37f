// A study session on one deck: picks the next card, previews the four outcomes for the grade
// buttons, and commits each answer (card + review, one transaction) before moving on.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_set>

#include "core/scheduler/scheduler.h"
#include "service/deck_overview.h"
#include "service/study_settings.h"
#include "storage/collection.h"
#include "util/result.h"

namespace letopis {

class StudySession {
public:
    StudySession(Collection& collection, DeckInfo deck, StudySettings settings);

    // Chooses the card to show at `now_ms` (none when the deck is done for now).
    Status advance(int64_t now_ms);

    const std::optional<StudyCard>& current() const { return m_current; }
    const QueueCounts& remaining() const { return m_remaining; }
    const DeckInfo& deck() const { return m_deck; }
    int32_t answered() const { return m_answered; }
    // When the session is done but learning cards come back later today: the earliest due time.
    std::optional<int64_t> next_learning_due_ms() const { return m_next_learning_due_ms; }

    // Grades the current card at `now_ms`, commits it, then advances. When this returns ok, the
    // answer is on disk.
    Status answer(Rating rating, int64_t now_ms, int32_t duration_ms);

private:
    Result<std::optional<Card>> pick_card(int64_t now_ms);

    Collection& m_collection;
    DeckInfo m_deck;
    StudySettings m_settings;
    std::optional<StudyCard> m_current;
    QueueCounts m_remaining;
    std::optional<int64_t> m_next_learning_due_ms;
    std::unordered_set<NoteId> m_notes_seen; // siblings of a note studied today wait for another day
    int32_t m_answered = 0;
};

} // namespace letopis
