// Deck options, FSRS section: the weights in use, Optimize (fitted in the background, with a progress
// bar and Cancel), how the fitted weights did on held-out reviews against the current ones, and
// Apply after a confirmation. The weights are the collection's: every deck schedules with them.
#pragma once

#include <optional>
#include <string>

#include "core/fsrs/fsrs.h"
#include "service/optimizer_job.h"
#include "ui/ui_context.h"

namespace letopis {

class OptimizerPanel {
public:
    struct Action {
        bool applied = false; // new weights were stored: whatever schedules should reload them
    };

    // Draws into the current window. Touches the collection (through `job`) only on this thread.
    Action frame(OptimizerJob& job, const UiContext& ui);

    // True while a fit runs: the frame loop must keep drawing so the progress bar moves.
    static bool wants_frames(const OptimizerJob& job) { return job.state() == OptimizerJob::State::Running; }

    const std::string& error() const { return m_error; }
    const std::optional<FsrsParams>& current() const { return m_current; }

private:
    void draw_report(OptimizerJob& job, const UiContext& ui);
    void draw_confirmation(OptimizerJob& job, const UiContext& ui, Action& action);

    std::optional<FsrsParams> m_current; // loaded on the first frame and after applying
    std::string m_error;
    std::string m_notice;
    bool m_open_confirmation = false;
};

} // namespace letopis
