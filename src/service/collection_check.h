// `letopis check`: is the collection healthy? SQLite's integrity and foreign-key checks, the
// schema, each card against its last answer — and with `rebuild`, every card's schedule
// recomputed from its log by the scheduler, reporting and repairing those that disagreed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/model/card.h"
#include "core/scheduler/day_clock.h"
#include "core/scheduler/scheduler.h"
#include "service/study_settings.h"
#include "storage/integrity.h"
#include "util/result.h"

namespace letopis {

struct CheckOptions {
    bool rebuild = false;
    // The app's settings: each deck's own options (deck_options.h) are applied to their scheduler,
    // as a study session does. Answers made under other options replay differently, and the
    // rebuild then reschedules them under today's.
    StudySettings settings;
    // The learner's day at a moment: the UTC offset then (summer time included) and the
    // rollover hour. The app passes its local_day_clock.
    std::function<DayClock(int64_t time_ms)> clock_at = [](int64_t) { return DayClock{}; };
};

// One card whose stored schedule is not what its log gives.
struct CardRebuild {
    CardId card;
    CardSchedule stored;
    CardSchedule recomputed; // now stored instead
};

struct CheckReport {
    IntegrityReport integrity;
    bool rebuilt = false;              // the rebuild ran (it is skipped when SQLite finds damage)
    std::vector<CardRebuild> repaired; // with rebuild: the cards whose schedule disagreed, fixed

    // Healthy: no problem found, and no card disagreed with its log.
    bool healthy() const { return integrity.problems.empty() && repaired.empty(); }
};

// Checks the collection at `path` (see check_collection_file). With options.rebuild, also opens it
// (so an older schema is upgraded, after a backup), replays every card's answers that count through
// its deck's scheduler from a new card, and stores the result for each card whose schedule
// differed (its suspension is kept). Errors mean the collection could not be checked at all (NotFound,
// NotACollection, TooNew, Locked, Io).
Result<CheckReport> check_collection(const std::filesystem::path& path, const CheckOptions& options);

// The schedule a card's log gives: `reviews` (oldest first) replayed from a new card.
CardSchedule replay_card(CardId card, const std::vector<ReviewRecord>& reviews, const Scheduler& scheduler,
                         const std::function<DayClock(int64_t)>& clock_at);

} // namespace letopis
