// StudyService: a thin facade over StudySession and the deck overview, so the UI never sees storage.
#include "service/study_service.h"

#include "service/deck_overview.h"
#include "service/study_session.h"
#include "storage/collection.h"

namespace letopis {

StudyService::StudyService(Collection& collection, StudySettings settings)
    : m_collection(collection), m_settings(std::move(settings))
{
}

StudyService::~StudyService() = default;

Result<std::vector<DeckSummary>> StudyService::deck_summaries(int64_t now_ms)
{
    return letopis::deck_summaries(m_collection, now_ms, m_settings);
}

Status StudyService::start_session(DeckId deck, int64_t now_ms)
{
    auto decks = m_collection.decks();
    if (!decks)
        return decks.error();
    for (const auto& info : *decks) {
        if (info.id != deck)
            continue;
        auto options = load_deck_options(m_collection, info, m_settings);
        if (!options)
            return options.error();
        auto session = std::make_unique<StudySession>(m_collection, with_limits(info, *options),
                                                      settings_for_deck(m_settings, *options));
        TRY_STATUS(session->advance(now_ms));
        m_session = std::move(session);
        m_session_speak = options->speak;
        return {};
    }
    return make_error(ErrorKind::NotFound, "The deck no longer exists in this collection.");
}

Result<DeckInfo> StudyService::find_deck(DeckId deck)
{
    auto decks = m_collection.decks();
    if (!decks)
        return decks.error();
    for (const auto& info : *decks) {
        if (info.id == deck)
            return info;
    }
    return make_error(ErrorKind::NotFound, "The deck no longer exists in this collection.");
}

Result<DeckOptions> StudyService::deck_options(DeckId deck)
{
    auto info = find_deck(deck);
    if (!info)
        return info.error();
    return load_deck_options(m_collection, *info, m_settings);
}

Status StudyService::set_deck_options(DeckId deck, const DeckOptions& options)
{
    auto info = find_deck(deck);
    if (!info)
        return info.error();
    return save_deck_options(m_collection, *info, options);
}

Status StudyService::set_sound_available(bool available, int64_t now_ms)
{
    if (m_settings.sound_available == available)
        return {};
    m_settings.sound_available = available;
    if (!m_session)
        return {};
    return start_session(m_session->deck().id, now_ms);
}

void StudyService::set_day_clock(const DayClock& clock)
{
    m_settings.clock = clock;
    if (m_session)
        m_session->set_day_clock(clock);
}

std::optional<StudyNotice> StudyService::take_notice()
{
    return m_session ? m_session->take_notice() : std::nullopt;
}

void StudyService::end_session()
{
    m_session.reset();
    m_undo.clear(); // undo reaches back within the session only
}

const StudyCard* StudyService::current() const
{
    if (!m_session || !m_session->current())
        return nullptr;
    return &*m_session->current();
}

QueueCounts StudyService::remaining() const { return m_session ? m_session->remaining() : QueueCounts{}; }

std::optional<int64_t> StudyService::next_learning_due_ms() const
{
    return m_session ? m_session->next_learning_due_ms() : std::nullopt;
}

int32_t StudyService::answered() const { return m_session ? m_session->answered() : 0; }

std::string StudyService::deck_title() const { return m_session ? m_session->deck().title : std::string(); }

Status StudyService::answer(Rating rating, int64_t now_ms, int32_t duration_ms)
{
    VERIFY(m_session != nullptr);
    TRY_STATUS(m_session->answer(rating, now_ms, duration_ms));
    if (auto id = m_session->last_answer())
        m_undo.record(*id, m_session->last_answer_tagged());
    return {};
}

Status StudyService::undo(int64_t now_ms)
{
    if (!m_session)
        return {};
    auto restored = m_undo.undo(m_collection, now_ms);
    if (!restored)
        return restored.error();
    if (!*restored)
        return {};
    return m_session->show_again((*restored)->id, now_ms);
}

Status StudyService::refresh(int64_t now_ms)
{
    if (!m_session)
        return {};
    return m_session->refresh(now_ms);
}

Result<std::optional<std::string>> StudyService::setting(const std::string& key) { return m_collection.setting(key); }

Status StudyService::set_setting(const std::string& key, const std::string& value)
{
    return m_collection.set_setting(key, value);
}

} // namespace letopis
