// Parsing of UI scripts: one command per line, `#` starts a comment line.
#include "app/ui_script.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace letopis {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool parse_int(std::string_view s, int64_t& out)
{
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

std::vector<std::string> split_words(std::string_view s)
{
    std::vector<std::string> words;
    std::istringstream in{std::string(s)};
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

} // namespace

Result<std::vector<ScriptStep>> parse_ui_script(std::string_view text, std::string_view file_name)
{
    std::vector<ScriptStep> steps;
    int line_number = 0;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        ++line_number;
        if (line.empty() || line.front() == '#')
            continue;

        const size_t space = line.find(' ');
        const std::string_view command = line.substr(0, space);
        const std::string_view rest = space == std::string_view::npos ? std::string_view{} : trim(line.substr(space + 1));
        auto fail = [&](const std::string& what) {
            return make_error(ErrorKind::Parse, std::string(file_name) + ":" + std::to_string(line_number) + ": " + what);
        };

        ScriptStep step;
        step.line = line_number;
        if (command == "key") {
            // `key Space 3` presses Space, releases it, then presses 3: one step per key.
            const auto names = split_words(rest);
            if (names.empty())
                return fail("`key` needs at least one key name, e.g. `key Space`");
            for (size_t i = 0; i + 1 < names.size(); ++i) {
                ScriptStep press;
                press.kind = ScriptStep::Kind::Key;
                press.line = line_number;
                press.keys = {names[i]};
                steps.push_back(std::move(press));
            }
            step.kind = ScriptStep::Kind::Key;
            step.keys = {names.back()};
        } else if (command == "text") {
            step.kind = ScriptStep::Kind::Text;
            step.text = std::string(rest);
            if (step.text.empty())
                return fail("`text` needs the text to type");
        } else if (command == "click") {
            step.kind = ScriptStep::Kind::Click;
            auto words = split_words(rest);
            int64_t x = 0, y = 0;
            if (words.size() != 2 || !parse_int(words[0], x) || !parse_int(words[1], y))
                return fail("`click` needs two whole numbers: X Y in window pixels");
            step.x = static_cast<int>(x);
            step.y = static_cast<int>(y);
        } else if (command == "wait") {
            step.kind = ScriptStep::Kind::Wait;
            if (!parse_int(rest, step.milliseconds) || step.milliseconds < 0)
                return fail("`wait` needs a number of milliseconds");
        } else if (command == "expect-screen") {
            step.kind = ScriptStep::Kind::ExpectScreen;
            step.text = std::string(rest);
            if (step.text.empty())
                return fail("`expect-screen` needs a screen name (decks, review, done)");
        } else if (command == "expect-verdict") {
            step.kind = ScriptStep::Kind::ExpectVerdict;
            step.text = std::string(rest);
            if (step.text != "correct" && step.text != "almost" && step.text != "wrong")
                return fail("`expect-verdict` needs correct, almost or wrong");
        } else if (command == "screenshot") {
            step.kind = ScriptStep::Kind::Screenshot;
            step.text = std::string(rest);
            if (step.text.empty())
                return fail("`screenshot` needs a file name");
        } else if (command == "quit") {
            step.kind = ScriptStep::Kind::Quit;
        } else {
            return fail("unknown command `" + std::string(command) +
                        "` (expected key, text, click, wait, expect-screen, expect-verdict, screenshot or quit)");
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

Result<std::vector<ScriptStep>> read_ui_script(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return make_error(ErrorKind::Io, "Cannot read the script " + file.string() + ".");
    std::ostringstream content;
    content << in.rdbuf();
    return parse_ui_script(content.str(), file.string());
}

} // namespace letopis
