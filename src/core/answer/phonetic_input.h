// Typing Russian on any keyboard: Latin keys become Cyrillic as they are typed (the scheme of
// text/transliterate.h), and the chart of keys to show beside the answer box.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace letopis {

// The raw keystrokes are the truth; the Cyrillic text is re-derived from all of them after each
// change, so "s", "sh", "shc", "shch" show с, ш, шц, щ. Keys outside the scheme (Cyrillic from a
// Russian layout, digits, punctuation, spaces) pass through unchanged.
class PhoneticBuffer {
public:
    PhoneticBuffer() = default;
    explicit PhoneticBuffer(std::string_view keys) { type(keys); }

    // Appends keys as typed (UTF-8, one or more characters, e.g. an SDL text-input event).
    void type(std::string_view keys);
    // Removes the last key typed (one character), which may change more than one letter of
    // text() (щ → шц). False when there was nothing to remove.
    bool backspace();
    void clear();

    const std::string& keys() const { return m_keys; } // the keystrokes, UTF-8
    const std::string& text() const { return m_text; } // their Cyrillic rendering, UTF-8
    bool empty() const { return m_keys.empty(); }

private:
    std::string m_keys;
    std::string m_text;
};

// One row of the chart of keys, by Russian letter in alphabetical order.
struct PhoneticKey {
    std::string_view cyrillic; // the lower-case letter
    std::string_view keys;     // the keys that always give it (if `when` is empty)
    std::string_view also;     // other ways to type it, for display; may be empty
    std::string_view when;     // a condition on `keys`, e.g. "after a consonant"; may be empty
};

// All 33 letters. Capitals: type the capital Latin letter (Sh or SH → Ш).
std::span<const PhoneticKey> phonetic_chart();

// The scheme as short lines for a help panel: the chart, then the rules that depend on context.
std::vector<std::string> phonetic_scheme();

} // namespace letopis
