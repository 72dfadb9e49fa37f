// espeak-ng behind speech/synthesizer.h. espeak-ng 1.51 ignores U+0301 (and the mark spoils the
// vowel), so a marked word espeak would stress elsewhere is spoken as [[phonemes]] with the stress
// moved; the rest stays text, so espeak keeps its own reading and the sentence's intonation.
#include "speech/synthesizer.h"

#include <espeak-ng/speak_lib.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "speech/restress.h"
#include "text/normalize.h"

namespace letopis {
namespace {

constexpr char kSeparator = '|';

// espeak-ng's state as we see it; touched only on the espeak thread.
struct EspeakState {
    bool tried = false;
    bool initialized = false;
    Status loaded;
    std::vector<int16_t>* samples = nullptr; // where the synthesis callback appends
};

EspeakState& state()
{
    static EspeakState espeak;
    return espeak;
}

// Runs every espeak-ng call on one thread, because espeak-ng keeps its state in globals.
class EspeakThread {
public:
    static EspeakThread& instance()
    {
        static EspeakThread thread;
        return thread;
    }

    EspeakThread(const EspeakThread&) = delete;
    EspeakThread& operator=(const EspeakThread&) = delete;

    ~EspeakThread()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    // Runs `work` on the espeak thread and waits for its result.
    template <typename Work>
    auto run(Work work) -> decltype(work())
    {
        auto task = std::make_shared<std::packaged_task<decltype(work())()>>(std::move(work));
        auto result = task->get_future();
        {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back([task] { (*task)(); });
        }
        m_wake.notify_one();
        return result.get();
    }

private:
    // The state is made first, so that it is destroyed after this thread has ended.
    EspeakThread() : m_state(state()), m_thread([this] { loop(); }) {}

    void loop();

    EspeakState& m_state;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::thread m_thread; // last, so that it starts after the members it uses
};

void EspeakThread::loop()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_tasks.empty())
                break;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
    if (m_state.initialized)
        espeak_Terminate();
}

int on_samples(short* samples, int count, espeak_EVENT*)
{
    if (samples && count > 0 && state().samples)
        state().samples->insert(state().samples->end(), samples, samples + count);
    return 0; // go on
}

Status ensure_loaded()
{
    EspeakState& espeak = state();
    if (espeak.tried)
        return espeak.loaded;
    espeak.tried = true;
    // DONT_EXIT: without it, espeak-ng ends the process when its data is missing.
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        espeak.loaded = make_error(ErrorKind::Unsupported,
                                   "espeak-ng could not load its data (is espeak-ng-data installed?)");
        return espeak.loaded;
    }
    espeak.initialized = true;
    if (rate != kSampleRate) {
        espeak.loaded = make_error(ErrorKind::Unsupported, "espeak-ng speaks at " + std::to_string(rate) +
                                                               " Hz, not " + std::to_string(kSampleRate));
        return espeak.loaded;
    }
    espeak_SetSynthCallback(on_samples);
    if (espeak_SetVoiceByName("ru") != EE_OK)
        espeak.loaded = make_error(ErrorKind::Unsupported, "espeak-ng has no Russian voice (install espeak-ng-data)");
    return espeak.loaded;
}

std::string trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// espeak's phonemes for `text`, clause by clause; `separator` ('\0' for none) between phonemes.
std::string text_to_phonemes(const std::string& text, char separator)
{
    std::string out;
    const void* cursor = text.c_str();
    while (cursor) {
        const char* clause = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, static_cast<unsigned char>(separator) << 8);
        const std::string piece = clause ? trim(clause) : std::string();
        if (piece.empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += piece;
    }
    return out;
}

// The text handed to espeak: stress marks removed, and each marked word whose stress espeak would
// misplace replaced by its phonemes with the stress moved.
std::string espeak_input(std::string text)
{
    // Brackets would open espeak's phoneme mode; they are never spoken anyway.
    for (char& c : text)
        if (c == '[' || c == ']')
            c = ' ';
    std::string out;
    size_t at = 0;
    for (const MarkedWord& word : find_marked_words(text)) {
        out += strip_stress(std::string_view(text).substr(at, word.begin - at));
        at = word.end;
        auto own = parse_phonemes(text_to_phonemes(word.plain, kSeparator), kSeparator);
        if (own) {
            auto moved = move_stress(word.plain, *own, word.stressed_vowel);
            if (moved && *moved != *own) {
                out += " [[" + format_phonemes(*moved, kSeparator) + "]] ";
                continue;
            }
        }
        out += word.plain; // espeak already stresses it there, or we cannot tell: its own reading
    }
    out += strip_stress(std::string_view(text).substr(at));
    return out;
}

Result<Utterance> render_on_espeak_thread(const std::string& stressed_text)
{
    TRY_STATUS(ensure_loaded());
    if (!is_valid_utf8(stressed_text))
        return make_error(ErrorKind::InvalidInput, "the text to speak is not valid UTF-8");
    const std::string input = espeak_input(to_nfc(stressed_text));
    Utterance utterance;
    if (trim(input).empty())
        return utterance;

    // The phoneme trace shows what was actually spoken, after espeak's own phoneme rules.
    char* trace = nullptr;
    size_t trace_size = 0;
    FILE* trace_file = open_memstream(&trace, &trace_size);
    if (!trace_file)
        return make_error(ErrorKind::Io, "no memory for espeak-ng's phoneme trace");
    espeak_SetPhonemeTrace(espeakPHONEMES_SHOW, trace_file);
    state().samples = &utterance.samples;
    const espeak_ERROR status = espeak_Synth(input.c_str(), input.size() + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8 | espeakPHONEMES, nullptr, nullptr);
    state().samples = nullptr;
    espeak_SetPhonemeTrace(0, nullptr);
    std::fclose(trace_file);
    const std::string lines = trace ? std::string(trace, trace_size) : std::string();
    std::free(trace);
    if (status != EE_OK)
        return make_error(ErrorKind::Io, "espeak-ng could not speak the text (error " + std::to_string(status) + ")");

    size_t start = 0;
    while (start < lines.size()) {
        size_t stop = lines.find('\n', start);
        if (stop == std::string::npos)
            stop = lines.size();
        const std::string clause = trim(std::string_view(lines).substr(start, stop - start));
        if (!clause.empty()) {
            if (!utterance.phonemes.empty())
                utterance.phonemes += ' ';
            utterance.phonemes += clause;
        }
        start = stop + 1;
    }
    return utterance;
}

} // namespace

Status prepare_speech()
{
    return EspeakThread::instance().run([] { return ensure_loaded(); });
}

Result<Utterance> render_speech(std::string_view stressed_text)
{
    return EspeakThread::instance().run(
        [copy = std::string(stressed_text)] { return render_on_espeak_thread(copy); });
}

Result<std::string> phonemes_for(std::string_view stressed_text)
{
    auto utterance = render_speech(stressed_text);
    if (!utterance)
        return utterance.error();
    return std::move(utterance->phonemes);
}

Result<std::vector<int16_t>> synthesize(std::string_view stressed_text)
{
    auto utterance = render_speech(stressed_text);
    if (!utterance)
        return utterance.error();
    return std::move(utterance->samples);
}

Result<std::string> espeak_phonemes(std::string_view text)
{
    return EspeakThread::instance().run([copy = std::string(text)]() -> Result<std::string> {
        TRY_STATUS(ensure_loaded());
        if (!is_valid_utf8(copy))
            return make_error(ErrorKind::InvalidInput, "the text is not valid UTF-8");
        return text_to_phonemes(strip_stress(to_nfc(copy)), '\0');
    });
}

} // namespace letopis
