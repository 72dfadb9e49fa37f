// The speaker service: say() hands the work to its worker, repeated words come from the cache,
// the newest word wins, and a failure is reported once. A fake synthesizer and sink count calls;
// no test measures time: where order matters, a gate holds the worker.
#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "speech/speaker.h"
#include "speech/synthesizer.h"

namespace letopis {
namespace {

// Records what it is asked to play; the first sample of each buffer names the text (see FakeVoice).
class RecordingSink final : public AudioSink {
public:
    Status play(std::span<const int16_t> samples) override
    {
        std::lock_guard lock(m_mutex);
        m_played.emplace_back(samples.begin(), samples.end());
        if (m_failure)
            return *m_failure;
        return {};
    }
    void stop() override
    {
        std::lock_guard lock(m_mutex);
        ++m_stops;
    }

    std::vector<std::vector<int16_t>> played() const
    {
        std::lock_guard lock(m_mutex);
        return m_played;
    }
    int stops() const
    {
        std::lock_guard lock(m_mutex);
        return m_stops;
    }
    void fail_with(Error error) { m_failure = std::move(error); }

private:
    mutable std::mutex m_mutex;
    std::vector<std::vector<int16_t>> m_played;
    int m_stops = 0;
    std::optional<Error> m_failure;
};

// A synthesizer that answers with samples naming the text (its length in bytes), counts its
// calls, notes its thread, and can be held at a gate.
class FakeVoice {
public:
    SynthesizeFunction function()
    {
        return [this](std::string_view text) -> Result<std::vector<int16_t>> {
            std::unique_lock lock(m_mutex);
            ++m_calls;
            m_thread = std::this_thread::get_id();
            m_texts.emplace_back(text);
            if (m_entered) {
                m_entered->set_value();
                m_entered.reset();
            }
            m_opened.wait(lock, [this] { return m_open; });
            if (m_failure)
                return *m_failure;
            return std::vector<int16_t>(100, static_cast<int16_t>(text.size()));
        };
    }

    void close_gate()
    {
        std::lock_guard lock(m_mutex);
        m_open = false;
    }
    void open_gate()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_opened.notify_all();
    }
    // A future that is ready once the next synthesis has begun.
    std::future<void> next_entry()
    {
        std::lock_guard lock(m_mutex);
        m_entered.emplace();
        return m_entered->get_future();
    }
    void fail_with(Error error) { m_failure = std::move(error); }

