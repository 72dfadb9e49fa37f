// The expected side of a typed answer as written in a deck field: accepted alternatives and
// optional parts (syntax in docs/deck-format.md, "Typed answers").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace letopis {

// The deck field the expected answer comes from; it decides which characters separate answers.
enum class AnswerField : uint8_t {
    Russian, // `;` or `|` separate alternatives
    English, // also `,` (glosses list synonyms with commas); a leading the/a/an/to is optional
};

struct AnswerAlternative {
    std::string written;               // as in the field, trimmed and NFC: "(по)бежа́ть"
    std::vector<std::string> variants; // every accepted form, NFC, single spaces: "побежа́ть", "бежа́ть"
};

struct ExpectedAnswer {
    std::vector<AnswerAlternative> alternatives; // in field order; empty for an empty field
};

// At most this many optional parts of one alternative are expanded both ways; further ones are
// required (their text kept, the parentheses dropped), so one answer never has over 64 forms.
inline constexpr int kMaxOptionalParts = 6;

// Never fails: a parenthesis without its partner is kept as a literal character, parentheses
// inside an optional part are kept as text, empty alternatives are skipped.
ExpectedAnswer parse_expected(std::string_view field, AnswerField kind = AnswerField::Russian);

// For deck linting: an InvalidInput error naming the first problem (unbalanced or nested
// parentheses, an empty alternative, an answer that is all optional, too many optional parts).
Status check_expected_syntax(std::string_view field, AnswerField kind = AnswerField::Russian);

} // namespace letopis
