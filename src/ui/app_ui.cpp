// Screen switching and global keys.
#include "ui/app_ui.h"

#include <algorithm>

#include "ui/widgets.h"

namespace letopis {

const char* screen_name(ScreenId screen)
{
    switch (screen) {
    case ScreenId::Decks: return "decks";
    case ScreenId::Review: return "review";
    case ScreenId::Done: return "done";
    case ScreenId::Options: return "options";
    case ScreenId::Import: return "import";
    }
    return "?";
}

std::optional<ScreenId> screen_from_name(std::string_view name)
{
    for (auto screen : {ScreenId::Decks, ScreenId::Review, ScreenId::Done, ScreenId::Options, ScreenId::Import}) {
        if (name == screen_name(screen))
            return screen;
    }
    return std::nullopt;
}

AppUi::AppUi(StudyService& study, UiContext context, OptimizerJob* optimizer, ImportService* imports)
    : m_study(study), m_context(context), m_optimizer(optimizer), m_imports(imports)
{
}

void AppUi::open_import(const std::string& path)
{
    if (!m_imports)
        return;
    m_study.end_session();
    m_import.open_file(path);
    m_screen = ScreenId::Import;
}

bool AppUi::take_weights_applied()
{
    const bool applied = m_weights_applied;
    m_weights_applied = false;
    return applied;
}

bool AppUi::wants_frames() const { return m_optimizer && OptimizerPanel::wants_frames(*m_optimizer); }

void AppUi::open_options(int deck_index)
{
    const auto& decks = m_decks.decks();
    if (deck_index >= 0 && deck_index < static_cast<int>(decks.size()))
        m_deck_options.open(decks[deck_index].deck.id, decks[deck_index].deck.title);
    m_screen = ScreenId::Options;
}

void AppUi::draw_options(int64_t now_ms)
{
    (void)now_ms;
    const Palette& colours = m_context.colours();
    ImGui::PushFont(m_context.fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, colours.accent);
    ImGui::TextUnformatted("Options");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, m_context.px(4)));
    // The form can be taller than the window at large text sizes: it scrolls, the button stays.
    const float footer = ImGui::GetFrameHeightWithSpacing() + m_context.px(8);
    ImGui::BeginChild("options", ImVec2(0, std::max(m_context.px(120), ImGui::GetContentRegionAvail().y - footer)));
    if (m_deck_options.has_deck()) {
        if (m_deck_options.frame(m_study, m_context))
            m_decks.invalidate(); // limits and listening cards change the counts
        ImGui::Dummy(ImVec2(0, m_context.px(10)));
        ImGui::Separator();
        ImGui::Dummy(ImVec2(0, m_context.px(6)));
    }
    if (m_optimizer) {
        if (m_optimizer_panel.frame(*m_optimizer, m_context).applied)
            m_weights_applied = true;
    }
    ImGui::EndChild();
    if (ImGui::Button("Back to decks (Esc)") ||
        (named_key_pressed(ImGuiKey_Escape) && !(m_optimizer && OptimizerPanel::wants_frames(*m_optimizer))))
        go_to_decks();
}

void AppUi::set_context(UiContext context) { m_context = context; }

std::optional<UiPreferences> AppUi::take_preferences_request()
{
    auto request = m_preferences_request;
    m_preferences_request.reset();
    return request;
}

Status AppUi::open(ScreenId screen, int64_t now_ms)
{
    if (screen == ScreenId::Decks) {
        go_to_decks();
        return {};
    }
    if (screen == ScreenId::Options) {
        if (m_decks.decks().empty())
            m_decks.reload(m_study, now_ms); // --screen options: the list has not been drawn yet
        open_options(m_decks.selected());
        return {};
    }
    if (screen == ScreenId::Import && m_imports) {
        m_screen = screen;
        return {};
    }
    auto decks = m_study.deck_summaries(now_ms);
    if (!decks)
        return decks.error();
    if (decks->empty())
        return make_error(ErrorKind::NotFound, "The collection has no decks.");
    auto chosen = std::find_if(decks->begin(), decks->end(), [](const DeckSummary& d) { return d.today.total() > 0; });
    if (screen == ScreenId::Review && chosen == decks->end())
        return make_error(ErrorKind::NotFound, "No deck has cards to study now.");
    if (chosen == decks->end())
        chosen = decks->begin();
    TRY_STATUS(m_study.start_session(chosen->deck.id, now_ms));
    m_screen = screen;
    return {};
}

