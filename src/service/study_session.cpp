// Queue order: learning cards that are due, then due reviews, then new cards (one direction of a
// note per session), then learning cards due within the learn-ahead window.
#include "service/study_session.h"

#include <algorithm>

namespace letopis {
namespace {

constexpr int32_t kDueFetchLimit = 64;

bool in_learning(const Card& card)
{
    return card.schedule.phase == CardPhase::Learning || card.schedule.phase == CardPhase::Relearning;
}

} // namespace

StudySession::StudySession(Collection& collection, DeckInfo deck, StudySettings settings)
    : m_collection(collection), m_deck(std::move(deck)), m_settings(std::move(settings))
{
}

Result<std::optional<Card>> StudySession::pick_card(int64_t now_ms)
{
    const int64_t day_end = day_start_ms(day_number(now_ms, m_settings.clock) + 1, m_settings.clock);
    auto due = m_collection.due_cards(m_deck.id, std::max(day_end, now_ms + m_settings.learn_ahead_ms + 1),
                                      kDueFetchLimit);
    if (!due)
        return due.error();

    m_next_learning_due_ms.reset();
    for (const auto& card : *due) {
        if (in_learning(card) && card.schedule.due_ms <= now_ms)
            return std::optional<Card>(card);
    }
    if (m_remaining.review > 0) {
        for (const auto& card : *due) {
            if (card.schedule.phase == CardPhase::Review && card.schedule.due_ms < day_end)
                return std::optional<Card>(card);
        }
    }
    if (m_remaining.new_cards > 0) {
        // Fetch enough to step over the siblings of notes already studied in this session: new
        // cards come in note order, so every seen note can hide one card ahead of the wanted ones.
        const auto limit = static_cast<int32_t>(m_remaining.new_cards * 2 + m_notes_seen.size() + 8);
        auto fresh = m_collection.new_cards(m_deck.id, limit);
        if (!fresh)
            return fresh.error();
        for (const auto& card : *fresh) {
            if (!m_notes_seen.contains(card.note))
                return std::optional<Card>(card);
        }
    }
    for (const auto& card : *due) {
        if (!in_learning(card))
            continue;
        if (card.schedule.due_ms <= now_ms + m_settings.learn_ahead_ms)
            return std::optional<Card>(card);
        if (!m_next_learning_due_ms || card.schedule.due_ms < *m_next_learning_due_ms)
            m_next_learning_due_ms = card.schedule.due_ms;
    }
    return std::optional<Card>();
}

Status StudySession::advance(int64_t now_ms)
{
    auto counts = queue_counts(m_collection, m_deck, now_ms, m_settings);
    if (!counts)
        return counts.error();
    m_remaining = *counts;

    auto picked = pick_card(now_ms);
    if (!picked)
        return picked.error();
    if (!*picked) {
        m_current.reset();
        return {};
    }
    const Card& card = **picked;
    auto note = m_collection.note(card.note);
    if (!note)
        return note.error();
    m_current = StudyCard{card, std::move(*note),
                          next_states(card.schedule, now_ms, m_settings.scheduler, m_settings.clock)};
    return {};
}

Status StudySession::answer(Rating rating, int64_t now_ms, int32_t duration_ms)
{
    VERIFY(m_current.has_value());
    // The outcome is computed for the moment of the answer, not the moment the card was shown.
    const Card& shown = m_current->card;
    const auto states = next_states(shown.schedule, now_ms, m_settings.scheduler, m_settings.clock);
    const Outcome& outcome = states[rating];

    Card updated = shown;
    updated.schedule = outcome.schedule;
    ReviewRecord review = make_review_record(shown.schedule, outcome, rating, now_ms);
    review.card = shown.id;
    review.duration_ms = duration_ms;

    auto stored = m_collection.record_answer(updated, review);
    if (!stored)
        return stored.error();
    m_notes_seen.insert(shown.note);
    ++m_answered;
    return advance(now_ms);
}

} // namespace letopis
