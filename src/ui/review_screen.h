// The review screen: the front of the card large, Space/Enter reveals the back, keys 1–4 or the
// buttons grade it. The answer is committed before the next card is shown.
#pragma once

#include <cstdint>
#include <string>

#include "service/study_service.h"
#include "ui/ui_context.h"

namespace letopis {

class ReviewScreen {
public:
    enum class Action { None, BackToDecks, SessionDone };

    Action frame(StudyService& study, const UiContext& ui, int64_t now_ms);

    bool revealed() const { return m_revealed; }
    const std::string& error() const { return m_error; }

private:
    void draw_header(StudyService& study, const UiContext& ui);
    void draw_card(const StudyCard& card, const UiContext& ui, float height);
    Action draw_answer_bar(StudyService& study, const UiContext& ui, int64_t now_ms);
    Action grade(StudyService& study, Rating rating, int64_t now_ms);

    bool m_revealed = false;
    CardId m_shown_card;
    int64_t m_shown_at_ms = 0;
    std::string m_error;
};

} // namespace letopis
