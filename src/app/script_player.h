// Replays a parsed UI script through SDL's event queue, one step per frame, so keys, text and
// clicks take the same path as a person's input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ui_script.h"

struct SDL_Window;
struct SDL_Renderer;

namespace letopis {

class AppUi;

class ScriptPlayer {
public:
    ScriptPlayer(std::vector<ScriptStep> steps, std::string file_name);

    // After a frame was drawn but before it is presented: runs checks and screenshots, and pushes
    // the input of the next step. `now_ms` is monotonic.
    void after_frame(SDL_Window* window, SDL_Renderer* renderer, const AppUi& ui, int64_t now_ms);

    // A scripted mouse position, applied after the platform backend's NewFrame.
    std::optional<std::pair<int, int>> mouse_position() const { return m_mouse; }
    bool mouse_down() const { return m_mouse_down; }

    bool finished() const { return m_next >= m_steps.size() && m_key_ups.empty() && !m_mouse_down; }
    bool failed() const { return !m_failure.empty(); }
    const std::string& failure() const { return m_failure; }

private:
    void fail(const ScriptStep& step, const std::string& what);

    std::vector<ScriptStep> m_steps;
    std::string m_file_name;
    size_t m_next = 0;
    int64_t m_wait_until_ms = 0;
    std::vector<int> m_key_ups; // scancodes to release on the next frame
    bool m_release_ctrl = false;
    std::optional<std::pair<int, int>> m_mouse;
    bool m_mouse_down = false;
    std::string m_failure;
};

} // namespace letopis
