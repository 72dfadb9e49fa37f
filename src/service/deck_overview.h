// The deck list's numbers: for each deck, how many new, learning and review cards are left today,
// with the deck's daily limits applied.
#pragma once

#include <cstdint>
#include <vector>

#include "service/study_settings.h"
#include "service/study_types.h"
#include "storage/collection.h"
#include "util/result.h"

namespace letopis {

// Counts left today for `deck` at `now_ms`.
Result<QueueCounts> queue_counts(Collection& collection, const DeckInfo& deck, int64_t now_ms,
                                 const StudySettings& settings);

Result<std::vector<DeckSummary>> deck_summaries(Collection& collection, int64_t now_ms,
                                                const StudySettings& settings);

} // namespace letopis
