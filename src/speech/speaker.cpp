// The speaker's worker: one queue, the newest say() first; synthesis and the sink are only ever
// called from here, so the caller (the frame loop) never waits for either.
#include "speech/speaker.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "speech/synthesizer.h"
#include "text/normalize.h"

namespace letopis {

namespace {

SpeakerOptions with_defaults(SpeakerOptions options)
{
    if (!options.synthesize)
        options.synthesize = [](std::string_view text) { return synthesize(text); };
    return options;
}

} // namespace

Speaker::Speaker(AudioSink& sink, SpeakerOptions options)
    : m_sink(sink), m_options(with_defaults(std::move(options))), m_cache(m_options.cache_bytes),
      m_worker([this] { run(); })
{
}

Speaker::~Speaker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_requests.clear();
    }
    m_wake.notify_one();
    m_worker.join();
}

void Speaker::say(std::string_view text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return;
    {
        std::lock_guard lock(m_mutex);
        // Only the newest word matters: the learner has moved on from the older ones.
        std::erase_if(m_requests, [](const Request& r) { return r.kind != RequestKind::Prefetch; });
        m_requests.push_front({RequestKind::Say, std::string(text)});
    }
    m_wake.notify_one();
}

void Speaker::prefetch(std::string_view text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return;
    {
        std::lock_guard lock(m_mutex);
        const bool queued = std::any_of(m_requests.begin(), m_requests.end(),
                                        [&](const Request& r) { return r.kind == RequestKind::Prefetch && r.text == text; });
        if (!queued)
            m_requests.push_back({RequestKind::Prefetch, std::string(text)});
    }
    m_wake.notify_one();
}

void Speaker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        std::erase_if(m_requests, [](const Request& r) { return r.kind != RequestKind::Prefetch; });
        m_requests.push_front({RequestKind::Stop, {}});
    }
    m_wake.notify_one();
}

std::optional<Error> Speaker::take_error()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_error, std::nullopt);
}

void Speaker::wait_until_idle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_requests.empty() && !m_busy; });
}

SpeakerCounts Speaker::counts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

void Speaker::run()
{
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_requests.empty(); });
            if (m_stopping)
                break;
            request = std::move(m_requests.front());
            m_requests.pop_front();
            m_busy = true;
        }
        handle(request);
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
        }
        m_idle.notify_all();
    }
    // Whoever waits for idleness must not wait for a worker that has gone.
    {
        std::lock_guard lock(m_mutex);
        m_busy = false;
    }
    m_idle.notify_all();
}

void Speaker::handle(const Request& request)
{
    if (request.kind == RequestKind::Stop) {
        m_sink.stop();
        return;
    }
    if (!m_available.load())
        return;

    // The key keeps the stress marks: за́мок and замо́к are different sounds.
    const std::string key = to_nfc(request.text);
    Samples samples = m_cache.find(key);
    if (samples) {
        std::lock_guard lock(m_mutex);
        ++m_counts.cache_hits;
    } else {
        {
            std::lock_guard lock(m_mutex);
            ++m_counts.synthesized;
        }
        auto synthesized = m_options.synthesize(key);
        if (!synthesized) {
            // Missing espeak data or voice will not come back in this session: say so and stay
            // silent. A text espeak cannot speak costs only that text.
            if (synthesized.error().kind == ErrorKind::Unsupported) {
                m_available = false;
                report(synthesized.error());
            }
            return;
        }
        samples = std::make_shared<const std::vector<int16_t>>(std::move(*synthesized));
        m_cache.insert(key, samples);
    }
    if (request.kind != RequestKind::Say || samples->empty())
        return;
    if (auto played = m_sink.play(*samples); !played) {
        m_available = false;
        report(played.error());
        return;
    }
    std::lock_guard lock(m_mutex);
    ++m_counts.played;
}

void Speaker::report(Error error)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_error_reported)
            return;
        m_error_reported = true;
        m_error = std::move(error);
    }
    if (m_options.on_error)
        m_options.on_error();
}

} // namespace letopis
