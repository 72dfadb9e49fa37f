// When speech fails, the worker pushes an SDL user event: the frame loop may be asleep in
// SDL_WaitEventTimeout, and the notice should show without waiting for the next key.
#include "app/sdl_speech.h"

#include <SDL.h>

namespace letopis {
namespace {

uint32_t register_wake_event()
{
    if (SDL_WasInit(SDL_INIT_EVENTS) == 0)
        return 0; // no event loop to wake (tests, the command line)
    const Uint32 type = SDL_RegisterEvents(1);
    return type == static_cast<Uint32>(-1) ? 0 : type;
}

SpeakerOptions waking_options(uint32_t wake_event)
{
    SpeakerOptions options;
    if (wake_event != 0)
        options.on_error = [wake_event] {
            SDL_Event event{};
            event.type = wake_event;
            SDL_PushEvent(&event); // thread-safe
        };
    return options;
}

} // namespace

SdlSpeech::SdlSpeech() : m_wake_event(register_wake_event()), m_speaker(m_sink, waking_options(m_wake_event)) {}

std::optional<std::string> SdlSpeech::take_notice()
{
    if (auto error = m_speaker.take_error())
        return speech_notice(*error);
    return std::nullopt;
}

std::string speech_notice(const Error& error)
{
    switch (error.kind) {
    case ErrorKind::Unsupported:
        return "Sound is off: the Russian voice of espeak-ng is missing (install the package espeak-ng-data).";
    case ErrorKind::NotFound:
        return "Sound is off: no audio device was found.";
    default:
        return "Sound is off: " + error.describe();
    }
}

} // namespace letopis
