// The study use cases as the UI sees them: deck summaries, one session at a time, answers.
// Holds no ImGui or SDL; the UI passes the current time into every call.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "service/deck_options.h"
#include "service/answer_undo.h"
#include "service/study_settings.h"
#include "service/study_types.h"
#include "util/result.h"

namespace letopis {

class Collection;
class StudySession;

class StudyService {
public:
    StudyService(Collection& collection, StudySettings settings);
    ~StudyService();
    StudyService(const StudyService&) = delete;
    StudyService& operator=(const StudyService&) = delete;

    Result<std::vector<DeckSummary>> deck_summaries(int64_t now_ms);

    Status start_session(DeckId deck, int64_t now_ms);
    void end_session();
    bool in_session() const { return m_session != nullptr; }

    // Session state; valid while in_session().
    const StudyCard* current() const;
    QueueCounts remaining() const;
    std::optional<int64_t> next_learning_due_ms() const;
    int32_t answered() const;
    std::string deck_title() const;
    // When the session's deck speaks the Russian side by itself (its options, read at the start).
    SpeakWhen speak_when() const { return m_session_speak; }

    // Commits the answer to the current card, then shows the next one.
    Status answer(Rating rating, int64_t now_ms, int32_t duration_ms);
    // Re-checks the queue (e.g. a learning card has become due while the done screen was up),
    // reading it from the collection again, so changes made outside the session count too.
    Status refresh(int64_t now_ms);

    // Undo (Ctrl+Z): takes back the session's answers, newest first, several deep; the card
    // comes back exactly as it was and is shown again.
    bool can_undo() const { return m_undo.can_undo(); }
    Status undo(int64_t now_ms);
    // News about the last answer that the learner should see, once: e.g. the card became a leech
    // (suspended, note tagged "leech"). nullopt when there is none; the next call returns nullopt
    // until another answer brings news. notice->message is ready to show.
    std::optional<StudyNotice> take_notice();

    // A deck's scheduler options (retention, maximum interval, steps, daily limits, leech
    // threshold); a session started afterwards uses them, the deck list counts with them.
    Result<DeckOptions> deck_options(DeckId deck);
    Status set_deck_options(DeckId deck, const DeckOptions& options);

    Result<std::optional<std::string>> setting(const std::string& key);
    Status set_setting(const std::string& key, const std::string& value);

    const StudySettings& settings() const { return m_settings; }
    // A new UTC offset (daylight saving began or ended, the computer moved): today's queue is
    // read again on the next call that shows a card.
    void set_day_clock(const DayClock& clock);
    // Weights applied while the app runs (the optimizer): sessions started afterwards use them.
    void set_fsrs_params(const FsrsParams& params) { m_settings.scheduler.params = params; }
    // The app found it cannot play sound: listening cards are left out of every queue from now
    // on, and a session under way starts again on the same deck without them.
    Status set_sound_available(bool available, int64_t now_ms);

private:
    Result<DeckInfo> find_deck(DeckId deck);

    Collection& m_collection;
    StudySettings m_settings;
    std::unique_ptr<StudySession> m_session;
    AnswerUndo m_undo;
    SpeakWhen m_session_speak = SpeakWhen::OnShow;
};

} // namespace letopis
