// Today's queue of a deck as read from the collection, and the deck list's numbers: for each
// deck, how many new, learning and review cards are left today, with its daily limits and
// sibling burying applied (the same queue a session would study).
#pragma once

#include <cstdint>
#include <vector>

#include "core/fsrs/fsrs.h"
#include "core/scheduler/daily_queue.h"
#include "service/study_settings.h"
#include "service/study_types.h"
#include "storage/collection.h"
#include "util/result.h"

namespace letopis {

// Today's queue for `deck` at `now_ms`: candidates from the collection, the daily limits of
// `deck` less what was studied today, and the notes answered today (whose other cards wait).
// `fsrs` ranks the reviews; its retention does not matter here.
Result<DailyQueue> load_daily_queue(Collection& collection, const DeckInfo& deck, int64_t now_ms,
                                    const StudySettings& settings, const FsrsInference& fsrs);

// What is left of a queue, as the deck list and the review screen show it.
QueueCounts counts_of(const DailyQueue& queue);

// Counts left today for `deck` at `now_ms`, with the limits of `deck` as given.
Result<QueueCounts> queue_counts(Collection& collection, const DeckInfo& deck, int64_t now_ms,
                                 const StudySettings& settings);

// Every deck with its counts, each with its own options (deck_options.h) applied.
Result<std::vector<DeckSummary>> deck_summaries(Collection& collection, int64_t now_ms,
                                                const StudySettings& settings);

} // namespace letopis
