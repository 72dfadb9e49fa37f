// Reading and writing per-deck options as collection settings. Values are stored as plain text
// ("0.9", "36500", "1m 10m") so they stay readable with any SQLite tool.
#include "service/deck_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "core/scheduler/interval_text.h"
#include "storage/collection.h"

namespace letopis {

namespace {

constexpr int32_t kMaxNewPerDay = 9999;
constexpr int32_t kMaxReviewsPerDay = 99999;
constexpr int32_t kMaxLeechThreshold = 999;

std::optional<int64_t> parse_int(const std::string& text)
{
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<double> parse_double(const std::string& text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

int32_t clamp_int(int64_t value, int32_t low, int32_t high)
{
    return static_cast<int32_t>(std::clamp<int64_t>(value, low, high));
}

std::string format_retention(double retention)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", retention);
    return buffer;
}

DeckOptions clamped(DeckOptions options)
{
    options.desired_retention = std::isnan(options.desired_retention)
                                    ? 0.9
                                    : std::clamp(options.desired_retention, kMinDesiredRetention, kMaxDesiredRetention);
    options.maximum_interval_days = std::clamp(options.maximum_interval_days, 1, 36500);
    options.new_per_day = std::clamp(options.new_per_day, 0, kMaxNewPerDay);
    options.reviews_per_day = std::clamp(options.reviews_per_day, 0, kMaxReviewsPerDay);
    options.leech_threshold = std::clamp(options.leech_threshold, 0, kMaxLeechThreshold);
    return options;
}

std::optional<SpeakWhen> parse_speak_when(const std::string& text)
{
    for (SpeakWhen when : {SpeakWhen::Off, SpeakWhen::OnShow, SpeakWhen::OnReveal})
        if (text == speak_when_name(when))
            return when;
    return std::nullopt;
}

constexpr const char* kOn = "on";
constexpr const char* kOff = "off";

} // namespace

std::string_view speak_when_name(SpeakWhen when)
{
    switch (when) {
    case SpeakWhen::Off: return "off";
    case SpeakWhen::OnShow: return "show";
    case SpeakWhen::OnReveal: return "reveal";
    }
    return "show";
}

Result<bool> deck_studies_listening(Collection& collection, const std::string& deck_key)
{
    auto text = collection.setting(deck_option_key(deck_key, "listening"));
    if (!text)
        return text.error();
    return text->has_value() && **text == kOn;
}

std::string deck_option_key(const std::string& deck_key, const std::string& option)
{
    return "deck." + deck_key + "." + option;
}

Result<DeckOptions> load_deck_options(Collection& collection, const DeckInfo& deck, const StudySettings& base)
{
    DeckOptions options;
    options.desired_retention = base.scheduler.desired_retention;
    options.maximum_interval_days = base.scheduler.maximum_interval_days;
    options.learning_steps_minutes = base.scheduler.learning_steps_minutes;
    options.relearning_steps_minutes = base.scheduler.relearning_steps_minutes;
    options.leech_threshold = base.scheduler.leech_threshold;
    options.new_per_day = deck.new_per_day;
    options.reviews_per_day = deck.reviews_per_day;

    const auto read = [&](const char* option) -> Result<std::optional<std::string>> {
        return collection.setting(deck_option_key(deck.key, option));
    };
    const auto read_int = [&](const char* option, int32_t& target, int32_t low, int32_t high) -> Status {
        auto text = read(option);
        if (!text)
            return text.error();
        if (*text)
            if (auto value = parse_int(**text))
                target = clamp_int(*value, low, high);
        return {};
    };
    const auto read_steps = [&](const char* option, std::vector<int32_t>& target) -> Status {
        auto text = read(option);
        if (!text)
            return text.error();
        if (*text)
            if (auto steps = parse_steps(**text))
                target = std::move(*steps);
        return {};
    };

    auto retention = read("retention");
    if (!retention)
        return retention.error();
    if (*retention)
        if (auto value = parse_double(**retention))
            options.desired_retention = std::clamp(*value, kMinDesiredRetention, kMaxDesiredRetention);
    TRY_STATUS(read_int("max_interval_days", options.maximum_interval_days, 1, 36500));
    TRY_STATUS(read_steps("learning_steps", options.learning_steps_minutes));
    TRY_STATUS(read_steps("relearning_steps", options.relearning_steps_minutes));
    TRY_STATUS(read_int("new_per_day", options.new_per_day, 0, kMaxNewPerDay));
    TRY_STATUS(read_int("reviews_per_day", options.reviews_per_day, 0, kMaxReviewsPerDay));
    TRY_STATUS(read_int("leech_threshold", options.leech_threshold, 0, kMaxLeechThreshold));
    auto speak = read("speak");
    if (!speak)
        return speak.error();
    if (*speak)
        if (auto when = parse_speak_when(**speak))
            options.speak = *when;
    auto listening = deck_studies_listening(collection, deck.key);
    if (!listening)
        return listening.error();
    options.listening = *listening;
    return options;
}

Status save_deck_options(Collection& collection, const DeckInfo& deck, const DeckOptions& input)
{
    for (const auto* steps : {&input.learning_steps_minutes, &input.relearning_steps_minutes}) {
        for (int32_t step : *steps) {
            if (step <= 0 || step > 365 * 1440)
                return make_error(ErrorKind::InvalidInput, "a learning step must be between 1 minute and 365 days");
        }
    }
    const DeckOptions options = clamped(input);
    return collection.transact([&]() -> Status {
        const auto write = [&](const char* option, const std::string& value) {
            return collection.set_setting(deck_option_key(deck.key, option), value);
        };
        TRY_STATUS(write("retention", format_retention(options.desired_retention)));
        TRY_STATUS(write("max_interval_days", std::to_string(options.maximum_interval_days)));
        TRY_STATUS(write("learning_steps", format_steps(options.learning_steps_minutes)));
        TRY_STATUS(write("relearning_steps", format_steps(options.relearning_steps_minutes)));
        TRY_STATUS(write("new_per_day", std::to_string(options.new_per_day)));
        TRY_STATUS(write("reviews_per_day", std::to_string(options.reviews_per_day)));
        TRY_STATUS(write("leech_threshold", std::to_string(options.leech_threshold)));
        TRY_STATUS(write("speak", std::string(speak_when_name(options.speak))));
        TRY_STATUS(write("listening", options.listening ? kOn : kOff));
        if (options.listening) {
            auto added = collection.add_listening_cards(deck.id);
            if (!added)
                return added.error();
        }
        return {};
    });
}

StudySettings settings_for_deck(const StudySettings& base, const DeckOptions& options)
{
    StudySettings settings = base;
    SchedulerConfig& config = settings.scheduler;
    config.desired_retention = options.desired_retention;
    config.maximum_interval_days = options.maximum_interval_days;
    config.learning_steps_minutes = options.learning_steps_minutes;
    config.relearning_steps_minutes = options.relearning_steps_minutes;
    config.leech_threshold = options.leech_threshold;
    settings.listening_cards = options.listening && base.sound_available;
    return settings;
}

DeckInfo with_limits(DeckInfo deck, const DeckOptions& options)
{
    deck.new_per_day = options.new_per_day;
    deck.reviews_per_day = options.reviews_per_day;
    return deck;
}

} // namespace letopis
