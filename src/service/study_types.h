// Values the study use cases hand to the UI: today's counts, deck summaries, the card on show.
#pragma once

#include <cstdint>
#include <string>

#include "core/model/card.h"
#include "core/model/deck.h"
#include "core/scheduler/scheduler.h"

namespace letopis {

struct QueueCounts {
    int32_t new_cards = 0;
    int32_t learning = 0;
    int32_t review = 0;
    int32_t total() const { return new_cards + learning + review; }
};

struct DeckSummary {
    DeckInfo deck;
    QueueCounts today;
    int64_t notes = 0;
};

struct StudyCard {
    Card card;
    Note note;
    NextStates preview; // what each rating would do, computed when the card was shown
};

// Something the learner should be told after an answer (StudyService::take_notice).
enum class NoticeKind : uint8_t {
    Leech, // the card lapsed too often: it is suspended and its note tagged "leech"
};

struct StudyNotice {
    NoticeKind kind = NoticeKind::Leech;
    CardId card;
    NoteId note;
    std::string front;   // the card's prompt, as shown (Russian or English)
    int32_t lapses = 0;  // times forgotten, this one included
    std::string message; // one sentence for the learner, ready to show
};

} // namespace letopis
