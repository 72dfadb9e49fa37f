// Applies the daily limits to the raw counts that storage reports.
#include "service/deck_overview.h"

#include <algorithm>

namespace letopis {

Result<QueueCounts> queue_counts(Collection& collection, const DeckInfo& deck, int64_t now_ms,
                                 const StudySettings& settings)
{
    const int64_t today = day_number(now_ms, settings.clock);
    auto raw = collection.card_counts(deck.id, now_ms, day_start_ms(today, settings.clock),
                                      day_start_ms(today + 1, settings.clock));
    if (!raw)
        return raw.error();
    QueueCounts counts;
    counts.learning = raw->learning_due;
    counts.review = std::clamp(deck.reviews_per_day - raw->reviews_today, 0, raw->review_due);
    counts.new_cards = std::clamp(deck.new_per_day - raw->new_studied_today, 0, raw->new_cards);
    return counts;
}

Result<std::vector<DeckSummary>> deck_summaries(Collection& collection, int64_t now_ms,
                                                const StudySettings& settings)
{
    auto decks = collection.decks();
    if (!decks)
        return decks.error();
    std::vector<DeckSummary> summaries;
    summaries.reserve(decks->size());
    for (const auto& deck : *decks) {
        auto counts = queue_counts(collection, deck, now_ms, settings);
        if (!counts)
            return counts.error();
        auto notes = collection.note_count(deck.id);
        if (!notes)
            return notes.error();
        summaries.push_back(DeckSummary{deck, *counts, *notes});
    }
    return summaries;
}

} // namespace letopis
