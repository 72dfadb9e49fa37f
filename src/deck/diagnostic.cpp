// Formatting and ordering of diagnostics (see diagnostic.h).
#include "deck/diagnostic.h"

#include <algorithm>

namespace letopis {

std::string format_diagnostic(std::string_view file, const Diagnostic& diagnostic)
{
    std::string out(file);
    if (diagnostic.line > 0) {
        out += ':';
        out += std::to_string(diagnostic.line);
    }
    out += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
    out += diagnostic.message;
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t count_of(const std::vector<Diagnostic>& diagnostics, Severity severity)
{
    return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                             [&](const Diagnostic& d) { return d.severity == severity; }));
}

void sort_by_line(std::vector<Diagnostic>& diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
}

} // namespace letopis
