// The optimizer job and the weights setting. The worker owns copies of everything it reads, so the
// caller may go on using the collection while it runs.
#include "service/optimizer_job.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/fsrs/optimizer_data.h"
#include "storage/collection.h"

namespace letopis {

std::string format_fsrs_params(const FsrsParams& params) { return format_weights(params, WeightDigits::Exact); }

std::optional<FsrsParams> parse_fsrs_params(std::string_view text)
{
    FsrsParams params;
    size_t start = 0;
    for (int i = 0; i < kFsrsWeightCount; ++i) {
        const size_t comma = text.find(',', start);
        const bool last = i == kFsrsWeightCount - 1;
        if (last != (comma == std::string_view::npos))
            return std::nullopt;
        std::string_view field = text.substr(start, last ? std::string_view::npos : comma - start);
        while (!field.empty() && field.front() == ' ')
            field.remove_prefix(1);
        while (!field.empty() && field.back() == ' ')
            field.remove_suffix(1);
        const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), params.w[i]);
        if (field.empty() || error != std::errc() || end != field.data() + field.size())
            return std::nullopt;
        start = comma + 1;
    }
    if (find_weight_out_of_bounds(params))
        return std::nullopt;
    return params;
}

Result<FsrsParams> load_fsrs_params(Collection& collection)
{
    auto text = collection.setting(kFsrsParamsSetting);
    if (!text)
        return text.error();
    if (!*text)
        return FsrsParams::defaults();
    return parse_fsrs_params(**text).value_or(FsrsParams::defaults());
}

Status save_fsrs_params(Collection& collection, const FsrsParams& params)
{
    if (auto bad = find_weight_out_of_bounds(params))
        return make_error(ErrorKind::InvalidInput, "FSRS weight w" + std::to_string(*bad) + " is outside its bounds");
    return collection.set_setting(kFsrsParamsSetting, format_fsrs_params(params));
}

OptimizerJob::OptimizerJob(Collection& collection, DayClock clock, OptimizerOptions options)
    : m_collection(collection), m_clock(clock), m_options(options)
{
}

OptimizerJob::~OptimizerJob()
{
    cancel();
    join();
}

void OptimizerJob::join()
{
    if (m_worker.joinable())
        m_worker.join();
}

Status OptimizerJob::start()
{
    if (m_state.load() == State::Running)
        return make_error(ErrorKind::InvalidInput, "An optimization is already running.");
    join();
    auto log = m_collection.review_log();
    if (!log)
        return log.error();
    auto current = load_fsrs_params(m_collection);
    if (!current)
        return current.error();

    {
        std::lock_guard lock(m_mutex);
        m_report.reset();
    }
    m_cancel = false;
    m_progress = 0;
    m_state = State::Running;
    // The worker gets the log by value: the collection stays with this thread.
    auto entries = std::make_shared<std::vector<ReviewLogEntry>>(std::move(*log));
    m_worker = std::thread([this, entries, current = *current] {
        const ReviewDataset dataset = build_review_dataset(*entries, m_clock);
        entries->clear();
        auto report = optimize_fsrs(dataset, current, m_options, [this](double fraction) {
            m_progress = fraction;
            return !m_cancel.load();
        });
        if (!report) {
            m_state = State::Cancelled;
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_report = std::move(*report);
        }
        m_progress = 1;
        m_state = State::Finished;
    });
    return {};
}

void OptimizerJob::cancel()
{
    m_cancel = true;
}

std::optional<OptimizationReport> OptimizerJob::report() const
{
    std::lock_guard lock(m_mutex);
    return m_report;
}

Result<FsrsParams> OptimizerJob::current_params()
{
    return load_fsrs_params(m_collection);
}

Status OptimizerJob::apply()
{
    const auto finished = report();
    if (m_state.load() != State::Finished || !finished)
        return make_error(ErrorKind::InvalidInput, "There are no optimized weights to apply.");
    return save_fsrs_params(m_collection, finished->fit.params);
}

} // namespace letopis
