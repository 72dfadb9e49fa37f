// The speaking service: say() returns at once, a worker thread synthesizes (or takes the samples
// from its cache) and hands them to an audio sink. Thread-safe; one instance per window.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "speech/audio_sink.h"
#include "speech/pcm_cache.h"
#include "util/result.h"

namespace letopis {

// Text (vowel + U+0301 marks the stress) to kSampleRate mono samples.
using SynthesizeFunction = std::function<Result<std::vector<int16_t>>(std::string_view stressed_text)>;

struct SpeakerOptions {
    SynthesizeFunction synthesize;        // empty: espeak-ng (speech/synthesizer.h)
    size_t cache_bytes = 16 * 1024 * 1024; // about 500 words, or 80 example sentences
    // Called on the worker when an error is first reported, so a sleeping frame loop can wake up
    // and show it. Must not call back into the speaker.
    std::function<void()> on_error;
};

struct SpeakerCounts {
    int synthesized = 0; // texts the synthesizer was asked for
    int cache_hits = 0;
    int played = 0;      // sample buffers handed to the sink
};

class Speaker {
public:
    // `sink` must outlive the speaker.
    explicit Speaker(AudioSink& sink, SpeakerOptions options = {});
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Speaks `text` soon, on the worker. A newer say() replaces one not yet started and cuts off
    // one playing. Empty text is ignored.
    void say(std::string_view text);
    // Synthesizes `text` into the cache without playing it (the next card's word).
    void prefetch(std::string_view text);
    // Drops what is waiting and silences what is playing.
    void stop();

    // The error that turned speech off (no Russian voice: Unsupported; no audio device: the
    // sink's error), once; nothing afterwards.
    std::optional<Error> take_error();
    // False once the synthesizer or the sink has failed: the speaker then stays silent.
    bool available() const { return m_available.load(); }

    // Blocks until every request made so far has been handled (tests, the command line).
    void wait_until_idle();
    SpeakerCounts counts() const;

private:
    enum class RequestKind { Say, Prefetch, Stop };
    struct Request {
        RequestKind kind;
        std::string text;
    };

    void run();
    void handle(const Request& request);
    void report(Error error);

    AudioSink& m_sink;
    SpeakerOptions m_options;
    PcmCache m_cache; // worker only

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Request> m_requests;
    bool m_busy = false;
    bool m_stopping = false;
    bool m_error_reported = false;
    std::optional<Error> m_error;
    SpeakerCounts m_counts;

    std::atomic<bool> m_available{true};
    std::thread m_worker; // last, so that it starts after the members it uses
};

} // namespace letopis
