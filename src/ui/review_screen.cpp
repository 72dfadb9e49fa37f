// Review screen layout: header with counts, the card, and the answer bar at the bottom.
#include "ui/review_screen.h"

#include <algorithm>
#include <string>

#include "core/scheduler/interval_text.h"
#include "service/russian_input.h"
#include "ui/widgets.h"

namespace letopis {
namespace {

constexpr int32_t kMaxCountedDurationMs = 60'000; // a card left on screen over lunch is not "slow"

// A listening card's front is the Russian word too, shown once the answer is revealed.
std::string front_text(const StudyCard& card)
{
    return card.card.direction == Direction::EnglishToRussian ? card.note.english : card.note.russian;
}

std::string back_text(const StudyCard& card)
{
    return card.card.direction == Direction::EnglishToRussian ? card.note.russian : card.note.english;
}

const char* direction_label(Direction direction)
{
    // PT Sans has no arrow glyphs; words read better here anyway.
    switch (direction) {
    case Direction::RussianToEnglish: return "Russian to English";
    case Direction::EnglishToRussian: return "English to Russian";
    case Direction::Listening: return "Listening";
    }
    return "";
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
        m_check.reset();
        m_input.clear();
        m_spoken_on_show = m_spoken_on_reveal = false;
    }
    speak_if_due(*card, study.speak_when(), ui);
    if (ui.speech) {
        if (auto notice = ui.speech->take_notice())
            m_notice = *notice;
        handle_replay_key(*card, ui);
    }

    draw_header(study, ui, now_ms);
    if (named_key_pressed(ImGuiKey_Escape))
        return Action::BackToDecks;
    if (key_pressed(ui.keys.f5))
        m_romanization = !m_romanization;

