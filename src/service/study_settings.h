// Settings that shape a study session: the scheduler's configuration and the learner's day.
#pragma once

#include <cstdint>

#include "core/scheduler/day_clock.h"
#include "core/scheduler/scheduler.h"

namespace letopis {

// The scheduler as the app runs it: like the core's defaults, but with fuzz on, so that cards
// learned together spread over nearby days.
inline SchedulerConfig app_scheduler_config()
{
    SchedulerConfig config;
    config.fuzz = Fuzz::On;
    return config;
}

struct StudySettings {
    SchedulerConfig scheduler = app_scheduler_config();
    DayClock clock;
    // When nothing else is left today, learning cards due within this window are shown early
    // (Anki's "learn ahead limit"), so a session does not stall for a ten-minute step.
    int64_t learn_ahead_ms = 20 * 60 * 1000;
    // Whether the deck's listening cards are studied (its option, and sound that works).
    bool listening_cards = false;
    // False once the app knows it cannot play sound: no deck offers listening cards then.
    bool sound_available = true;
};

} // namespace letopis
