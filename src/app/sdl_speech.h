// The window's speech: the speaker service (espeak-ng on a worker, with a cache) playing through
// SDL audio, behind the UI's SpeechOutput. Construct it after SDL_Init, destroy it before SDL_Quit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/sdl_audio.h"
#include "speech/speaker.h"
#include "ui/speech_output.h"

namespace letopis {

class SdlSpeech final : public SpeechOutput {
public:
    SdlSpeech();
    ~SdlSpeech() override = default;

    void say(std::string_view text) override { m_speaker.say(text); }
    void prefetch(std::string_view text) override { m_speaker.prefetch(text); }
    void stop() override { m_speaker.stop(); }
    std::optional<std::string> take_notice() override;
    bool available() const override { return m_speaker.available(); }

    // Blocks until the requests made so far are handled (tests).
    void wait_until_idle() { m_speaker.wait_until_idle(); }

private:
    uint32_t m_wake_event = 0; // an SDL user event type, pushed to wake the frame loop for a notice
    SdlAudioSink m_sink;
    Speaker m_speaker; // after the sink, so it stops using the sink before the sink goes
};

// The learner's sentence for a speech error: no Russian voice, no audio device.
std::string speech_notice(const Error& error);

} // namespace letopis
