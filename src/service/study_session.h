// A study session on one deck: today's queue (learning due → reviews by lowest retrievability
// with new cards spread among them → learning ahead), a preview of the four outcomes for the
// grade buttons, and each answer committed (card + review, one transaction) before moving on.
#pragma once

#include <cstdint>
#include <optional>

#include "core/scheduler/daily_queue.h"
#include "core/scheduler/scheduler.h"
#include "service/deck_overview.h"
#include "service/study_settings.h"
#include "storage/collection.h"
#include "util/result.h"

namespace letopis {

class StudySession {
public:
    // `deck` carries the daily limits and `settings` the deck's scheduler options (deck_options.h
    // has both); the session keeps them until it ends.
    StudySession(Collection& collection, DeckInfo deck, StudySettings settings);

    // Chooses the card to show at `now_ms` (none when the deck is done for now). Today's queue is
    // read from the collection on the first call and again when the learner's day has changed;
    // in between it is kept up to date by answer().
    Status advance(int64_t now_ms);
    // Reads today's queue from the collection again, then advances: for changes made outside the
    // session (an undone answer, an import).
    Status refresh(int64_t now_ms);
    // After an undo: rebuilds the queue and shows `card` again, as it was restored.
    Status show_again(CardId card, int64_t now_ms);

    const std::optional<StudyCard>& current() const { return m_current; }
    const QueueCounts& remaining() const { return m_remaining; }
    const DeckInfo& deck() const { return m_deck; }
    const Scheduler& scheduler() const { return m_scheduler; }
    int32_t answered() const { return m_answered; }
    // When the session is done but learning cards come back later today: the earliest due time.
    std::optional<int64_t> next_learning_due_ms() const { return m_next_learning_due_ms; }

    // Grades the current card at `now_ms`, commits it, then advances. When this returns ok, the
    // answer is on disk. A lapse that makes the card a leech also suspends the card and tags its
    // note "leech" (same transaction), and leaves a notice for take_notice().
    Status answer(Rating rating, int64_t now_ms, int32_t duration_ms);

    // The news of the last answer, once (nullopt when there is none).
    std::optional<StudyNotice> take_notice();
    // Another UTC offset for the learner's day; the next advance() reads today's queue again.
    void set_day_clock(const DayClock& clock)
    {
        m_settings.clock = clock;
        m_queue_day.reset();
    }
    // The review id of the last answer committed in this session (for undo), if any.
    std::optional<ReviewId> last_answer() const { return m_last_answer; }
    // The note the last answer tagged "leech" (it was not tagged before), so undo can untag it.
    std::optional<NoteId> last_answer_tagged() const { return m_last_tagged; }

private:
    Status rebuild(int64_t now_ms);
    Status show(CardId card, int64_t now_ms); // reads the card and its note, previews the grades
    void forget_card(CardId card);
    void bury_siblings(NoteId note);

    Collection& m_collection;
    DeckInfo m_deck;
    StudySettings m_settings;
    Scheduler m_scheduler;
    DailyQueue m_queue;
    std::optional<int64_t> m_queue_day; // the learner's day m_queue was built for
    std::optional<StudyCard> m_current;
    QueueCounts m_remaining;
    std::optional<int64_t> m_next_learning_due_ms;
    std::optional<StudyNotice> m_notice;
    std::optional<ReviewId> m_last_answer;
    std::optional<NoteId> m_last_tagged;
    int32_t m_answered = 0;
};

// The note's tags with `tag` added (space-separated; unchanged if it is there already).
std::string with_tag(const std::string& tags, const std::string& tag);
// The note's tags without `tag` (the others keep their order).
std::string without_tag(const std::string& tags, const std::string& tag);
bool has_tag(const std::string& tags, const std::string& tag);

inline constexpr const char* kLeechTag = "leech";

} // namespace letopis
