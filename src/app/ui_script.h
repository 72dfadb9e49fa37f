// UI scripts for tests and demos: keys, text, clicks, waits, checks and screenshots, replayed
// through SDL's real event queue. Syntax in docs/ui-scripts.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace letopis {

struct ScriptStep {
    enum class Kind { Key, Text, Click, Wait, ExpectScreen, ExpectVerdict, Screenshot, Quit };
    Kind kind = Kind::Wait;
    int line = 0;
    std::vector<std::string> keys; // Key: SDL key names, each optionally prefixed "ctrl+" / "shift+"
    std::string text;              // Text: UTF-8; Expect*: screen name or verdict; Screenshot: file
    int x = 0, y = 0;              // Click
    int64_t milliseconds = 0;      // Wait
};

// Parses a script; errors name FILE:LINE.
Result<std::vector<ScriptStep>> parse_ui_script(std::string_view text, std::string_view file_name);
Result<std::vector<ScriptStep>> read_ui_script(const std::filesystem::path& file);

} // namespace letopis
