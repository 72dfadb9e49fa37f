// The Import screen: a file path (typed, or a file dropped on the window), what Letopis detected
// in the file (format, encoding, columns, which one is Russian, a garbled-text repair to accept
// or decline), the first notes, the problems, and an Import button.
#pragma once

#include <optional>
#include <string>

#include "service/import_preview.h"
#include "ui/ui_context.h"

namespace letopis {

class ImportScreen {
public:
    enum class Action {
        None,
        Close,    // Back (or Escape): return to the deck list
        Imported, // a file was imported: the deck list should reload its counts
    };

    Action frame(ImportService& imports, const UiContext& ui);

    // Shows `path` (a dropped file, or the path field): the preview is made on the next frame,
    // with every choice back on automatic.
    void open_file(const std::string& path);

    // What the buttons do; public so the screen can be driven without clicks.
    void choose_encoding(const std::string& name); // "" for automatic
    void choose_russian_column(int column);        // 0-based; -1 to detect
    void choose_english_column(int column);
    void decide_mojibake(MojibakeDecision decision);
    Action import_now(ImportService& imports);

    const std::optional<ImportPreview>& preview() const { return m_preview; }
    const ImportChoices& choices() const { return m_choices; }
    const std::string& error() const { return m_error; }   // the file could not be read, or was refused
    const std::string& result() const { return m_result; } // what the last import did

private:
    void refresh(ImportService& imports);
    void draw_path(const UiContext& ui);
    void draw_detection(const UiContext& ui, const ImportPreview& preview);
    void draw_mojibake(const UiContext& ui, const ImportPreview& preview);
    void draw_columns(const UiContext& ui, const ImportPreview& preview);
    void draw_rows(const UiContext& ui, const ImportPreview& preview);
    void draw_messages(const UiContext& ui, const ImportPreview& preview);

    std::string m_path_field;
    std::string m_path; // the file the preview is of
    ImportChoices m_choices;
    std::optional<ImportPreview> m_preview;
    bool m_stale = false; // the path or a choice changed: make the preview again
    std::string m_error;
    std::string m_result;
};

} // namespace letopis
