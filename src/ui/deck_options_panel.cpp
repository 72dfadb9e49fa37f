// The per-deck options form. Numbers are clamped by the service when saved; learning steps are
// parsed here so that a typo is named before anything is stored.
#include "ui/deck_options_panel.h"

#include <algorithm>
#include <array>

#include <imgui.h>

#include "core/scheduler/interval_text.h"
#include "ui/widgets.h"

namespace letopis {
namespace {

void muted_text(const UiContext& ui, const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().muted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void section_title(const UiContext& ui, const char* title)
{
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().accent);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
}

// ImGui::InputText on a std::string without the imgui_stdlib helper (not in Debian's package).
bool input_text(const char* label, std::string& text, float width)
{
    std::array<char, 128> buffer{};
    text.copy(buffer.data(), std::min(text.size(), buffer.size() - 1));
    ImGui::SetNextItemWidth(width);
    if (!ImGui::InputText(label, buffer.data(), buffer.size()))
        return false;
    text = buffer.data();
    return true;
}

bool input_int(const char* label, int32_t& value, float width)
{
    int shown = value;
    ImGui::SetNextItemWidth(width);
    if (!ImGui::InputInt(label, &shown, 1, 10))
        return false;
    value = shown;
    return true;
}

} // namespace

void DeckOptionsPanel::open(DeckId deck, std::string title)
{
    if (m_deck == deck)
        return;
    m_deck = deck;
    m_title = std::move(title);
    m_saved.reset();
    m_edited.reset();
    m_error.clear();
    m_notice.clear();
}

void DeckOptionsPanel::load(StudyService& study)
{
    auto options = study.deck_options(*m_deck);
    if (!options) {
        m_error = "The options of this deck could not be read: " + options.error().describe();
        return;
    }
    m_saved = *options;
    show_saved();
}

void DeckOptionsPanel::show_saved()
{
    m_edited = m_saved;
    m_learning_steps = format_steps(m_saved->learning_steps_minutes);
    m_relearning_steps = format_steps(m_saved->relearning_steps_minutes);
}

bool DeckOptionsPanel::edited_since_saved() const
{
    return !(*m_edited == *m_saved) || m_learning_steps != format_steps(m_saved->learning_steps_minutes) ||
           m_relearning_steps != format_steps(m_saved->relearning_steps_minutes);
}

bool DeckOptionsPanel::frame(StudyService& study, const UiContext& ui)
{
    if (!m_deck)
        return false;
    if (!m_edited && m_error.empty())
        load(study);

    ImGui::PushID("deck-options");
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(atlas_text(ui, m_title).c_str());
    ImGui::PopFont();
    bool saved = false;
    if (m_edited) {
        draw_sound(ui);
        draw_limits(ui);
        draw_scheduler(ui);
        ImGui::Dummy(ImVec2(0, ui.px(6)));
        const bool changed = edited_since_saved();
        if (changed)
            m_notice.clear(); // "Saved." belongs to what is on screen only until it is edited
        ImGui::BeginDisabled(!changed);
        if (ImGui::Button("Save these options"))
            saved = save(study);
        ImGui::SameLine();
        if (ImGui::Button("Undo changes")) {
            show_saved();
            m_error.clear();
        }
        ImGui::EndDisabled();
    }
    if (!m_notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().good);
        ImGui::TextWrapped("%s", m_notice.c_str());
        ImGui::PopStyleColor();
    }
    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().again);
        ImGui::TextWrapped("%s", m_error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
    return saved;
}

void DeckOptionsPanel::draw_sound(const UiContext& ui)
{
    DeckOptions& options = *m_edited;
    section_title(ui, "Sound");
    ImGui::TextUnformatted("Speak the Russian side:");
    ImGui::SameLine();
    int speak = static_cast<int>(options.speak);
    ImGui::RadioButton("Off", &speak, static_cast<int>(SpeakWhen::Off));
    ImGui::SameLine();
    ImGui::RadioButton("When the card is shown", &speak, static_cast<int>(SpeakWhen::OnShow));
    ImGui::SameLine();
    ImGui::RadioButton("When the answer is revealed", &speak, static_cast<int>(SpeakWhen::OnReveal));
    options.speak = static_cast<SpeakWhen>(speak);
    ImGui::Checkbox("Listening cards: hear the word, type what you heard", &options.listening);
    muted_text(ui, "Each word of the deck gets a third card with its own schedule. Turning them off "
                   "keeps their history for when they are turned on again.");
    if (!ui.speech || !ui.speech->available())
        muted_text(ui, "There is no sound on this computer now, so listening cards wait until there is.");
}

void DeckOptionsPanel::draw_limits(const UiContext& ui)
{
    DeckOptions& options = *m_edited;
    section_title(ui, "Each day");
    input_int("New cards", options.new_per_day, ui.px(140));
    ImGui::SameLine(0, ui.px(24));
    input_int("Reviews at most", options.reviews_per_day, ui.px(140));
}

void DeckOptionsPanel::draw_scheduler(const UiContext& ui)
{
    DeckOptions& options = *m_edited;
    section_title(ui, "Scheduling");
    auto retention = static_cast<float>(options.desired_retention);
    ImGui::SetNextItemWidth(ui.px(240));
    if (ImGui::SliderFloat("Desired retention", &retention, static_cast<float>(kMinDesiredRetention),
                           static_cast<float>(kMaxDesiredRetention), "%.2f"))
        options.desired_retention = static_cast<double>(retention);
    ImGui::SameLine(0, ui.px(24));
    input_int("Longest interval (days)", options.maximum_interval_days, ui.px(140));
    input_text("Learning steps", m_learning_steps, ui.px(160));
    ImGui::SameLine(0, ui.px(24));
    input_text("Relearning steps", m_relearning_steps, ui.px(160));
    ImGui::SameLine(0, ui.px(24));
    input_int("Leech after lapses (0: never)", options.leech_threshold, ui.px(120));
    muted_text(ui, "Steps are written like \"1m 10m\" or \"10m 1d\". Higher retention means more reviews.");
}

bool DeckOptionsPanel::save(StudyService& study)
{
    DeckOptions options = *m_edited;
    auto learning = parse_steps(m_learning_steps);
    auto relearning = parse_steps(m_relearning_steps);
    if (!learning || !relearning) {
        m_error = std::string("The ") + (!learning ? "learning" : "relearning") + " steps \"" +
                  (!learning ? m_learning_steps : m_relearning_steps) +
                  "\" could not be read: write each step as minutes, hours or days, e.g. \"1m 10m\" or \"1h 1d\".";
        return false;
    }
    options.learning_steps_minutes = *learning;
    options.relearning_steps_minutes = *relearning;
    if (Status stored = study.set_deck_options(*m_deck, options); !stored) {
        m_error = "The options were not saved: " + stored.error().describe();
        return false;
    }
    m_error.clear();
    load(study); // as stored: clamped values show as they will be used
    m_notice = "Saved. Sessions started from now on use these options.";
    return true;
}

} // namespace letopis
