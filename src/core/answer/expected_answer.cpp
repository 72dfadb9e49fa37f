// Parsing of the expected side of a typed answer: alternatives and optional parts.
#include "core/answer/expected_answer.h"

#include <algorithm>
#include <cctype>

#include "text/normalize.h"

namespace letopis {
namespace {

struct Segment {
    std::string text;
    bool optional = false;
};

// One alternative, cut into required and optional segments.
struct RawAlternative {
    std::string written;
    std::vector<Segment> segments;
};

bool is_separator(char c, AnswerField kind)
{
    return c == ';' || c == '|' || (kind == AnswerField::English && c == ',');
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string collapse_spaces(std::string_view text)
{
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// For every '(' the index of its ')' (or npos when unmatched); separators and parentheses are
// ASCII, so scanning the UTF-8 bytes is safe.
std::vector<size_t> match_parentheses(std::string_view text)
{
    std::vector<size_t> partner(text.size(), std::string_view::npos);
    std::vector<size_t> open;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(') {
            open.push_back(i);
        } else if (text[i] == ')' && !open.empty()) {
            partner[open.back()] = i;
            partner[i] = open.back();
            open.pop_back();
        }
    }
    return partner;
}

std::vector<RawAlternative> split_alternatives(std::string_view text, AnswerField kind)
{
    const auto partner = match_parentheses(text);
    std::vector<RawAlternative> out;
    RawAlternative current;
    size_t start = 0;
    auto finish = [&](size_t end) {
        current.written = collapse_spaces(text.substr(start, end - start));
        out.push_back(std::move(current));
        current = {};
    };
    auto append_required = [&](char c) {
        if (current.segments.empty() || current.segments.back().optional)
            current.segments.push_back({});
        current.segments.back().text += c;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '(' && partner[i] != std::string_view::npos) {
            current.segments.push_back({std::string(text.substr(i + 1, partner[i] - i - 1)), true});
            i = partner[i];
        } else if (is_separator(c, kind)) {
            finish(i);
            start = i + 1;
        } else {
            append_required(c);
        }
    }
    finish(text.size());
    return out;
}

bool starts_with_article(std::string_view text, std::string_view article)
{
    if (text.size() <= article.size() || text[article.size()] != ' ')
        return false;
    for (size_t i = 0; i < article.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != article[i])
            return false;
    }
    return true;
}

std::vector<std::string> expand(const RawAlternative& alternative, AnswerField kind)
{
    std::vector<size_t> optional;
    for (size_t i = 0; i < alternative.segments.size(); ++i) {
        if (alternative.segments[i].optional && optional.size() < static_cast<size_t>(kMaxOptionalParts))
            optional.push_back(i);
    }
    std::vector<std::string> variants;
    auto add = [&variants](std::string variant) {
        if (!variant.empty() && std::find(variants.begin(), variants.end(), variant) == variants.end())
            variants.push_back(std::move(variant));
    };
    // All optional parts included first, none last.
    const unsigned all = (1u << optional.size()) - 1;
    for (unsigned omitted = 0; omitted <= all; ++omitted) {
        std::string text;
        for (size_t i = 0, k = 0; i < alternative.segments.size(); ++i) {
            const bool is_expanded = k < optional.size() && optional[k] == i;
            if (is_expanded && (omitted >> k++ & 1u))
                continue;
            text += alternative.segments[i].text;
        }
        add(collapse_spaces(text));
    }
    if (kind == AnswerField::English) {
        for (size_t i = 0, n = variants.size(); i < n; ++i) {
            for (std::string_view article : {"the", "a", "an", "to"}) {
                if (starts_with_article(variants[i], article))
                    add(variants[i].substr(article.size() + 1));
            }
        }
    }
    return variants;
}

Error syntax_error(std::string message) { return make_error(ErrorKind::InvalidInput, std::move(message)); }

} // namespace

ExpectedAnswer parse_expected(std::string_view field, AnswerField kind)
{
    const std::string text = to_nfc(field);
    ExpectedAnswer expected;
    for (const auto& raw : split_alternatives(text, kind)) {
        auto variants = expand(raw, kind);
        if (variants.empty())
            continue;
        expected.alternatives.push_back({raw.written, std::move(variants)});
    }
    return expected;
}

Status check_expected_syntax(std::string_view field, AnswerField kind)
{
    const std::string text = to_nfc(field);
    int depth = 0;
    for (char c : text) {
        if (c == '(') {
            if (depth > 0)
                return syntax_error("nested parentheses: an optional part cannot hold another");
            ++depth;
        } else if (c == ')') {
            if (depth == 0)
                return syntax_error("a ')' without its '('");
            --depth;
        }
    }
    if (depth > 0)
        return syntax_error("a '(' without its ')'");

    const auto alternatives = split_alternatives(text, kind);
    for (const auto& alternative : alternatives) {
        if (alternative.written.empty()) {
            if (alternatives.size() == 1)
                return syntax_error("the answer is empty");
            return syntax_error("an empty alternative between separators");
        }
        const auto optional = std::count_if(alternative.segments.begin(), alternative.segments.end(),
                                            [](const Segment& s) { return s.optional; });
        if (optional > kMaxOptionalParts)
            return syntax_error("more than " + std::to_string(kMaxOptionalParts) + " optional parts in \"" +
                                alternative.written + "\"");
        const bool has_required = std::any_of(alternative.segments.begin(), alternative.segments.end(),
                                              [](const Segment& s) {
                                                  return !s.optional && !collapse_spaces(s.text).empty();
                                              });
        if (!has_required)
            return syntax_error("\"" + alternative.written + "\" is all optional: keep some of it outside parentheses");
    }
    return {};
}

} // namespace letopis
