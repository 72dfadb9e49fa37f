// Import screen layout (see import_screen.h). The preview is made again whenever the path or a
// choice changes, so what the screen shows is always what Import would do.
#include "ui/import_screen.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "ui/widgets.h"

namespace letopis {
namespace {

void muted_text(const UiContext& ui, const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().muted);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void coloured_text(ImU32 colour, const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

std::string column_label(const ImportPreview& preview, int column)
{
    if (column < 0)
        return "detect";
    std::string label = "column " + std::to_string(column + 1);
    if (column < static_cast<int>(preview.column_names.size()) &&
        preview.column_names[static_cast<size_t>(column)] != label)
        label += " (" + preview.column_names[static_cast<size_t>(column)] + ")";
    return label;
}

// A combo of the word list's columns; returns the choice when the user makes one.
std::optional<int> column_combo(const char* id, const ImportPreview& preview, int current, float width)
{
    std::optional<int> chosen;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, column_label(preview, current).c_str())) {
        for (int c = 0; c < static_cast<int>(preview.column_names.size()); ++c) {
            if (ImGui::Selectable(column_label(preview, c).c_str(), c == current))
                chosen = c;
        }
        ImGui::EndCombo();
    }
    return chosen;
}

} // namespace

void ImportScreen::open_file(const std::string& path)
{
    m_path_field = path;
    m_path = path;
    m_choices = ImportChoices{};
    m_preview.reset();
    m_error.clear();
    m_result.clear();
    m_stale = !path.empty();
}

void ImportScreen::choose_encoding(const std::string& name)
{
    m_choices.encoding = name;
    m_stale = true;
}

void ImportScreen::choose_russian_column(int column)
{
    m_choices.russian_column = column;
    if (column >= 0 && column == m_choices.english_column)
        m_choices.english_column = -1;
    m_stale = true;
}

void ImportScreen::choose_english_column(int column)
{
    m_choices.english_column = column;
    m_stale = true;
}

void ImportScreen::decide_mojibake(MojibakeDecision decision)
{
    m_choices.mojibake = decision;
    m_stale = true;
}

void ImportScreen::refresh(ImportService& imports)
{
    m_stale = false;
    m_error.clear();
    auto preview = imports.preview(m_path, m_choices);
    if (!preview) {
        m_preview.reset();
        m_error = preview.error().describe();
        return;
    }
    m_preview = std::move(*preview);
}

ImportScreen::Action ImportScreen::import_now(ImportService& imports)
{
    if (m_path.empty())
        return Action::None;
    auto summary = imports.import(m_path, m_choices);
    if (!summary) {
        m_error = summary.error().describe();
        m_result.clear();
        return Action::None;
    }
    m_result = summary->text();
    m_stale = true; // the preview now compares with the imported deck
    return Action::Imported;
}

