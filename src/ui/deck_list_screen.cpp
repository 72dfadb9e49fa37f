// Deck list layout: title, a table of decks with counts, and the theme/size controls.
#include "ui/deck_list_screen.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/widgets.h"

namespace letopis {
namespace {

// Counts change as learning steps come due; reloading this often costs a few milliseconds.
constexpr int64_t kReloadEveryMs = 30'000;

void count_cell(int32_t value, ImU32 colour, ImU32 muted)
{
    ImGui::PushStyleColor(ImGuiCol_Text, value > 0 ? colour : muted);
    ImGui::Text("%d", value);
    ImGui::PopStyleColor();
}

} // namespace

void DeckListScreen::reload(StudyService& study, int64_t now_ms)
{
    m_loaded_at_ms = now_ms;
    auto decks = study.deck_summaries(now_ms);
    if (!decks) {
        m_error = "The decks could not be read: " + decks.error().describe();
        return;
    }
    m_error.clear();
    m_decks = std::move(*decks);
    m_selected = std::clamp(m_selected, 0, std::max(0, static_cast<int>(m_decks.size()) - 1));
}

DeckListScreen::Action DeckListScreen::frame(StudyService& study, const UiContext& ui, int64_t now_ms)
{
    if (m_loaded_at_ms < 0 || now_ms - m_loaded_at_ms > kReloadEveryMs)
        reload(study, now_ms);

    Action action;
    const Palette& colours = ui.colours();
    ImGui::PushFont(ui.fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, colours.accent);
    ImGui::TextUnformatted("Letopis");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
    ImGui::TextUnformatted("· Russian vocabulary from history");
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, ui.px(8)));

    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours.again);
        ImGui::TextWrapped("%s", m_error.c_str());
        ImGui::PopStyleColor();
    }
    if (m_decks.empty() && m_error.empty()) {
        ImGui::TextWrapped("This collection has no decks yet. Import a deck file with "
                           "`letopis import FILE` and it will appear here.");
    }

    const int count = static_cast<int>(m_decks.size());
    if (count > 0) {
        const int before = m_selected;
        if (named_key_pressed(ImGuiKey_DownArrow))
            m_selected = std::min(count - 1, m_selected + 1);
        if (named_key_pressed(ImGuiKey_UpArrow))
            m_selected = std::max(0, m_selected - 1);
        m_scroll_to_selected = m_scroll_to_selected || m_selected != before;
        if (named_key_pressed(ImGuiKey_Enter) || named_key_pressed(ImGuiKey_KeyPadEnter) ||
            named_key_pressed(ImGuiKey_Space))
            action.study = m_decks[m_selected].deck.id;
        if (key_pressed(ui.keys.o))
            action.options = true;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_ScrollY;
    const float row_height = ui.px(58);
    const float header_height = ImGui::GetFrameHeight();
    const float wanted_height = header_height + row_height * static_cast<float>(count) + ui.px(12);
    // Room below the table for the day's summary line and the preferences row.
    const float reserved = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetFrameHeightWithSpacing() + ui.px(16);
    const float table_height = std::min(wanted_height, std::max(ui.px(120), ImGui::GetContentRegionAvail().y - reserved));
    if (count > 0 && ImGui::BeginTable("decks", 4, flags, ImVec2(0, table_height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Deck", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("New", ImGuiTableColumnFlags_WidthFixed, ui.px(80));
        ImGui::TableSetupColumn("Learning", ImGuiTableColumnFlags_WidthFixed, ui.px(90));
        ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, ui.px(80));
        ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
        ImGui::TableHeadersRow();
        ImGui::PopStyleColor();
        for (int i = 0; i < count; ++i) {
            const DeckSummary& deck = m_decks[i];
            ImGui::TableNextRow(0, row_height);
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(i);
            // One selectable spans the row; the title and the note count are drawn over it.
            const ImVec2 row_start = ImGui::GetCursorPos();
            if (ImGui::Selectable("##deck", i == m_selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0, row_height - ImGui::GetStyle().CellPadding.y * 2))) {
                m_selected = i;
                action.study = deck.deck.id;
            }
            if (i == m_selected && m_scroll_to_selected) {
                ImGui::SetScrollHereY(0.5f); // keep the keyboard's choice in view
                m_scroll_to_selected = false;
            }
            ImGui::SetCursorPos(row_start);
            ImGui::PushFont(ui.fonts.title);
            ImGui::TextUnformatted(atlas_text(ui, deck.deck.title).c_str());
            ImGui::PopFont();
            ImGui::PushFont(ui.fonts.small);
            ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
            ImGui::Text("%lld notes", static_cast<long long>(deck.notes));
            ImGui::PopStyleColor();
            ImGui::PopFont();
            ImGui::PopID();
            for (int column = 1; column <= 3; ++column) {
                ImGui::TableSetColumnIndex(column);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(8));
                const int32_t value = column == 1 ? deck.today.new_cards
                                    : column == 2 ? deck.today.learning
                                                  : deck.today.review;
                const ImU32 colour = column == 1 ? colours.new_count
                                   : column == 2 ? colours.learning_count
                                                 : colours.review_count;
                ImGui::PushFont(ui.fonts.title);
                count_cell(value, colour, colours.muted);
                ImGui::PopFont();
            }
        }
        ImGui::EndTable();
    }

    // A short account of the day under the list.
    int32_t total = 0;
    for (const auto& deck : m_decks)
        total += deck.today.total();
    ImGui::Dummy(ImVec2(0, ui.px(10)));
    ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
    if (count > 0) {
        if (total == 0)
            ImGui::TextUnformatted("Nothing is due now. Come back later: every card has its day.");
        else
            ImGui::Text("%d cards to study today. Pick a deck and press Enter.", total);
    }
    ImGui::PopStyleColor();
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - ImGui::GetFrameHeight() -
                                                           ImGui::GetStyle().WindowPadding.y));
    draw_preferences(ui, action);
    return action;
}

void DeckListScreen::draw_preferences(const UiContext& ui, Action& action)
{
    const Palette& colours = ui.colours();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ui.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, colours.muted);
    ImGui::TextUnformatted("Up/Down · Enter · O options");
    ImGui::PopStyleColor();
    ImGui::PopFont();

    UiPreferences wanted = ui.preferences;
    ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - ui.px(800)));
    if (ImGui::Button("Import…"))
        action.import = true;
    ImGui::SameLine();
    if (ImGui::Button("Deck options… (O)"))
        action.options = true;
    ImGui::SameLine();
    if (ImGui::Button(ui.preferences.show_stress ? "Hide stress marks (F3)" : "Show stress marks (F3)"))
        wanted.show_stress = !ui.preferences.show_stress;
    ImGui::SameLine();
    if (ImGui::Button(ui.preferences.theme == Theme::Light ? "Dark theme (F2)" : "Light theme (F2)"))
        wanted.theme = ui.preferences.theme == Theme::Light ? Theme::Dark : Theme::Light;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Text size");
    ImGui::SameLine();
    if (ImGui::Button(" − "))
        wanted.scale = std::max(kMinScale, ui.preferences.scale - 0.125f);
    ImGui::SameLine();
    ImGui::Text("%d%%", static_cast<int>(std::lround(ui.preferences.scale * 100)));
    ImGui::SameLine();
    if (ImGui::Button(" + "))
        wanted.scale = std::min(kMaxScale, ui.preferences.scale + 0.125f);
    if (!(wanted == ui.preferences))
        action.preferences = wanted;
}

} // namespace letopis
