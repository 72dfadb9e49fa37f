// The review screen: the front of the card large, Space/Enter reveals the back, keys 1–4 or the
// buttons grade it. The answer is committed before the next card is shown. A listening card
// plays the word and asks for it typed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/answer/answer_check.h"
#include "service/study_service.h"
#include "ui/answer_input.h"
#include "ui/ui_context.h"

namespace letopis {

class ReviewScreen {
public:
    enum class Action { None, BackToDecks, SessionDone };

    Action frame(StudyService& study, const UiContext& ui, int64_t now_ms);

    bool revealed() const { return m_revealed; }
    // Leaving the screen: the next card shown, even the same one, starts hidden.
    void reset() { m_shown_card = {}; }
    const std::string& error() const { return m_error; }
    // The check of the last typed answer on this card, once submitted.
    const std::optional<AnswerCheck>& answer_check() const { return m_check; }
    // A change of preferences asked for on this screen (phonetic typing, keyboard).
    std::optional<UiPreferences> take_preferences_request();

private:
    void draw_header(StudyService& study, const UiContext& ui, int64_t now_ms);
    void draw_card(const StudyCard& card, const UiContext& ui, float height);
    void draw_check(const UiContext& ui);
    Action draw_answer_bar(StudyService& study, const UiContext& ui, int64_t now_ms);
    void draw_typing_bar(const StudyCard& card, const UiContext& ui);
    Action grade(StudyService& study, Rating rating, int64_t now_ms);
    bool typed(const StudyCard& card) const;

    void draw_listening_prompt(const StudyCard& card, const UiContext& ui);
    void speak_if_due(const StudyCard& card, SpeakWhen when, const UiContext& ui);
    void handle_replay_key(const StudyCard& card, const UiContext& ui);
    bool russian_visible(const StudyCard& card) const;

    bool m_revealed = false;
    bool m_romanization = false;
    bool m_spoken_on_show = false;
    bool m_spoken_on_reveal = false;
    std::string m_notice; // e.g. why there is no sound
    AnswerInput m_input;
    std::optional<AnswerCheck> m_check;
    std::optional<UiPreferences> m_preferences_request;
    CardId m_shown_card;
    int64_t m_shown_at_ms = 0;
    std::string m_error;
};

} // namespace letopis
