// The session keeps today's queue in memory: built once from the collection (≈ milliseconds on a
// large deck), then updated by each answer, so answering stays as fast as the write itself.
#include "service/study_session.h"

#include <algorithm>
#include <sstream>

namespace letopis {
namespace {

bool in_minutes_step(const CardSchedule& card)
{
    return (card.phase == CardPhase::Learning || card.phase == CardPhase::Relearning) && card.scheduled_days == 0;
}

void insert_by_due(std::vector<Card>& cards, const Card& card)
{
    const auto at = std::upper_bound(cards.begin(), cards.end(), card, [](const Card& a, const Card& b) {
        return a.schedule.due_ms != b.schedule.due_ms ? a.schedule.due_ms < b.schedule.due_ms : a.id < b.id;
    });
    cards.insert(at, card);
}

std::string leech_message(const std::string& front, int32_t lapses)
{
    return "\u201C" + front + "\u201D has been forgotten " + std::to_string(lapses) +
           " times, so it is now a leech: it is suspended and its note is tagged \u201Cleech\u201D. "
           "Try rewording it or adding an example before studying it again.";
}

} // namespace

bool has_tag(const std::string& tags, const std::string& tag)
{
    std::istringstream words(tags);
    for (std::string word; words >> word;) {
        if (word == tag)
            return true;
    }
    return false;
}

std::string without_tag(const std::string& tags, const std::string& tag)
{
    std::istringstream words(tags);
    std::string kept;
    for (std::string word; words >> word;) {
        if (word != tag)
            kept += (kept.empty() ? "" : " ") + word;
    }
    return kept;
}

std::string with_tag(const std::string& tags, const std::string& tag)
{
    if (has_tag(tags, tag))
        return tags;
    if (tags.empty() || tags.back() == ' ')
        return tags + tag;
    return tags + " " + tag;
}

StudySession::StudySession(Collection& collection, DeckInfo deck, StudySettings settings)
    : m_collection(collection), m_deck(std::move(deck)), m_settings(std::move(settings)),
      m_scheduler(m_settings.scheduler)
{
}

Status StudySession::rebuild(int64_t now_ms)
{
    auto queue = load_daily_queue(m_collection, m_deck, now_ms, m_settings, m_scheduler.fsrs());
    if (!queue)
        return queue.error();
    m_queue = std::move(*queue);
    m_queue_day = day_number(now_ms, m_settings.clock);
    return {};
}

Status StudySession::refresh(int64_t now_ms)
{
    TRY_STATUS(rebuild(now_ms));
    return advance(now_ms);
}

Status StudySession::advance(int64_t now_ms)
{
    if (!m_queue_day || *m_queue_day != day_number(now_ms, m_settings.clock))
        TRY_STATUS(rebuild(now_ms));

    // Steps that have come due join the learning cards, which go before everything else.
    while (!m_queue.later.empty() && m_queue.later.front().schedule.due_ms <= now_ms) {
        insert_by_due(m_queue.learning, m_queue.later.front());
        m_queue.later.erase(m_queue.later.begin());
    }

    m_remaining = counts_of(m_queue);
    m_next_learning_due_ms.reset();
    const Card* chosen = nullptr;
    if (!m_queue.learning.empty())
        chosen = &m_queue.learning.front();
    else if (!m_queue.main.empty())
        chosen = &m_queue.main.front();
    else if (!m_queue.later.empty()) {
        const Card& next = m_queue.later.front();
        if (next.schedule.due_ms <= now_ms + m_settings.learn_ahead_ms)
            chosen = &next;
        else
            m_next_learning_due_ms = next.schedule.due_ms;
    }
    if (!chosen) {
        m_current.reset();
        return {};
    }
    return show(chosen->id, now_ms);
}

Status StudySession::show(CardId card_id, int64_t now_ms)
{
    // The queue holds what ranking needed; the card on show is read whole, as it is now.
    auto card = m_collection.card(card_id);
    if (!card)
        return card.error();
    auto note = m_collection.note(card->note);
    if (!note)
        return note.error();
    m_current = StudyCard{*card, std::move(*note),
                          m_scheduler.next_states(card->schedule, now_ms, m_settings.clock, card->id)};
    return {};
}

Status StudySession::show_again(CardId card_id, int64_t now_ms)
{
    TRY_STATUS(rebuild(now_ms));
    m_remaining = counts_of(m_queue);
    TRY_STATUS(show(card_id, now_ms));
    if (m_answered > 0)
        --m_answered;
    return {};
}

void StudySession::forget_card(CardId card)
{
    for (auto* list : {&m_queue.learning, &m_queue.later, &m_queue.main})
        std::erase_if(*list, [&](const Card& c) { return c.id == card; });
}

void StudySession::bury_siblings(NoteId note)
{
    // Learning cards stay: they are mid-way through their steps.
    std::erase_if(m_queue.main, [&](const Card& c) { return c.note == note; });
    m_queue.review_count = static_cast<int32_t>(std::count_if(
        m_queue.main.begin(), m_queue.main.end(), [](const Card& c) { return c.schedule.phase == CardPhase::Review; }));
    m_queue.new_count = static_cast<int32_t>(m_queue.main.size()) - m_queue.review_count;
}

Status StudySession::answer(Rating rating, int64_t now_ms, int32_t duration_ms)
{
    VERIFY(m_current.has_value());
    // The outcome is computed for the moment of the answer, not the moment the card was shown.
    const Card& shown = m_current->card;
    const Outcome outcome = m_scheduler.answer(shown.schedule, rating, now_ms, m_settings.clock, shown.id);

    Card updated = shown;
    updated.schedule = outcome.schedule;
    const bool leech = outcome.leech && !shown.suspended;
    if (leech)
        updated.suspended = true;
    ReviewRecord review = make_review_record(shown.schedule, outcome, rating, now_ms);
    review.card = shown.id;
    review.duration_ms = duration_ms;

    ReviewId answer_id;
    std::optional<NoteId> tagged;
    Status stored = m_collection.transact([&]() -> Status {
        auto recorded = m_collection.record_answer(updated, review);
        if (!recorded)
            return recorded.error();
        answer_id = *recorded;
        if (!leech)
            return {};
        auto note = m_collection.note(shown.note);
        if (!note)
            return note.error();
        const std::string tags = with_tag(note->tags, kLeechTag);
        if (tags == note->tags)
            return {};
        note->tags = tags;
        auto saved = m_collection.upsert_note(*note);
        if (!saved)
            return saved.error();
        tagged = note->id;
        return {};
    });
    if (!stored)
        return stored.error();
    m_last_answer = answer_id;
    m_last_tagged = tagged;

    if (leech) {
        const Note& note = m_current->note;
        StudyNotice notice;
        notice.kind = NoticeKind::Leech;
        notice.card = shown.id;
        notice.note = shown.note;
        notice.front = shown.direction == Direction::EnglishToRussian ? note.english : note.russian;
        notice.lapses = updated.schedule.lapses;
        notice.message = leech_message(notice.front, notice.lapses);
        m_notice = std::move(notice);
    }

    forget_card(shown.id);
    bury_siblings(shown.note);
    // A card still in a minutes-long step comes back today; anything else is done for the day.
    const int64_t day_end = day_start_ms(day_number(now_ms, m_settings.clock) + 1, m_settings.clock);
    if (!updated.suspended && in_minutes_step(updated.schedule) && updated.schedule.due_ms < day_end)
        insert_by_due(m_queue.later, updated);
    ++m_answered;
    return advance(now_ms);
}

std::optional<StudyNotice> StudySession::take_notice()
{
    std::optional<StudyNotice> notice = std::move(m_notice);
    m_notice.reset();
    return notice;
}

} // namespace letopis
