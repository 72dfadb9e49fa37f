// `letopis say TEXT... [--wav FILE] [--phonemes]`: speaks Russian text with its stress marks
// honoured, writes it to a WAV file, or prints the phonemes spoken (which tests compare: the
// samples differ slightly between runs).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "app/cli_context.h"
#include "app/sdl_audio.h"
#include "speech/synthesizer.h"
#include "speech/wav.h"
#include "text/normalize.h"

namespace letopis {
namespace {

struct SayOptions {
    std::vector<std::string> words;
    std::string wav;
    bool phonemes = false;
};

int run_say(const SayOptions& options)
{
    std::string text;
    for (const auto& word : options.words)
        text += (text.empty() ? "" : " ") + word;
    if (!is_valid_utf8(text)) {
        std::fprintf(stderr, "letopis: the text is not valid UTF-8\n");
        return 2;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::fprintf(stderr, "letopis: nothing to say\n");
        return 2;
    }
    auto utterance = render_speech(text);
    if (!utterance) {
        std::fprintf(stderr, "letopis: cannot speak: %s\n", utterance.error().describe().c_str());
        return 1;
    }
    if (options.phonemes)
        std::printf("%s\n", utterance->phonemes.c_str());
    if (!options.wav.empty()) {
        if (auto written = write_wav(options.wav, utterance->samples, kSampleRate); !written) {
            std::fprintf(stderr, "letopis: %s\n", written.error().describe().c_str());
            return 1;
        }
    }
    if (options.phonemes || !options.wav.empty())
        return 0;

    SdlAudioSink sink;
    if (auto played = sink.play(utterance->samples); !played) {
        std::fprintf(stderr, "letopis: cannot play the sound: %s\n", played.error().describe().c_str());
        return 1;
    }
    sink.wait_until_played();
    return 0;
}

} // namespace

void add_say_command(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand("say", "Speak Russian text; a vowel followed by U+0301 (за́мок) marks the stress");
    auto options = std::make_shared<SayOptions>();
    command->add_option("TEXT", options->words, "The text (several words are joined with spaces)")->required();
    command->add_option("--wav", options->wav, "Write a WAV file (22,050 Hz, 16-bit mono) instead of playing");
    command->add_flag("--phonemes", options->phonemes, "Print the phonemes spoken (espeak-ng mnemonics) instead of playing");
    command->callback([&context, options] { context.command = [options] { return run_say(*options); }; });
}

} // namespace letopis