void AppUi::go_to_decks()
{
    if (m_context.speech)
        m_context.speech->stop();
    m_study.end_session();
    m_review.reset();
    m_decks.invalidate();
    m_screen = ScreenId::Decks;
}

void AppUi::handle_global_keys()
{
    const ImGuiIO& io = ImGui::GetIO();
    UiPreferences wanted = m_context.preferences;
    if (io.KeyCtrl && (key_pressed(m_context.keys.plus) || key_pressed(m_context.keys.keypad_plus)))
        wanted.scale = std::min(kMaxScale, wanted.scale + 0.125f);
    if (io.KeyCtrl && (key_pressed(m_context.keys.minus) || key_pressed(m_context.keys.keypad_minus)))
        wanted.scale = std::max(kMinScale, wanted.scale - 0.125f);
    if (key_pressed(m_context.keys.f2))
        wanted.theme = wanted.theme == Theme::Light ? Theme::Dark : Theme::Light;
    if (key_pressed(m_context.keys.f3))
        wanted.show_stress = !wanted.show_stress;
    if (!(wanted == m_context.preferences))
        m_preferences_request = wanted;
}

// Once sound is known not to work, listening cards leave the queues (a session under way starts
// again without them).
void AppUi::follow_sound(int64_t now_ms)
{
    const bool available = m_context.speech && m_context.speech->available();
    if (available == m_study.settings().sound_available)
        return;
    if (Status status = m_study.set_sound_available(available, now_ms); !status) {
        go_to_decks(); // the session could not start again; the deck list says what is wrong
        return;
    }
    m_decks.invalidate();
    if (m_screen == ScreenId::Review && !m_study.current())
        m_screen = ScreenId::Done;
}

void AppUi::frame(int64_t now_ms)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushFont(m_context.fonts.body);
    ImGui::Begin("Letopis", nullptr, flags);
    handle_global_keys();
    follow_sound(now_ms);

    // Ctrl+Z takes back the last answer, several deep, while studying (the Done screen included).
    if ((m_screen == ScreenId::Review || m_screen == ScreenId::Done) && ImGui::GetIO().KeyCtrl &&
        named_key_pressed(ImGuiKey_Z) && m_study.can_undo()) {
        if (m_study.undo(now_ms) && m_study.current())
            m_screen = ScreenId::Review;
    }

    switch (m_screen) {
    case ScreenId::Decks: {
        auto action = m_decks.frame(m_study, m_context, now_ms);
        if (action.preferences)
            m_preferences_request = action.preferences;
        if (action.options)
            open_options(m_decks.selected());
        if (action.import && m_imports)
            m_screen = ScreenId::Import;
        if (action.study) {
            auto status = m_study.start_session(*action.study, now_ms);
            if (status)
                m_screen = m_study.current() ? ScreenId::Review : ScreenId::Done;
        }
        break;
    }
    case ScreenId::Review:
        switch (m_review.frame(m_study, m_context, now_ms)) {
        case ReviewScreen::Action::BackToDecks: go_to_decks(); break;
        case ReviewScreen::Action::SessionDone: m_screen = ScreenId::Done; break;
        case ReviewScreen::Action::None: break;
        }
        if (auto wanted = m_review.take_preferences_request())
            m_preferences_request = wanted;
        break;
    case ScreenId::Options:
        draw_options(now_ms);
        break;
    case ScreenId::Import:
        if (m_imports) {
            switch (m_import.frame(*m_imports, m_context)) {
            case ImportScreen::Action::Close: go_to_decks(); break;
            case ImportScreen::Action::Imported: m_decks.invalidate(); break;
            case ImportScreen::Action::None: break;
            }
        } else {
            go_to_decks();
        }
        break;
    case ScreenId::Done:
        if (m_done.frame(m_study, m_context, now_ms) == DoneScreen::Action::BackToDecks) {
            go_to_decks();
        } else if (auto due = m_study.next_learning_due_ms(); due && *due <= now_ms + m_study.settings().learn_ahead_ms) {
            // A learning step has come due while the learner waited: carry on.
            if (m_study.refresh(now_ms) && m_study.current())
                m_screen = ScreenId::Review;
        }
        break;
    }
    ImGui::End();
    ImGui::PopFont();
}

} // namespace letopis
