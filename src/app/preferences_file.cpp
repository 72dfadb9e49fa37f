// Reading and writing the preferences file (width=…, height=…, scale=…, theme=light|dark).
#include "app/preferences_file.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <system_error>

namespace letopis {

WindowPreferences load_window_preferences(const std::filesystem::path& file)
{
    WindowPreferences preferences;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        const std::string key = line.substr(0, eq);
        const std::string value = line.substr(eq + 1);
        try {
            if (key == "width")
                preferences.width = std::clamp(std::stoi(value), 640, 8000);
            else if (key == "height")
                preferences.height = std::clamp(std::stoi(value), 480, 8000);
            else if (key == "scale")
                preferences.ui.scale = std::clamp(std::stof(value), kMinScale, kMaxScale);
            else if (key == "theme")
                preferences.ui.theme = value == "dark" ? Theme::Dark : Theme::Light;
            else if (key == "stress")
                preferences.ui.show_stress = value != "hide";
            else if (key == "phonetic")
                preferences.ui.phonetic_typing = value == "on";
            else if (key == "keyboard")
                preferences.ui.show_keyboard = value != "off";
        } catch (...) {
            // A hand-edited value that is not a number keeps its default.
        }
    }
    return preferences;
}

void save_window_preferences(const std::filesystem::path& file, const WindowPreferences& preferences)
{
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const auto temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        if (!out)
            return;
        out << "width=" << preferences.width << "\nheight=" << preferences.height << "\nscale=" << preferences.ui.scale
            << "\ntheme=" << (preferences.ui.theme == Theme::Dark ? "dark" : "light")
            << "\nstress=" << (preferences.ui.show_stress ? "show" : "hide")
            << "\nphonetic=" << (preferences.ui.phonetic_typing ? "on" : "off")
            << "\nkeyboard=" << (preferences.ui.show_keyboard ? "on" : "off") << "\n";
        if (!out)
            return;
    }
    std::filesystem::rename(temporary, file, ec);
}

} // namespace letopis