    int calls() const
    {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }
    std::thread::id thread() const
    {
        std::lock_guard lock(m_mutex);
        return m_thread;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_opened;
    bool m_open = true;
    int m_calls = 0;
    std::thread::id m_thread;
    std::vector<std::string> m_texts;
    std::optional<std::promise<void>> m_entered;
    std::optional<Error> m_failure;
};

int16_t name_of(std::string_view text) { return static_cast<int16_t>(text.size()); }

SpeakerOptions options_with(FakeVoice& voice)
{
    SpeakerOptions options;
    options.synthesize = voice.function();
    return options;
}

TEST(Speaker, SecondRequestComesFromTheCache)
{
    RecordingSink sink;
    FakeVoice voice;
    Speaker speaker(sink, options_with(voice));
    speaker.say("за\u0301мок");
    speaker.wait_until_idle();
    speaker.say("за\u0301мок");
    speaker.wait_until_idle();

    EXPECT_EQ(voice.calls(), 1);
    EXPECT_EQ(sink.played().size(), 2u);
    const SpeakerCounts counts = speaker.counts();
    EXPECT_EQ(counts.synthesized, 1);
    EXPECT_EQ(counts.cache_hits, 1);
    EXPECT_EQ(counts.played, 2);
}

TEST(Speaker, AnotherStressIsAnotherSound)
{
    RecordingSink sink;
    FakeVoice voice;
    Speaker speaker(sink, options_with(voice));
    speaker.say("за\u0301мок");
    speaker.wait_until_idle();
    speaker.say("замо\u0301к");
    speaker.wait_until_idle();
    EXPECT_EQ(voice.calls(), 2);
}

TEST(Speaker, SayReturnsBeforeTheWorkIsDone)
{
    RecordingSink sink;
    FakeVoice voice;
    Speaker speaker(sink, options_with(voice));
    voice.close_gate();
    auto entered = voice.next_entry();
    speaker.say("замо\u0301к"); // returns although synthesis cannot finish yet
    entered.wait();
    EXPECT_TRUE(sink.played().empty());
    EXPECT_NE(voice.thread(), std::this_thread::get_id());
    voice.open_gate();
    speaker.wait_until_idle();
    ASSERT_EQ(sink.played().size(), 1u);
    EXPECT_EQ(sink.played()[0].front(), name_of("замо\u0301к"));
}

TEST(Speaker, TheNewestWordReplacesOnesNotYetStarted)
{
    RecordingSink sink;
    FakeVoice voice;
    Speaker speaker(sink, options_with(voice));
    voice.close_gate();
    auto entered = voice.next_entry();
    speaker.say("а");
    entered.wait(); // the worker is busy with "а"
    speaker.say("дом");
    speaker.say("за\u0301мок");
    voice.open_gate();
    speaker.wait_until_idle();

    const auto played = sink.played();
    ASSERT_EQ(played.size(), 2u);
    EXPECT_EQ(played[0].front(), name_of("а"));
    EXPECT_EQ(played[1].front(), name_of("за\u0301мок"));
    EXPECT_EQ(voice.calls(), 2); // "дом" was never synthesized
}

TEST(Speaker, PrefetchFillsTheCacheWithoutPlaying)
{
    RecordingSink sink;
    FakeVoice voice;
    Speaker speaker(sink, options_with(voice));
    speaker.prefetch("мука\u0301");
    speaker.prefetch("мука\u0301"); // still queued, or already cached: synthesized once either way
    speaker.wait_until_idle();
    EXPECT_TRUE(sink.played().empty());
    EXPECT_EQ(voice.calls(), 1);
    const int hits = speaker.counts().cache_hits;
    speaker.say("мука\u0301");
    speaker.wait_until_idle();
    EXPECT_EQ(voice.calls(), 1);
    EXPECT_EQ(sink.played().size(), 1u);
    EXPECT_EQ(speaker.counts().cache_hits, hits + 1);
}

TEST(Speaker, EmptyTextIsIgnoredAndStopReachesTheSink)
{
    RecordingSink sink;
    FakeVoice voice;
    Speaker speaker(sink, options_with(voice));
    speaker.say("");
    speaker.say("  ");
    speaker.stop();
    speaker.wait_until_idle();
    EXPECT_EQ(voice.calls(), 0);
    EXPECT_EQ(sink.stops(), 1);
}

TEST(Speaker, NoVoiceIsReportedOnceAndThenSilence)
{
    RecordingSink sink;
    FakeVoice voice;
    voice.fail_with(make_error(ErrorKind::Unsupported, "espeak-ng has no Russian voice"));
    int wake_ups = 0;
    SpeakerOptions options = options_with(voice);
    options.on_error = [&] { ++wake_ups; };
    Speaker speaker(sink, std::move(options));
    EXPECT_TRUE(speaker.available());
    speaker.say("за\u0301мок");
    speaker.wait_until_idle();

    auto error = speaker.take_error();
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind, ErrorKind::Unsupported);
    EXPECT_FALSE(speaker.available());
    EXPECT_FALSE(speaker.take_error().has_value());

    speaker.say("замо\u0301к");
    speaker.wait_until_idle();
    EXPECT_FALSE(speaker.take_error().has_value());
    EXPECT_EQ(voice.calls(), 1);
    EXPECT_EQ(wake_ups, 1);
    EXPECT_TRUE(sink.played().empty());
}

TEST(Speaker, ATextThatCannotBeSpokenCostsOnlyThatText)
{
    RecordingSink sink;
    FakeVoice voice;
    voice.fail_with(make_error(ErrorKind::InvalidInput, "not valid UTF-8"));
    Speaker speaker(sink, options_with(voice));
    speaker.say("\xff");
    speaker.wait_until_idle();
    EXPECT_FALSE(speaker.take_error().has_value());
    EXPECT_TRUE(speaker.available());
    speaker.say("за\u0301мок");
    speaker.wait_until_idle();
    EXPECT_EQ(voice.calls(), 2);
}

TEST(Speaker, NoAudioDeviceIsReportedOnce)
{
    RecordingSink sink;
    sink.fail_with(make_error(ErrorKind::NotFound, "no audio device"));
    FakeVoice voice;
    Speaker speaker(sink, options_with(voice));
    speaker.say("за\u0301мок");
    speaker.wait_until_idle();
    auto error = speaker.take_error();
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind, ErrorKind::NotFound);
    EXPECT_FALSE(speaker.available());
    speaker.say("за\u0301мок");
    speaker.wait_until_idle();
    EXPECT_FALSE(speaker.take_error().has_value());
}

TEST(Speaker, EspeakThroughTheWorker)
{
    RecordingSink sink;
    Speaker speaker(sink); // the real synthesizer
    speaker.say("Хрущёв");
    speaker.wait_until_idle();
    ASSERT_FALSE(speaker.take_error().has_value());
    const auto played = sink.played();
    ASSERT_EQ(played.size(), 1u);
    const double seconds = static_cast<double>(played[0].size()) / kSampleRate;
    EXPECT_GT(seconds, 0.2);
    EXPECT_LT(seconds, 2.0);
}

} // namespace
} // namespace letopis
