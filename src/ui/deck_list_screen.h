// The deck list: each deck with today's new / learning / due counts. Up/Down choose, Enter or a
// click starts studying.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/study_service.h"
#include "ui/ui_context.h"

namespace letopis {

class DeckListScreen {
public:
    struct Action {
        std::optional<DeckId> study;
        std::optional<UiPreferences> preferences; // the learner changed theme or text size
        bool options = false;                     // open the options of the selected deck
        bool import = false;                      // open the Import screen
    };

    Action frame(StudyService& study, const UiContext& ui, int64_t now_ms);
    void invalidate() { m_loaded_at_ms = -1; } // counts are reloaded on the next frame
    void reload(StudyService& study, int64_t now_ms); // reads the decks and their counts now

    const std::vector<DeckSummary>& decks() const { return m_decks; }
    int selected() const { return m_selected; }

private:
    void draw_preferences(const UiContext& ui, Action& action);

    std::vector<DeckSummary> m_decks;
    std::string m_error;
    int m_selected = 0;
    bool m_scroll_to_selected = false;
    int64_t m_loaded_at_ms = -1;
};

} // namespace letopis
