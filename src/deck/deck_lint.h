// The content checks of `letopis deck check`, run on the notes the reader produced: mixed
// Latin/Cyrillic words, misplaced or doubled stress marks (errors); missing stress, stress that
// disagrees with the installed stress dictionary, repeated headwords and example sentences that
// do not contain their word in any form (warnings).
#pragma once

#include <vector>

#include "deck/deck_file.h"
#include "deck/diagnostic.h"

namespace letopis {

class StressDictionary;
class Lemmatizer;

// Resources loaded once and shared by every file checked. A null member skips its check (the
// stress comparison) or falls back to comparing word beginnings (the example check).
struct LintTools {
    const StressDictionary* stress = nullptr;
    Lemmatizer* lemmas = nullptr;
};

// Diagnostics for every note of `deck`, in line order.
std::vector<Diagnostic> lint_deck(const DeckFile& deck, const LintTools& tools);

} // namespace letopis
