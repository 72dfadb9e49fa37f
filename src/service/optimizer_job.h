// Optimizing the FSRS weights from the deck options: the review log is read on the caller's thread
// (the collection has a single connection), the fit runs in a worker thread with progress and
// cancel, and applying stores the weights as a collection setting. Applying never rewrites a past
// review; it only changes the intervals given from then on.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "core/fsrs/fsrs.h"
#include "core/fsrs/optimizer.h"
#include "core/scheduler/day_clock.h"
#include "util/result.h"

namespace letopis {

class Collection;

// The collection setting holding the applied weights: "w0,w1,…,w20". The scheduler reads it too.
inline constexpr const char* kFsrsParamsSetting = "fsrs.params";

// Seventeen significant digits: the text reads back to the same doubles.
std::string format_fsrs_params(const FsrsParams& params);
// 21 comma-separated numbers, each within its bounds; nullopt otherwise.
std::optional<FsrsParams> parse_fsrs_params(std::string_view text);

// The applied weights, or the defaults when none were applied. A setting that does not parse (edited
// by hand, or from a newer version) also gives the defaults: scheduling must go on.
Result<FsrsParams> load_fsrs_params(Collection& collection);
// Stores `params` (checked against the bounds: InvalidInput otherwise) for future scheduling.
Status save_fsrs_params(Collection& collection, const FsrsParams& params);

class OptimizerJob {
public:
    enum class State { Idle, Running, Finished, Cancelled };

    // `clock` is the learner's day (UTC offset, rollover hour): elapsed days are counted in it.
    OptimizerJob(Collection& collection, DayClock clock, OptimizerOptions options = {});
    ~OptimizerJob(); // cancels a running fit and waits for it
    OptimizerJob(const OptimizerJob&) = delete;
    OptimizerJob& operator=(const OptimizerJob&) = delete;

    // Call from the thread that owns the collection. Reads the log and the current weights, then
    // fits in a worker thread. InvalidInput if a fit is already running; errors reading the log.
    Status start();
    // Asks the worker to stop; state() becomes Cancelled soon after (the fit checks every batch).
    void cancel();

    State state() const { return m_state.load(); }
    double progress() const { return m_progress.load(); } // 0..1 while Running
    // The report once Finished; nullopt otherwise. Safe from any thread.
    std::optional<OptimizationReport> report() const;
    // The weights in use now (the setting, else the defaults).
    Result<FsrsParams> current_params();
    // Stores the finished report's weights. InvalidInput unless Finished.
    Status apply();

private:
    void join();

    Collection& m_collection;
    DayClock m_clock;
    OptimizerOptions m_options;
    std::thread m_worker;
    std::atomic<State> m_state{State::Idle};
    std::atomic<double> m_progress{0};
    std::atomic<bool> m_cancel{false};
    mutable std::mutex m_mutex; // guards m_report
    std::optional<OptimizationReport> m_report;
};

} // namespace letopis
