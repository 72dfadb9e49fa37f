// Where the speaker's samples go: SDL audio in the app, a recording fake in tests.
#pragma once

#include <cstdint>
#include <span>

#include "util/result.h"

namespace letopis {

class AudioSink {
public:
    virtual ~AudioSink() = default;
    // Plays kSampleRate mono samples, cutting off whatever is still playing. Returns once the
    // samples are queued, not when they have been heard. Called on the speaker's worker thread.
    virtual Status play(std::span<const int16_t> samples) = 0;
    // Silences whatever is playing.
    virtual void stop() = 0;
};

} // namespace letopis
