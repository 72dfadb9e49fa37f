// Script steps become SDL events: a key is pressed on one frame and released on the next,
// because ImGui 1.86 reads key state once per frame and would miss a press and release together.
#include "app/script_player.h"

#include <SDL.h>

#include <cstring>

#include "app/screenshot.h"
#include "ui/app_ui.h"

namespace letopis {
namespace {

struct KeyChord {
    SDL_Scancode scancode = SDL_SCANCODE_UNKNOWN;
    bool ctrl = false;
    bool shift = false;
};

KeyChord parse_chord(std::string name)
{
    KeyChord chord;
    for (;;) {
        if (name.rfind("ctrl+", 0) == 0) {
            chord.ctrl = true;
            name = name.substr(5);
        } else if (name.rfind("shift+", 0) == 0) {
            chord.shift = true;
            name = name.substr(6);
        } else {
            break;
        }
    }
    chord.scancode = SDL_GetScancodeFromName(name.c_str());
    return chord;
}

void push_key(SDL_Scancode scancode, bool down)
{
    SDL_Event event{};
    event.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    event.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    event.key.keysym.scancode = scancode;
    event.key.keysym.sym = SDL_GetKeyFromScancode(scancode);
    event.key.keysym.mod = SDL_GetModState();
    SDL_PushEvent(&event);
}

void push_text(const std::string& text)
{
    // SDL_TEXTINPUT carries at most 31 bytes: split on UTF-8 character boundaries.
    size_t start = 0;
    while (start < text.size()) {
        size_t end = start;
        while (end < text.size()) {
            size_t next = end + 1;
            while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80)
                ++next;
            if (next - start > SDL_TEXTINPUTEVENT_TEXT_SIZE - 1)
                break;
            end = next;
        }
        SDL_Event event{};
        event.type = SDL_TEXTINPUT;
        std::memcpy(event.text.text, text.data() + start, end - start);
        SDL_PushEvent(&event);
        start = end;
    }
}

void push_mouse_button(SDL_Window* window, int x, int y, bool down)
{
    SDL_Event event{};
    event.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    event.button.windowID = SDL_GetWindowID(window);
    event.button.button = SDL_BUTTON_LEFT;
    event.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    event.button.clicks = 1;
    event.button.x = x;
    event.button.y = y;
    SDL_PushEvent(&event);
}

} // namespace

ScriptPlayer::ScriptPlayer(std::vector<ScriptStep> steps, std::string file_name)
    : m_steps(std::move(steps)), m_file_name(std::move(file_name))
{
}

void ScriptPlayer::fail(const ScriptStep& step, const std::string& what)
{
    m_failure = m_file_name + ":" + std::to_string(step.line) + ": " + what;
    m_next = m_steps.size();
}

void ScriptPlayer::after_frame(SDL_Window* window, SDL_Renderer* renderer, const AppUi& ui, int64_t now_ms)
{
    if (!m_key_ups.empty()) {
        for (int scancode : m_key_ups)
            push_key(static_cast<SDL_Scancode>(scancode), false);
        m_key_ups.clear();
        if (m_release_ctrl)
            SDL_SetModState(KMOD_NONE);
        m_release_ctrl = false;
        return;
    }
    if (m_mouse_down) {
        push_mouse_button(window, m_mouse->first, m_mouse->second, false);
        m_mouse_down = false;
        return;
    }
    if (now_ms < m_wait_until_ms)
        return;

    // Checks and screenshots see the frame just drawn; input steps end this frame's turn.
    while (m_next < m_steps.size()) {
        const ScriptStep& step = m_steps[m_next++];
        switch (step.kind) {
        case ScriptStep::Kind::ExpectScreen:
            if (step.text != screen_name(ui.screen())) {
                fail(step, "expected the " + step.text + " screen, but the " + screen_name(ui.screen()) +
                               " screen is shown");
                return;
            }
            continue;
        case ScriptStep::Kind::ExpectVerdict: {
            const auto& check = ui.review().answer_check();
            const std::string shown = check ? std::string(verdict_name(check->verdict)) : std::string("no answer checked");
            if (ui.screen() != ScreenId::Review || shown != step.text) {
                fail(step, "expected the verdict " + step.text + ", but the screen shows " + shown);
                return;
            }
            continue;
        }
        case ScriptStep::Kind::Screenshot:
            if (auto status = write_screenshot(renderer, step.text); !status) {
                fail(step, status.error().describe());
                return;
            }
            continue;
        case ScriptStep::Kind::Wait:
            m_wait_until_ms = now_ms + step.milliseconds;
            return;
        case ScriptStep::Kind::Quit:
            m_next = m_steps.size();
            return;
        case ScriptStep::Kind::Text:
            push_text(step.text);
            return;
        case ScriptStep::Kind::Click:
            m_mouse = std::make_pair(step.x, step.y);
            SDL_WarpMouseInWindow(window, step.x, step.y);
            push_mouse_button(window, step.x, step.y, true);
            m_mouse_down = true;
            return;
        case ScriptStep::Kind::Key: {
            SDL_Keymod mods = KMOD_NONE;
            for (const auto& name : step.keys) {
                const KeyChord chord = parse_chord(name);
                if (chord.scancode == SDL_SCANCODE_UNKNOWN) {
                    fail(step, "unknown key name `" + name + "` (use SDL key names: Space, Return, Escape, Up, 1, F2 …)");
                    return;
                }
                if (chord.ctrl)
                    mods = static_cast<SDL_Keymod>(mods | KMOD_LCTRL);
                if (chord.shift)
                    mods = static_cast<SDL_Keymod>(mods | KMOD_LSHIFT);
            }
            SDL_SetModState(mods);
            m_release_ctrl = mods != KMOD_NONE;
            for (const auto& name : step.keys) {
                const KeyChord chord = parse_chord(name);
                push_key(chord.scancode, true);
                m_key_ups.push_back(chord.scancode);
            }
            return;
        }
        }
    }
}

} // namespace letopis
