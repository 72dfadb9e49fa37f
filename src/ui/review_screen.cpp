// Review screen layout: header with counts, the card, and the answer bar at the bottom.
#include "ui/review_screen.h"

#include <algorithm>
#include <string>

#include "core/scheduler/interval_text.h"
#include "ui/widgets.h"

namespace letopis {
namespace {

constexpr int32_t kMaxCountedDurationMs = 60'000; // a card left on screen over lunch is not "slow"

std::string front_text(const StudyCard& card)
{
    return card.card.direction == Direction::RussianToEnglish ? card.note.russian : card.note.english;
}

std::string back_text(const StudyCard& card)
{
    return card.card.direction == Direction::RussianToEnglish ? card.note.english : card.note.russian;
}

const char* direction_label(Direction direction)
{
    // PT Sans has no arrow glyphs; words read better here anyway.
    return direction == Direction::RussianToEnglish ? "Russian to English" : "English to Russian";
}

} // namespace

ReviewScreen::Action ReviewScreen::frame(StudyService& study, const UiContext& ui, int64_t now_ms)
{
    const StudyCard* card = study.current();
    if (!card)
        return Action::SessionDone;
    if (card->card.id != m_shown_card) {
        m_shown_card = card->card.id;
        m_shown_at_ms = now_ms;
        m_revealed = false;
    }

    draw_header(study, ui);
    if (named_key_pressed(ImGuiKey_Escape))
        return Action::BackToDecks;

    const float bar_height = ui.px(96);
    const float card_height = std::max(ui.px(200), ImGui::GetContentRegionAvail().y - bar_height);
    draw_card(*card, ui, card_height);
    return draw_answer_bar(study, ui, now_ms);
}

void ReviewScreen::draw_header(StudyService& study, const UiContext& ui)
{
    const Palette& colours = ui.colours();
    ImGui::PushFont(ui.fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, colours.accent);
    ImGui::TextUnformatted(study.deck_title().c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();

    // Remaining counts at the right: new · learning · review, in the colours Anki users know.
    const QueueCounts left = study.remaining();
    const std::string counts[] = {std::to_string(left.new_cards), std::to_string(left.learning),
                                  std::to_string(left.review)};
    const ImU32 count_colours[] = {colours.new_count, colours.learning_count, colours.review_count};
    const char* names[] = {"new", "learning", "review"};
    float width = 0;
    for (int i = 0; i < 3; ++i)
        width += ImGui::CalcTextSize(counts[i].c_str()).x + ImGui::CalcTextSize(names[i]).x + ui.px(26);
    ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - width));
    for (int i = 0; i < 3; ++i) {
        ImGui::PushStyleColor(ImGuiCol_Text, count_colours[i]);
        ImGui::TextUnformatted(counts[i].c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine(0, ui.px(4));
        ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
        ImGui::TextUnformatted(names[i]);
        ImGui::PopStyleColor();
        if (i < 2)
            ImGui::SameLine(0, ui.px(18));
    }
    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours.again);
        ImGui::TextWrapped("%s", m_error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
}

void ReviewScreen::draw_card(const StudyCard& card, const UiContext& ui, float height)
{
    const Palette& colours = ui.colours();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, ui.px(760));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(32), ui.px(24)));
    // At large text sizes a long example may not fit: the card scrolls rather than cutting it off.
    ImGui::BeginChild("card", ImVec2(width, height), true);

    ImGui::PushFont(ui.fonts.small);
    text_centered(direction_label(card.card.direction), nullptr, colours.muted);
    ImGui::PopFont();

    const float inner = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0, m_revealed ? ui.px(12) : height * 0.22f));
    face_centered(ui, front_text(card), ui.px(m_revealed ? 54 : 64), colours.text, inner);

    if (m_revealed) {
        ImGui::Dummy(ImVec2(0, ui.px(10)));
        rule_centered(inner * 0.4f, colours.card_edge);
        ImGui::Dummy(ImVec2(0, ui.px(10)));
        face_centered(ui, back_text(card), ui.px(36), colours.accent, inner);
        std::string grammar = card.note.part_of_speech;
        if (!card.note.grammar.empty())
            grammar += (grammar.empty() ? "" : " · ") + card.note.grammar;
        if (!grammar.empty()) {
            ImGui::Dummy(ImVec2(0, ui.px(2)));
            face_centered(ui, grammar, ui.px(18), colours.muted, inner);
        }
        if (!card.note.example_russian.empty()) {
            ImGui::Dummy(ImVec2(0, ui.px(14)));
            face_centered(ui, card.note.example_russian, ui.px(22), colours.text, inner * 0.92f);
            face_centered(ui, card.note.example_english, ui.px(18), colours.muted, inner * 0.92f);
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

ReviewScreen::Action ReviewScreen::draw_answer_bar(StudyService& study, const UiContext& ui, int64_t now_ms)
{
    const Palette& colours = ui.colours();
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    const bool confirm = named_key_pressed(ImGuiKey_Space) || named_key_pressed(ImGuiKey_Enter) ||
                         named_key_pressed(ImGuiKey_KeyPadEnter);
    if (!m_revealed) {
        ImGui::PushFont(ui.fonts.title);
        const bool clicked = button_centered("Show answer", ui.px(300));
        ImGui::PopFont();
        ImGui::PushFont(ui.fonts.small);
        text_centered("Space or Enter · Esc for the deck list", nullptr, colours.muted);
        ImGui::PopFont();
        if (clicked || confirm)
            m_revealed = true;
        return Action::None;
    }

    const StudyCard* card = study.current();
    const ImU32 tints[] = {colours.again, colours.hard, colours.good, colours.easy};
    const float button_width = ui.px(150);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float total = 4 * button_width + 3 * spacing;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - total) * 0.5f));
    std::optional<Rating> chosen;
    for (int i = 0; i < 4; ++i) {
        const Rating rating = kAllRatings[i];
        const std::string interval = format_interval(card->preview[rating].interval_ms);
        ImGui::PushID(i);
        if (two_line_button(rating_name(rating), interval, ImVec2(button_width, ui.px(62)), ui.fonts.title, tints[i],
                            colours.muted))
            chosen = rating;
        ImGui::PopID();
        if (i < 3)
            ImGui::SameLine();
        if (key_pressed(ui.keys.digit[i]) || key_pressed(ui.keys.keypad_digit[i]))
            chosen = rating;
    }
    ImGui::PushFont(ui.fonts.small);
    text_centered("1 Again · 2 Hard · 3 Good · 4 Easy · Space Good", nullptr, colours.muted);
    ImGui::PopFont();
    if (!chosen && confirm)
        chosen = Rating::Good;
    if (chosen)
        return grade(study, *chosen, now_ms);
    return Action::None;
}

ReviewScreen::Action ReviewScreen::grade(StudyService& study, Rating rating, int64_t now_ms)
{
    const auto duration = static_cast<int32_t>(std::clamp<int64_t>(now_ms - m_shown_at_ms, 0, kMaxCountedDurationMs));
    auto status = study.answer(rating, now_ms, duration);
    if (!status) {
        // The answer was not saved: keep the card on screen so the learner can try again.
        m_error = "Your answer could not be saved: " + status.error().describe();
        return Action::None;
    }
    m_error.clear();
    m_revealed = false;
    m_shown_card = {};
    return study.current() ? Action::None : Action::SessionDone;
}

} // namespace letopis