ImportScreen::Action ImportScreen::frame(ImportService& imports, const UiContext& ui)
{
    if (m_stale && !m_path.empty())
        refresh(imports);

    Action action = Action::None;
    const Palette& colours = ui.colours();
    ImGui::PushFont(ui.fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, colours.accent);
    ImGui::TextUnformatted("Import a deck or word list");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - ui.px(110)));
    if (ImGui::Button("Back (Esc)", ImVec2(ui.px(110), 0)) || named_key_pressed(ImGuiKey_Escape))
        action = Action::Close;
    muted_text(ui, "Letopis deck files, or word lists in CSV or TSV with two or more columns, in UTF-8, UTF-16, "
                   "windows-1251, KOI8-R or CP866. Re-importing a file updates its notes and keeps their history.");
    ImGui::Dummy(ImVec2(0, ui.px(4)));

    draw_path(ui);
    if (m_stale && !m_path.empty())
        refresh(imports);
    if (!m_error.empty())
        coloured_text(colours.again, m_error);
    if (!m_result.empty())
        coloured_text(colours.good, m_result);

    if (m_preview) {
        const ImportPreview& preview = *m_preview;
        // Everything below the path scrolls; the Import button stays at the bottom.
        const float footer = ImGui::GetFrameHeightWithSpacing() + ui.px(8);
        ImGui::BeginChild("##import-preview", ImVec2(0, -footer), false);
        draw_detection(ui, preview);
        draw_mojibake(ui, preview);
        draw_columns(ui, preview);
        draw_rows(ui, preview);
        draw_messages(ui, preview);
        ImGui::EndChild();

        ImGui::BeginDisabled(!preview.can_import());
        const std::string label = "Import " + std::to_string(preview.note_count) + " notes into \"" +
                                  preview.deck_title + "\"";
        if (ImGui::Button(label.c_str())) {
            if (import_now(imports) == Action::Imported)
                action = Action::Imported;
        }
        ImGui::EndDisabled();
        if (!preview.can_import()) {
            ImGui::SameLine();
            muted_text(ui, preview.mojibake_found && !preview.mojibake_repaired &&
                                   preview.error_count == 1
                               ? "Repair or keep the garbled text first."
                               : "Fix the errors in the file first; nothing is imported while it has any.");
        }
    }
    return action;
}

void ImportScreen::draw_path(const UiContext& ui)
{
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("File");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(ui.px(200), ImGui::GetContentRegionAvail().x - ui.px(90)));
    const bool entered = ImGui::InputTextWithHint("##path", "Path of the file, or drop a file on the window",
                                                  &m_path_field, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Open", ImVec2(ui.px(80), 0)) || entered) && !m_path_field.empty())
        open_file(m_path_field);
}

void ImportScreen::draw_detection(const UiContext& ui, const ImportPreview& preview)
{
    ImGui::Dummy(ImVec2(0, ui.px(4)));
    ImGui::Text("%s, %s (%s)", preview.format.c_str(), preview.encoding.c_str(), preview.encoding_source.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui.px(230));
    const std::string current = m_choices.encoding.empty() ? "Encoding: automatic" : "Encoding: " + m_choices.encoding;
    if (ImGui::BeginCombo("##encoding", current.c_str())) {
        if (ImGui::Selectable("automatic", m_choices.encoding.empty()))
            choose_encoding("");
        for (const auto& name : ImportService::encoding_names()) {
            if (ImGui::Selectable(name.c_str(), name == m_choices.encoding))
                choose_encoding(name);
        }
        ImGui::EndCombo();
    }

    std::string deck = "Deck \"" + preview.deck_title + "\" (" + preview.deck_key + "): ";
    if (preview.deck_exists) {
        deck += std::to_string(preview.would_add) + " new notes, " + std::to_string(preview.would_update) +
                " already there";
        if (preview.would_suspend > 0)
            deck += ", " + std::to_string(preview.would_suspend) +
                    " no longer in the file (they will be suspended, their history kept)";
    } else {
        deck += "a new deck of " + std::to_string(preview.would_add) + " notes";
    }
    muted_text(ui, deck);
}

void ImportScreen::draw_mojibake(const UiContext& ui, const ImportPreview& preview)
{
    if (!preview.mojibake_found)
        return;
    const Palette& colours = ui.colours();
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    if (preview.mojibake_repaired) {
        coloured_text(colours.good, "Garbled text repaired (" + preview.mojibake_description + ").");
    } else if (m_choices.mojibake == MojibakeDecision::Keep) {
        coloured_text(colours.hard, "The text looks garbled (" + preview.mojibake_description + "); kept as it is.");
    } else {
        coloured_text(colours.hard, "The text looks garbled: it is " + preview.mojibake_description +
                                        ". Repaired, it would read:");
    }
    if (ImGui::BeginTable("##mojibake", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, ui.px(50));
        ImGui::TableSetupColumn("In the file");
        ImGui::TableSetupColumn("Repaired");
        ImGui::TableHeadersRow();
        for (const auto& line : preview.mojibake_sample) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::Text("%d", line.line);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(line.before.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(line.after.c_str());
        }
        ImGui::EndTable();
    }
    if (m_choices.mojibake == MojibakeDecision::Undecided) {
        if (ImGui::Button("Repair the text"))
            decide_mojibake(MojibakeDecision::Repair);
        ImGui::SameLine();
        if (ImGui::Button("Keep it as it is"))
            decide_mojibake(MojibakeDecision::Keep);
    } else if (ImGui::Button("Decide again")) {
        decide_mojibake(MojibakeDecision::Undecided);
    }
}

