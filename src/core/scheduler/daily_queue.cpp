// Queue assembly. Reviews are ranked by retrievability computed once per card (one pow each), and
// only the cards that make it into today's queue are copied.
#include "core/scheduler/daily_queue.h"

#include <algorithm>

namespace letopis {

namespace {

bool is_learning(const CardSchedule& card)
{
    return card.phase == CardPhase::Learning || card.phase == CardPhase::Relearning;
}

bool earlier_due(const Card& a, const Card& b)
{
    if (a.schedule.due_ms != b.schedule.due_ms)
        return a.schedule.due_ms < b.schedule.due_ms;
    return a.id < b.id;
}

struct RankedReview {
    double retrievability;
    int64_t due_ms;
    int64_t id;
    const Card* card;
};

} // namespace

bool in_day_step(const CardSchedule& card)
{
    return is_learning(card) && card.scheduled_days > 0;
}

std::vector<bool> interleave_pattern(int32_t reviews, int32_t new_cards)
{
    const int64_t n = std::max(reviews, 0);
    const int64_t m = std::max(new_cards, 0);
    std::vector<bool> pattern;
    pattern.reserve(static_cast<size_t>(n + m));
    // The new cards cut the reviews into m + 1 runs: new card k follows review
    // round((k + 1) · n / (m + 1)), so every run is ⌊n/(m+1)⌋ or ⌈n/(m+1)⌉ reviews long.
    int64_t placed_reviews = 0;
    for (int64_t k = 0; k < m; ++k) {
        const int64_t after = ((k + 1) * n * 2 + (m + 1)) / (2 * (m + 1));
        for (; placed_reviews < after; ++placed_reviews)
            pattern.push_back(false);
        pattern.push_back(true);
    }
    for (; placed_reviews < n; ++placed_reviews)
        pattern.push_back(false);
    return pattern;
}

DailyQueue build_daily_queue(const QueueCandidates& candidates, const DailyLimits& limits, int64_t now_ms,
                             const DayClock& clock, const FsrsInference& fsrs)
{
    const int64_t today = day_number(now_ms, clock);
    const int64_t day_end = day_start_ms(today + 1, clock);
    const std::unordered_set<NoteId> no_notes;
    const std::unordered_set<NoteId>& studied = candidates.studied_notes ? *candidates.studied_notes : no_notes;
    // Notes that already have a card today: studied ones, plus every card the queue takes.
    std::unordered_set<NoteId> taken;
    taken.reserve(studied.size() + 256);
    const auto note_free = [&](NoteId note) { return !studied.contains(note) && !taken.contains(note); };

    DailyQueue queue;
    std::vector<RankedReview> reviews;
    reviews.reserve(candidates.due.size());
    for (const Card& card : candidates.due) {
        const CardSchedule& s = card.schedule;
        if (card.suspended)
            continue;
        if (is_learning(s)) {
            // A card in its steps is never buried: leaving it would undo what it is learning.
            if (in_day_step(s)) {
                if (s.due_ms < day_end)
                    queue.learning.push_back(card);
            } else if (s.due_ms <= now_ms) {
                queue.learning.push_back(card);
            } else if (s.due_ms < day_end) {
                queue.later.push_back(card);
            }
        } else if (s.phase == CardPhase::Review && s.due_ms < day_end) {
            double recall = 0; // a review card without a memory state is shown first
            if (s.memory) {
                const int64_t elapsed = std::max<int64_t>(today - day_number(s.last_review_ms, clock), 0);
                recall = fsrs.retrievability(static_cast<double>(elapsed), s.memory->stability);
            }
            reviews.push_back(RankedReview{recall, s.due_ms, card.id.value, &card});
        }
    }
    std::sort(queue.learning.begin(), queue.learning.end(), earlier_due);
    std::sort(queue.later.begin(), queue.later.end(), earlier_due);
    for (const Card& card : queue.learning)
        taken.insert(card.note);
    for (const Card& card : queue.later)
        taken.insert(card.note);

    // Only the head of the ranking is ever used (the limit, plus what burying skips), so it is
    // ranked in slices: select the next smallest batch, sort just that batch, and go on if the
    // batch ran out. The order is that of a full sort.
    const auto more_at_risk = [](const RankedReview& a, const RankedReview& b) {
        if (a.retrievability != b.retrievability)
            return a.retrievability < b.retrievability;
        if (a.due_ms != b.due_ms)
            return a.due_ms < b.due_ms;
        return a.id < b.id;
    };
    size_t ranked = 0;
    const auto rank_up_to = [&](size_t wanted) {
        wanted = std::min(wanted, reviews.size());
        if (wanted <= ranked)
            return;
        const auto first = reviews.begin() + static_cast<std::ptrdiff_t>(ranked);
        const auto last = reviews.begin() + static_cast<std::ptrdiff_t>(wanted);
        std::nth_element(first, last - 1, reviews.end(), more_at_risk);
        std::sort(first, last, more_at_risk);
        ranked = wanted;
    };
    std::vector<const Card*> chosen_reviews;
    const auto review_limit = static_cast<size_t>(std::max(limits.reviews, 0));
    chosen_reviews.reserve(std::min<size_t>(review_limit, reviews.size()));
    for (size_t i = 0; i < reviews.size() && chosen_reviews.size() < review_limit; ++i) {
        if (i == ranked)
            rank_up_to(std::max(ranked * 2, review_limit + 64));
        const Card* card = reviews[i].card;
        if (!note_free(card->note))
            continue;
        taken.insert(card->note);
        chosen_reviews.push_back(card);
    }

    std::vector<const Card*> chosen_new;
    chosen_new.reserve(static_cast<size_t>(std::clamp<int64_t>(limits.new_cards, 0, 4096)));
    for (const Card& card : candidates.fresh) {
        if (static_cast<int64_t>(chosen_new.size()) >= limits.new_cards)
            break;
        ++queue.fresh_examined;
        if (card.suspended || card.schedule.phase != CardPhase::New || !note_free(card.note))
            continue;
        taken.insert(card.note);
        chosen_new.push_back(&card);
    }

    queue.review_count = static_cast<int32_t>(chosen_reviews.size());
    queue.new_count = static_cast<int32_t>(chosen_new.size());
    queue.main.reserve(chosen_reviews.size() + chosen_new.size());
    size_t r = 0, k = 0;
    for (bool is_new : interleave_pattern(queue.review_count, queue.new_count))
        queue.main.push_back(is_new ? *chosen_new[k++] : *chosen_reviews[r++]);
    return queue;
}

} // namespace letopis
