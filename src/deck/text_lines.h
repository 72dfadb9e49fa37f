// Small text helpers the deck readers share: lines of a file, trimming, lower-case ASCII names.
// Internal to deck/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace letopis {

// Calls fn(line_number, line) for each line (numbered from 1, a trailing \r removed) until it
// returns false. Text ending in \n has an empty last line.
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn)
{
    size_t start = 0;
    int32_t number = 1;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!fn(number, line) || end == text.size())
            return;
        start = end + 1;
        ++number;
    }
}

// `text` without any of `blanks` at either end.
inline std::string_view trim_chars(std::string_view text, std::string_view blanks)
{
    const size_t first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// Column and metadata names compare without case; they are ASCII.
inline std::string ascii_lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

} // namespace letopis
