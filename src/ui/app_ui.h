// The root of the UI: owns the screens, switches between them, and handles the global keys
// (text size, theme). Called once a frame between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "service/study_service.h"
#include "ui/deck_list_screen.h"
#include "ui/deck_options_panel.h"
#include "ui/done_screen.h"
#include "ui/import_screen.h"
#include "ui/optimizer_panel.h"
#include "ui/review_screen.h"
#include "ui/ui_context.h"

namespace letopis {

enum class ScreenId { Decks, Review, Done, Options, Import };
const char* screen_name(ScreenId screen);
std::optional<ScreenId> screen_from_name(std::string_view name);

class AppUi {
public:
    // `optimizer` may be null (tests): the options screen then has no optimizer.
    AppUi(StudyService& study, UiContext context, OptimizerJob* optimizer = nullptr,
          ImportService* imports = nullptr);

    // A file dropped on the window: the Import screen opens with its preview.
    void open_import(const std::string& path);

    void frame(int64_t now_ms);

    // Opens a screen directly (for --screen): Review starts the first deck with cards to study.
    Status open(ScreenId screen, int64_t now_ms);

    ScreenId screen() const { return m_screen; }
    const ReviewScreen& review() const { return m_review; }
    const DeckListScreen& deck_list() const { return m_decks; }
    const DeckOptionsPanel& deck_options() const { return m_deck_options; }

    // The app applies a preference change (rebuilding fonts for a new scale) between frames.
    std::optional<UiPreferences> take_preferences_request();
    // New FSRS weights were applied on the options screen (taken once).
    bool take_weights_applied();
    // Something is animating (a running optimization): keep drawing frames.
    bool wants_frames() const;
    void set_context(UiContext context);
    const UiContext& context() const { return m_context; }

private:
    void handle_global_keys();
    void draw_options(int64_t now_ms);
    void open_options(int deck_index);
    void follow_sound(int64_t now_ms);
    void go_to_decks();

    StudyService& m_study;
    UiContext m_context;
    ScreenId m_screen = ScreenId::Decks;
    DeckListScreen m_decks;
    ReviewScreen m_review;
    DoneScreen m_done;
    OptimizerJob* m_optimizer = nullptr;
    ImportService* m_imports = nullptr;
    ImportScreen m_import;
    OptimizerPanel m_optimizer_panel;
    DeckOptionsPanel m_deck_options;
    bool m_weights_applied = false;
    std::optional<UiPreferences> m_preferences_request;
};

} // namespace letopis