void ImportScreen::draw_columns(const UiContext& ui, const ImportPreview& preview)
{
    if (!preview.word_list || preview.column_names.empty())
        return;
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    std::string columns = std::to_string(preview.column_names.size()) + " columns" +
                          (preview.has_header ? ", the first row names them" : ", no header row") + ":";
    for (size_t c = 0; c < preview.column_names.size(); ++c) {
        const std::string& role = c < preview.column_roles.size() ? preview.column_roles[c] : "";
        columns += (c == 0 ? " " : "; ") + column_label(preview, static_cast<int>(c)) + " is " +
                   (role == "other" ? "notes" : role);
    }
    muted_text(ui, columns);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Russian is in");
    ImGui::SameLine();
    const int russian = m_choices.russian_column >= 0 ? m_choices.russian_column : preview.russian_column;
    if (auto chosen = column_combo("##russian", preview, russian, ui.px(200)))
        choose_russian_column(*chosen);
    ImGui::SameLine();
    ImGui::TextUnformatted("English is in");
    ImGui::SameLine();
    const int english = m_choices.english_column >= 0 ? m_choices.english_column : preview.english_column;
    if (auto chosen = column_combo("##english", preview, english, ui.px(200)))
        choose_english_column(*chosen);
    if (m_choices.russian_column >= 0 || m_choices.english_column >= 0) {
        ImGui::SameLine();
        if (ImGui::Button("Detect again")) {
            m_choices.russian_column = -1;
            m_choices.english_column = -1;
            m_stale = true;
        }
    }
}

void ImportScreen::draw_rows(const UiContext& ui, const ImportPreview& preview)
{
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    if (preview.rows.empty()) {
        muted_text(ui, "No notes could be read from the file.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##rows", 4, flags)) {
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, ui.px(50));
        ImGui::TableSetupColumn("Key");
        ImGui::TableSetupColumn("Russian");
        ImGui::TableSetupColumn("English");
        ImGui::TableHeadersRow();
        for (const auto& row : preview.rows) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::Text("%d", row.line);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(row.key.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(row.russian.c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(row.english.c_str());
        }
        ImGui::EndTable();
    }
    if (preview.note_count > static_cast<int32_t>(preview.rows.size()))
        muted_text(ui, "… and " + std::to_string(preview.note_count - static_cast<int32_t>(preview.rows.size())) +
                           " more notes");
}

void ImportScreen::draw_messages(const UiContext& ui, const ImportPreview& preview)
{
    if (preview.messages.empty())
        return;
    const Palette& colours = ui.colours();
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    ImGui::Text("%d errors, %d warnings", preview.error_count, preview.warning_count);
    for (const auto& message : preview.messages) {
        const std::string line = (message.line > 0 ? "line " + std::to_string(message.line) + ": " : std::string()) +
                                 (message.error ? "error: " : "warning: ") + message.text;
        coloured_text(message.error ? colours.again : colours.hard, line);
    }
    const int32_t shown = static_cast<int32_t>(preview.messages.size());
    if (preview.error_count + preview.warning_count > shown)
        muted_text(ui, "… and " + std::to_string(preview.error_count + preview.warning_count - shown) +
                           " more (`letopis deck check FILE` lists them all)");
}

} // namespace letopis
