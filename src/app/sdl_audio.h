// SDL audio output for speech: the device opens on the first sound (SDL_INIT_AUDIO then), so a
// window that never speaks never touches the sound system. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>

#include "speech/audio_sink.h"

namespace letopis {

class SdlAudioSink final : public AudioSink {
public:
    SdlAudioSink() = default;
    ~SdlAudioSink() override;
    SdlAudioSink(const SdlAudioSink&) = delete;
    SdlAudioSink& operator=(const SdlAudioSink&) = delete;

    // NotFound when there is no audio device; after a failure it fails at once, without retrying.
    Status play(std::span<const int16_t> samples) override;
    void stop() override;

    // Blocks until the samples queued so far have been heard (the command line, before exiting).
    void wait_until_played();

private:
    Status open_locked();

    std::mutex m_mutex;
    uint32_t m_device = 0; // SDL_AudioDeviceID
    int m_device_rate = 0;
    int m_buffer_frames = 0;
    bool m_audio_subsystem = false;
    std::optional<Error> m_failure;
};

} // namespace letopis
