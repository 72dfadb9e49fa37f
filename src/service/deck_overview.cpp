// Reads a deck's queue candidates (due cards, the first new cards, today's studied notes and
// counts) and hands them to the pure queue builder in core/scheduler/daily_queue.
#include "service/deck_overview.h"

#include "service/deck_directions.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "service/deck_options.h"

namespace letopis {

namespace {

constexpr int32_t kAllDue = std::numeric_limits<int32_t>::max();

} // namespace

Result<DailyQueue> load_daily_queue(Collection& collection, const DeckInfo& deck, int64_t now_ms,
                                    const StudySettings& settings, const FsrsInference& fsrs)
{
    const int64_t today = day_number(now_ms, settings.clock);
    const int64_t day_start = day_start_ms(today, settings.clock);
    const int64_t day_end = day_start_ms(today + 1, settings.clock);

    // Today's answers: what the limits have used up, and the notes whose other cards now wait.
    auto answers = collection.answers_between(deck.id, day_start, day_end);
    if (!answers)
        return answers.error();
    std::unordered_set<NoteId> studied;
    std::unordered_set<CardId> introduced; // new cards answered for the first time today
    int32_t reviews_done = 0;
    for (const AnswerBrief& answer : *answers) {
        studied.insert(answer.note);
        if (answer.phase_before == CardPhase::New)
            introduced.insert(answer.card);
        else if (answer.phase_before == CardPhase::Review)
            ++reviews_done;
    }
    DailyLimits limits;
    limits.new_cards = std::max(deck.new_per_day - static_cast<int32_t>(introduced.size()), 0);
    limits.reviews = std::max(deck.reviews_per_day - reviews_done, 0);

    // Every learning and review card due today: reviews are ranked by retrievability, so each
    // must be seen. Read unsorted and without the columns ranking does not need; a session reads
    // the whole card when it shows it.
    auto due = collection.due_cards_brief(deck.id, day_end);
    if (!due)
        return due.error();

    auto stored_directions = collection.setting(deck_directions_setting(deck.key));
    if (!stored_directions)
        return stored_directions.error();
    StudiedDirections directions = parse_directions(stored_directions->value_or(""));
    directions.listening = settings.listening_cards;
    if (!directions.listening) {
        // Listening turned off (or no sound): its cards rest, schedules kept, until it is back on.
        std::erase_if(*due, [](const Card& card) { return card.direction == Direction::Listening; });
    }

    std::vector<Card> fresh;
    if (limits.new_cards > 0) {
        // New cards come in note order, a note's cards together (two, three with listening), so
        // about that many per wanted card, plus the ones that notes studied today hide. If
        // burying hid more than that, fetch a longer list and build again.
        const int64_t per_note = directions.listening ? 3 : 2;
        int64_t fetch = int64_t{limits.new_cards} * per_note + static_cast<int64_t>(studied.size()) * per_note + 16;
        while (true) {
            const auto limit = static_cast<int32_t>(std::min<int64_t>(fetch, kAllDue));
            auto fetched = collection.new_cards(deck.id, limit);
            if (!fetched)
                return fetched.error();
            const bool maybe_more = static_cast<int64_t>(fetched->size()) == limit && limit < kAllDue;
            fresh.clear();
            for (Card& card : *fetched)
                if (directions.studies(card.direction))
                    fresh.push_back(std::move(card));
            DailyQueue queue =
                build_daily_queue(QueueCandidates{*due, fresh, &studied}, limits, now_ms, settings.clock, fsrs);
            if (queue.new_count >= limits.new_cards || !maybe_more || queue.fresh_examined < fresh.size())
                return queue;
            fetch *= 4;
        }
    }
    return build_daily_queue(QueueCandidates{*due, fresh, &studied}, limits, now_ms, settings.clock, fsrs);
}

QueueCounts counts_of(const DailyQueue& queue)
{
    QueueCounts counts;
    counts.learning = static_cast<int32_t>(queue.learning.size());
    counts.review = queue.review_count;
    counts.new_cards = queue.new_count;
    return counts;
}

Result<QueueCounts> queue_counts(Collection& collection, const DeckInfo& deck, int64_t now_ms,
                                 const StudySettings& settings)
{
    const FsrsInference fsrs(settings.scheduler.params, settings.scheduler.desired_retention);
    auto queue = load_daily_queue(collection, deck, now_ms, settings, fsrs);
    if (!queue)
        return queue.error();
    return counts_of(*queue);
}

Result<std::vector<DeckSummary>> deck_summaries(Collection& collection, int64_t now_ms,
                                                const StudySettings& settings)
{
    auto decks = collection.decks();
    if (!decks)
        return decks.error();
    const FsrsInference fsrs(settings.scheduler.params, settings.scheduler.desired_retention);
    std::vector<DeckSummary> summaries;
    summaries.reserve(decks->size());
    for (const auto& stored : *decks) {
        auto options = load_deck_options(collection, stored, settings);
        if (!options)
            return options.error();
        const DeckInfo deck = with_limits(stored, *options);
        auto queue = load_daily_queue(collection, deck, now_ms, settings_for_deck(settings, *options), fsrs);
        if (!queue)
            return queue.error();
        auto notes = collection.note_count(deck.id);
        if (!notes)
            return notes.error();
        summaries.push_back(DeckSummary{deck, counts_of(*queue), *notes});
    }
    return summaries;
}

} // namespace letopis