    const bool typing = typed(*card) && !m_revealed;
    const float keyboard_height = ui.preferences.show_keyboard ? 3 * ui.px(42) + ui.px(8) : 0.0f;
    const float bar_height = typing ? ImGui::GetFrameHeightWithSpacing() * 2 + keyboard_height + ui.px(30) : ui.px(96);
    const float card_height = std::max(ui.px(200), ImGui::GetContentRegionAvail().y - bar_height);
    draw_card(*card, ui, card_height);
    return draw_answer_bar(study, ui, now_ms);
}

void ReviewScreen::draw_header(StudyService& study, const UiContext& ui, int64_t now_ms)
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
    if (study.can_undo()) {
        ImGui::PushFont(ui.fonts.small);
        if (ImGui::SmallButton("Undo (Ctrl+Z)") && study.undo(now_ms))
            m_shown_card = {};
        ImGui::PopFont();
    }
    if (!m_notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
        ImGui::TextWrapped("%s", m_notice.c_str());
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
    const bool listening = card.card.direction == Direction::Listening;
    ImGui::Dummy(ImVec2(0, m_revealed ? ui.px(12) : height * (typed(card) ? 0.12f : 0.22f)));
    if (listening && !m_revealed) {
        draw_listening_prompt(card, ui);
    } else {
        // English glosses run longer than Russian headwords: a smaller face keeps them on one line.
        const float front_size = card.card.direction == Direction::EnglishToRussian ? 46 : (m_revealed ? 54 : 64);
        face_centered(ui, front_text(card), ui.px(front_size), colours.text, inner);
        if (card.card.direction != Direction::EnglishToRussian) {
            speaker_button(ui, card.note.russian, "Listen (R)");
            if (m_romanization)
                text_centered(romanized(card.note.russian), ui.fonts.body, colours.muted);
        }
    }
    if (!m_revealed && typed(card)) {
        ImGui::Dummy(ImVec2(0, ui.px(8)));
        text_centered(listening ? "Type the Russian word you hear and press Enter."
                                : "Type the Russian word below and press Enter.",
                      ui.fonts.body, colours.muted);
    }

    if (m_revealed) {
        ImGui::Dummy(ImVec2(0, ui.px(10)));
        rule_centered(inner * 0.4f, colours.card_edge);
        ImGui::Dummy(ImVec2(0, ui.px(10)));
        if (m_check)
            draw_check(ui);
        face_centered(ui, back_text(card), ui.px(36), colours.accent, inner);
        if (card.card.direction == Direction::EnglishToRussian)
            speaker_button(ui, card.note.russian, "Listen (R)");
        if (m_romanization && card.card.direction == Direction::EnglishToRussian)
            text_centered(romanized(card.note.russian), ui.fonts.body, colours.muted);
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
            speaker_button(ui, card.note.example_russian, "Listen to the sentence");
            face_centered(ui, card.note.example_english, ui.px(18), colours.muted, inner * 0.92f);
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

bool ReviewScreen::typed(const StudyCard& card) const { return card.card.direction != Direction::RussianToEnglish; }

bool ReviewScreen::russian_visible(const StudyCard& card) const
{
    return card.card.direction == Direction::RussianToEnglish || m_revealed;
}

void ReviewScreen::draw_listening_prompt(const StudyCard& card, const UiContext& ui)
{
    const Palette& colours = ui.colours();
    if (!ui.speech || !ui.speech->available()) {
        // The app leaves listening cards out once it knows there is no sound; until then, say why.
        text_centered("No sound: this listening card cannot be played.", ui.fonts.title, colours.again);
        return;
    }
    ImGui::PushFont(ui.fonts.title);
    const bool clicked = button_centered("Play the word again", ui.px(340));
    ImGui::PopFont();
    ImGui::PushFont(ui.fonts.small);
    text_centered("Ctrl+R", nullptr, colours.muted);
    ImGui::PopFont();
    if (clicked) {
        ui.speech->say(card.note.russian);
        m_input.focus();
    }
}

void ReviewScreen::handle_replay_key(const StudyCard& card, const UiContext& ui)
{
    const bool typing = typed(card) && !m_revealed;
    // While the answer field has the keys, R is a letter: Ctrl+R replays a listening card.
    const bool wanted = key_pressed(ui.keys.r) && (!typing || ImGui::GetIO().KeyCtrl);
    const bool allowed = card.card.direction == Direction::Listening || (russian_visible(card) && !typing);
    if (wanted && allowed)
        ui.speech->say(card.note.russian);
}

void ReviewScreen::speak_if_due(const StudyCard& card, SpeakWhen when, const UiContext& ui)
{
    if (!ui.speech)
        return;
    if (card.card.direction == Direction::Listening) {
        // The sound is the question: always played when the card appears, whatever the deck's
        // setting, and not again on reveal unless asked.
        if (!m_spoken_on_show) {
            ui.speech->say(card.note.russian);
            m_spoken_on_show = true;
        }
        return;
    }
    if (when == SpeakWhen::Off || !russian_visible(card))
        return;
    // The Russian is spoken once when it first appears (on show) or once the answer is revealed;
    // an English → Russian card never speaks before the learner has answered.
    const bool on_show = when == SpeakWhen::OnShow && !m_spoken_on_show && !m_spoken_on_reveal;
    const bool on_reveal = m_revealed && !m_spoken_on_reveal &&
                           (when == SpeakWhen::OnReveal || card.card.direction == Direction::EnglishToRussian);
    if (on_show || on_reveal) {
        ui.speech->say(card.note.russian);
        m_spoken_on_show = true;
        if (m_revealed)
            m_spoken_on_reveal = true;
    }
}

std::optional<UiPreferences> ReviewScreen::take_preferences_request()
{
    auto request = m_preferences_request;
    m_preferences_request.reset();
    return request;
}

void ReviewScreen::draw_check(const UiContext& ui)
{
    const Palette& colours = ui.colours();
    const AnswerCheck& check = *m_check;
    const char* verdict = check.verdict == Verdict::Correct ? "Correct"
                        : check.verdict == Verdict::Almost  ? "Almost: one slip"
                                                            : "Not quite";
    const ImU32 verdict_colour = check.verdict == Verdict::Correct ? colours.good
                               : check.verdict == Verdict::Almost  ? colours.hard
                                                                   : colours.again;
    text_centered(verdict, ui.fonts.title, verdict_colour);

    // "You typed": the learner's letters, slips marked; then the notes (ё, Latin letters, …).
    std::string typed_line;
    float width = 0;
    for (const DiffToken& token : check.tokens)
        width += ImGui::CalcTextSize(atlas_text(ui, token.kind == DiffKind::Missing ? "_" : token.typed).c_str()).x;
    const float label_width = ImGui::CalcTextSize("You typed: ").x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::max(0.0f, (ImGui::GetContentRegionAvail().x - width - label_width) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
    ImGui::TextUnformatted("You typed: ");
    ImGui::PopStyleColor();
    if (check.tokens.empty()) {
        ImGui::SameLine(0, 0);
        ImGui::PushStyleColor(ImGuiCol_Text, colours.again);
        ImGui::TextUnformatted("(nothing)");
        ImGui::PopStyleColor();
    }
    for (const DiffToken& token : check.tokens) {
        ImGui::SameLine(0, 0);
        const std::string shown = atlas_text(ui, token.kind == DiffKind::Missing ? "_" : token.typed);
        const ImU32 colour = token.kind == DiffKind::Match ? colours.text : colours.again;
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(shown.c_str());
        ImGui::PopStyleColor();
        if (token.kind != DiffKind::Match) {
            // Underline the slip so it can be seen without colour.
            const ImVec2 min = ImGui::GetItemRectMin();
            const ImVec2 max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), ImVec2(max.x, max.y), colours.again, 2.0f);
        }
    }
    for (const AnswerNote& note : check.notes)
        text_centered(note_text(note), ui.fonts.small, colours.muted);
    ImGui::Dummy(ImVec2(0, ui.px(6)));
}

void ReviewScreen::draw_typing_bar(const StudyCard& card, const UiContext& ui)
{
    const Palette& colours = ui.colours();
    UiPreferences wanted = ui.preferences;
    if (key_pressed(ui.keys.f4))
        wanted.phonetic_typing = !wanted.phonetic_typing;
    if (m_input.frame(ui, ui.preferences.phonetic_typing, ui.preferences.show_keyboard)) {
        m_check = check_answer(card.note.russian, m_input.answer());
        m_revealed = true;
    }
    ImGui::PushFont(ui.fonts.small);
    bool phonetic = ui.preferences.phonetic_typing;
    if (ImGui::Checkbox("Phonetic typing (F4)", &phonetic))
        wanted.phonetic_typing = phonetic;
    ImGui::SameLine();
    bool keyboard = ui.preferences.show_keyboard;
    if (ImGui::Checkbox("Keyboard", &keyboard))
        wanted.show_keyboard = keyboard;
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
    if (ui.preferences.phonetic_typing) {
        // A compact chart of the keys that are not obvious.
        ImGui::TextUnformatted("zh ж  kh/x х  c ц  ch ч  sh ш  shch/w щ  y ы  ' ь  '' ъ  e' э  yo ё  yu ю  ya я  j й");
    } else {
        ImGui::TextUnformatted("Enter checks · Esc for the deck list");
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (!(wanted == ui.preferences)) {
        m_preferences_request = wanted;
        m_input.focus();
    }
}

ReviewScreen::Action ReviewScreen::draw_answer_bar(StudyService& study, const UiContext& ui, int64_t now_ms)
{
    const Palette& colours = ui.colours();
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    const StudyCard* current = study.current();
    if (!m_revealed && typed(*current)) {
        draw_typing_bar(*current, ui);
        return Action::None;
    }
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
    // After a typed answer the check suggests a grade (Good if correct, else Again); Enter takes it.
    const Rating suggested = m_check ? suggested_rating(m_check->verdict) : Rating::Good;
    for (int i = 0; i < 4; ++i) {
        const Rating rating = kAllRatings[i];
        const std::string interval = format_interval(card->preview[rating].interval_ms);
        ImGui::PushID(i);
        const bool preselected = m_check && rating == suggested;
        if (preselected) {
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ui.px(2));
            ImGui::PushStyleColor(ImGuiCol_Border, tints[i]);
        }
        if (two_line_button(rating_name(rating), interval, ImVec2(button_width, ui.px(62)), ui.fonts.title, tints[i],
                            colours.muted))
            chosen = rating;
        if (preselected) {
            ImGui::PopStyleColor();
            ImGui::PopStyleVar();
        }
        ImGui::PopID();
        if (i < 3)
            ImGui::SameLine();
        if (key_pressed(ui.keys.digit[i]) || key_pressed(ui.keys.keypad_digit[i]))
            chosen = rating;
    }
    ImGui::PushFont(ui.fonts.small);
    text_centered(m_check ? (std::string("1 Again · 2 Hard · 3 Good · 4 Easy · Enter ") + std::string(rating_name(suggested)))
                          : std::string("1 Again · 2 Hard · 3 Good · 4 Easy · Space Good"),
                  nullptr, colours.muted);
    ImGui::PopFont();
    if (!chosen && confirm)
        chosen = suggested;
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
    m_notice.clear();
    if (auto notice = study.take_notice())
        m_notice = notice->message; // e.g. a leech was suspended: the learner is told
    m_revealed = false;
    m_check.reset();
    m_input.clear();
    m_shown_card = {};
    return study.current() ? Action::None : Action::SessionDone;
}

} // namespace letopis
