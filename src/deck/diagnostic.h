// One problem found in a deck file or word list, with its line: what the linter prints as
// `FILE:LINE: error|warning: text` and what an import lists when it refuses a file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace letopis {

enum class Severity : uint8_t { Warning, Error };

struct Diagnostic {
    int32_t line = 0; // 1-based; 0 for the file as a whole
    Severity severity = Severity::Error;
    std::string message; // one sentence, lower case first, no file or line
};

// "FILE:LINE: error: text" ("FILE: warning: text" when line is 0).
std::string format_diagnostic(std::string_view file, const Diagnostic& diagnostic);

bool has_errors(const std::vector<Diagnostic>& diagnostics);
size_t count_of(const std::vector<Diagnostic>& diagnostics, Severity severity);

// Orders by line, keeping the order of findings on one line.
void sort_by_line(std::vector<Diagnostic>& diagnostics);

} // namespace letopis
