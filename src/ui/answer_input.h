// The answer field of typed cards: the system keyboard layout as is, or phonetic typing (Latin
// keys become Russian letters as you type; Backspace removes the last key), plus a clickable
// ЙЦУКЕН keyboard with ё, ъ and ь for learners without a Russian layout.
#pragma once

#include <string>

#include "core/answer/phonetic_input.h"
#include "ui/ui_context.h"

namespace letopis {

class AnswerInput {
public:
    // Draws the field (full width of the column) and, when enabled, the on-screen keyboard.
    // Returns true on the frame the learner submits (Enter or the Check button).
    bool frame(const UiContext& ui, bool phonetic, bool show_keyboard);

    // What the learner typed, as Russian text (phonetic keys converted), NFC.
    std::string answer() const;
    void clear();
    // The field takes the keyboard focus on the next frame.
    void focus() { m_focus = true; }

    // Phonetic mode only: the Latin keys as typed (the truth the Russian text is made from).
    const std::string& phonetic_keys() const { return m_keys.keys(); }

private:
    bool draw_phonetic_field(const UiContext& ui, float width);
    bool draw_layout_field(const UiContext& ui, float width);
    void draw_keyboard(const UiContext& ui, bool phonetic);
    void type(const std::string& letter, bool phonetic);

    PhoneticBuffer m_keys; // phonetic mode
    std::string m_buffer; // layout mode (ImGui's InputText buffer)
    bool m_focus = true;
    bool m_cursor_to_end = false;
    bool m_shift = false;
};

} // namespace letopis
