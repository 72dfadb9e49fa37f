// What the UI may ask of speech: say a word or a sentence, and hear once why it cannot.
// Plain C++ on purpose: the app implements it with espeak-ng and SDL audio, tests with a fake.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace letopis {

class SpeechOutput {
public:
    virtual ~SpeechOutput() = default;

    // Speaks Russian `text` (NFC; a vowel followed by U+0301 marks the stress, ё is kept). Returns
    // at once: synthesis happens elsewhere. A newer call cuts off an older one.
    virtual void say(std::string_view text) = 0;
    // Prepares `text` without playing it, so a later say(text) starts at once (the next card).
    virtual void prefetch(std::string_view text) = 0;
    // Silences whatever is playing (leaving the review screen).
    virtual void stop() = 0;

    // A sentence for the learner, given once, when speech turned out not to work (no audio
    // device, no Russian voice); nothing otherwise. Call it every frame.
    virtual std::optional<std::string> take_notice() = 0;
    // False once speech is known not to work: the UI may hide its speaker buttons.
    virtual bool available() const = 0;
};

} // namespace letopis
