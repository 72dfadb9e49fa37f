// Done screen layout: a calm centred message and one way back.
#include "ui/done_screen.h"

#include <string>

#include "ui/widgets.h"

namespace letopis {
namespace {

std::string minutes_phrase(int64_t ms)
{
    const int64_t minutes = (ms + 59'999) / 60'000;
    if (minutes <= 1)
        return "in a minute";
    return "in " + std::to_string(minutes) + " minutes";
}

} // namespace

DoneScreen::Action DoneScreen::frame(StudyService& study, const UiContext& ui, int64_t now_ms)
{
    const Palette& colours = ui.colours();
    ImGui::Dummy(ImVec2(0, ImGui::GetContentRegionAvail().y * 0.28f));
    face_centered(ui, "Done for today", ui.px(48), colours.accent, 0, true);
    ImGui::Dummy(ImVec2(0, ui.px(12)));

    const int32_t answered = study.answered();
    std::string summary = answered == 1 ? "You answered 1 card" : "You answered " + std::to_string(answered) + " cards";
    summary += " in " + study.deck_title() + ".";
    text_centered(summary, ui.fonts.body, colours.text);
    if (auto due = study.next_learning_due_ms()) {
        text_centered("Cards you are still learning come back " + minutes_phrase(*due - now_ms) +
                          "; stay here and they will appear.",
                      ui.fonts.body, colours.muted);
    } else {
        text_centered("Come back tomorrow: the scheduler has picked the best day for every card.",
                      ui.fonts.body, colours.muted);
    }
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    ImGui::PushFont(ui.fonts.title);
    const bool back = button_centered("Back to decks", ui.px(260));
    ImGui::PopFont();
    ImGui::PushFont(ui.fonts.small);
    text_centered("Enter or Esc", nullptr, colours.muted);
    ImGui::PopFont();
    if (back || named_key_pressed(ImGuiKey_Enter) || named_key_pressed(ImGuiKey_Escape) ||
        named_key_pressed(ImGuiKey_KeyPadEnter))
        return Action::BackToDecks;
    return Action::None;
}

} // namespace letopis
