// Deck options, per-deck section: when the Russian side is spoken, listening cards, the daily
// limits and the scheduler's options for this deck. Edits stay on screen until Save stores them.
#pragma once

#include <optional>
#include <string>

#include "service/study_service.h"
#include "ui/ui_context.h"

namespace letopis {

class DeckOptionsPanel {
public:
    // Shows `deck` (its options are read on the first frame after a change of deck).
    void open(DeckId deck, std::string title);
    // Draws into the current window. Returns true on the frame the options were saved.
    bool frame(StudyService& study, const UiContext& ui);

    bool has_deck() const { return m_deck.has_value(); }
    const std::string& error() const { return m_error; }
    const std::optional<DeckOptions>& edited() const { return m_edited; }

private:
    void load(StudyService& study);
    void show_saved(); // the form shows the stored options again
    bool edited_since_saved() const;
    void draw_sound(const UiContext& ui);
    void draw_limits(const UiContext& ui);
    void draw_scheduler(const UiContext& ui);
    bool save(StudyService& study);

    std::optional<DeckId> m_deck;
    std::string m_title;
    std::optional<DeckOptions> m_saved;  // as stored
    std::optional<DeckOptions> m_edited; // as on screen
    std::string m_learning_steps;        // text boxes, parsed on Save
    std::string m_relearning_steps;
    std::string m_error;
    std::string m_notice;
};

} // namespace letopis
