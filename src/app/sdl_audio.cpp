// SDL_QueueAudio rather than a callback: speech is one short buffer at a time, and the queue
// lets a new word replace the old one with SDL_ClearQueuedAudio.
#include "app/sdl_audio.h"

#include <SDL.h>

#include <string>

#include "speech/synthesizer.h"

namespace letopis {

SdlAudioSink::~SdlAudioSink()
{
    if (m_device != 0)
        SDL_CloseAudioDevice(m_device);
    if (m_audio_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

Status SdlAudioSink::open_locked()
{
    if (m_device != 0)
        return {};
    if (m_failure)
        return *m_failure;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_failure = make_error(ErrorKind::NotFound, std::string("no audio device: ") + SDL_GetError());
        return *m_failure;
    }
    m_audio_subsystem = true;
    SDL_AudioSpec wanted{};
    wanted.freq = kSampleRate;
    wanted.format = AUDIO_S16SYS;
    wanted.channels = 1;
    wanted.samples = 1024; // about 46 ms: a word starts quickly
    SDL_AudioSpec obtained{};
    // No changes allowed: SDL converts to whatever the device wants.
    m_device = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
    if (m_device == 0) {
        m_failure = make_error(ErrorKind::NotFound, std::string("no audio device: ") + SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        m_audio_subsystem = false;
        return *m_failure;
    }
    m_device_rate = obtained.freq;
    m_buffer_frames = obtained.samples;
    return {};
}

Status SdlAudioSink::play(std::span<const int16_t> samples)
{
    std::lock_guard lock(m_mutex);
    TRY_STATUS(open_locked());
    SDL_ClearQueuedAudio(m_device);
    if (SDL_QueueAudio(m_device, samples.data(), static_cast<Uint32>(samples.size_bytes())) != 0)
        return make_error(ErrorKind::Io, std::string("cannot play the sound: ") + SDL_GetError());
    SDL_PauseAudioDevice(m_device, 0);
    return {};
}

void SdlAudioSink::stop()
{
    std::lock_guard lock(m_mutex);
    if (m_device != 0)
        SDL_ClearQueuedAudio(m_device);
}

void SdlAudioSink::wait_until_played()
{
    std::unique_lock lock(m_mutex);
    if (m_device == 0)
        return;
    const SDL_AudioDeviceID device = m_device;
    lock.unlock();
    while (SDL_GetQueuedAudioSize(device) > 0)
        SDL_Delay(10);
    // The queue is empty once its last buffer is handed to the device, which still has to play it.
    if (m_device_rate > 0)
        SDL_Delay(static_cast<Uint32>(2 * 1000 * m_buffer_frames / m_device_rate));
}

} // namespace letopis
