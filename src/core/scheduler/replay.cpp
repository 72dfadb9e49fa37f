// CSV in, scheduler replay, CSV out. Text only: the command that calls this reads and writes the
// files, so the core stays free of I/O.
#include "core/scheduler/replay.h"

#include <charconv>
#include <cstdio>
#include <unordered_map>

namespace letopis {

namespace {

Error parse_error(std::string_view file_name, size_t line, const std::string& what)
{
    return make_error(ErrorKind::Parse, std::string(file_name) + ":" + std::to_string(line) + ": " + what);
}

std::optional<int64_t> parse_int(std::string_view field)
{
    int64_t value = 0;
    const char* end = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data(), end, value);
    if (field.empty() || ec != std::errc{} || ptr != end)
        return std::nullopt;
    return value;
}

std::vector<std::string_view> split(std::string_view line, char separator)
{
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
        const size_t end = line.find(separator, start);
        if (end == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, end - start));
        start = end + 1;
    }
}

std::string quoted(std::string_view field)
{
    return "'" + std::string(field) + "'";
}

// At most 8 decimals with trailing zeros dropped, as the reference prints. Our states are kept at
// 8 decimals (see fsrs.cpp), so this loses nothing.
std::string format_decimal(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.8f", value);
    std::string text = buffer;
    const size_t dot = text.find('.');
    if (dot != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    return text;
}

} // namespace

std::optional<SchedulerConfig> replay_config(std::string_view mode)
{
    SchedulerConfig config;
    if (mode == "default") {
        config.steps_mode = StepsMode::WithSteps;
        config.short_term = true;
        return config;
    }
    if (mode == "longterm") {
        // The reference's long-term scheduler is its short-term switch turned off, so same-day
        // answers use the ordinary formulas with R = 1.
        config.steps_mode = StepsMode::LongTermOnly;
        config.short_term = false;
        return config;
    }
    return std::nullopt;
}

Result<std::vector<ReplayReview>> parse_replay_csv(std::string_view text, std::string_view file_name)
{
    std::vector<std::string_view> lines = split(text, '\n');
    for (std::string_view& line : lines) {
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
    }
    // A final newline leaves one empty line behind; that is not a row.
    if (lines.size() > 1 && lines.back().empty())
        lines.pop_back();

    if (lines[0] != kReplayInputHeader)
        return parse_error(file_name, 1, "expected the header '" + std::string(kReplayInputHeader) + "'");

    std::vector<ReplayReview> reviews;
    reviews.reserve(lines.size() - 1);
    std::unordered_map<int64_t, int64_t> last_time; // card id → time of its previous review
    for (size_t i = 1; i < lines.size(); ++i) {
        const size_t line_number = i + 1;
        const std::vector<std::string_view> fields = split(lines[i], ',');
        if (fields.size() != 3)
            return parse_error(file_name, line_number,
                               "expected 3 columns (card_id,review_time_ms,rating), found " +
                                   std::to_string(fields.size()));
        const std::optional<int64_t> card_id = parse_int(fields[0]);
        if (!card_id)
            return parse_error(file_name, line_number, "card_id " + quoted(fields[0]) + " is not a whole number");
        const std::optional<int64_t> time = parse_int(fields[1]);
        if (!time)
            return parse_error(file_name, line_number,
                               "review_time_ms " + quoted(fields[1]) + " is not a whole number");
        const std::optional<int64_t> rating_value = parse_int(fields[2]);
        if (!rating_value)
            return parse_error(file_name, line_number, "rating " + quoted(fields[2]) + " is not a whole number");
        const std::optional<Rating> rating =
            (*rating_value >= 1 && *rating_value <= 4) ? rating_from_int(static_cast<int>(*rating_value))
                                                       : std::nullopt;
        if (!rating)
            return parse_error(file_name, line_number, "rating " + quoted(fields[2]) + " is not 1, 2, 3 or 4");

        // Elapsed days come from consecutive reviews of a card, so they must not go back in time.
        const auto [previous, inserted] = last_time.try_emplace(*card_id, *time);
        if (!inserted) {
            if (*time < previous->second)
                return parse_error(file_name, line_number,
                                   "review of card " + std::to_string(*card_id) +
                                       " is earlier than its previous review");
            previous->second = *time;
        }
        reviews.push_back(ReplayReview{*card_id, *time, *rating});
    }
    return reviews;
}

std::vector<ReplayRow> replay_reviews(const std::vector<ReplayReview>& reviews, const SchedulerConfig& config)
{
    // The reference counts elapsed days as UTC calendar-date changes.
    const DayClock utc{0, 0};
    std::unordered_map<int64_t, CardSchedule> cards;
    std::vector<ReplayRow> rows;
    rows.reserve(reviews.size());
    for (const ReplayReview& review : reviews) {
        CardSchedule& card = cards[review.card_id];
        const NextStates states = next_states(card, review.review_time_ms, config, utc);
        const Outcome& outcome = states[review.rating];
        card = outcome.schedule;
        rows.push_back(ReplayRow{review.card_id, review.review_time_ms, review.rating, card.memory->stability,
                                 card.memory->difficulty, outcome.retrievability, card.scheduled_days});
    }
    return rows;
}

Result<std::vector<ReplayRow>> replay_csv(std::string_view text, std::string_view file_name,
                                          const SchedulerConfig& config)
{
    Result<std::vector<ReplayReview>> reviews = parse_replay_csv(text, file_name);
    if (!reviews)
        return reviews.error();
    return replay_reviews(*reviews, config);
}

std::string format_replay_csv(const std::vector<ReplayRow>& rows)
{
    std::string out;
    out.reserve(64 * (rows.size() + 1));
    out += kReplayOutputHeader;
    out += '\n';
    for (const ReplayRow& row : rows) {
        out += std::to_string(row.card_id);
        out += ',';
        out += std::to_string(row.review_time_ms);
        out += ',';
        out += std::to_string(static_cast<int>(row.rating));
        out += ',';
        out += format_decimal(row.stability);
        out += ',';
        out += format_decimal(row.difficulty);
        out += ',';
        out += format_decimal(row.retrievability);
        out += ',';
        out += std::to_string(row.scheduled_days);
        out += '\n';
    }
    return out;
}

} // namespace letopis
