// CSV in, scheduler replay, CSV out. Text only: the command that calls this reads and writes the
// files, so the core stays free of I/O.
#include "core/scheduler/replay.h"

#include <algorithm>
#include <charconv>
#include <cmath>
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

// The next line of `text` from `pos` (without its '\n' and any '\r' before it); moves `pos` past it.
std::string_view next_line(std::string_view text, size_t& pos)
{
    const size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() + 1 : end + 1;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

size_t count_fields(std::string_view line)
{
    return static_cast<size_t>(std::count(line.begin(), line.end(), ',')) + 1;
}

std::string quoted(std::string_view field)
{
    return "'" + std::string(field) + "'";
}

// At most 8 decimals with trailing zeros dropped, as the reference prints. Our states are kept at
// 8 decimals (see fsrs.cpp), so this loses nothing.
void append_decimal_slow(std::string& out, double value)
{
    char buffer[400]; // the largest double has 309 digits before the point
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
    out += text;
}

constexpr char kDigitPairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                               "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                               "8081828384858687888990919293949596979899";

// Appends text straight into a string's buffer, growing it by doubling: the CSV of a long replay
// is written without a call per field.
class CsvWriter {
public:
    explicit CsvWriter(size_t expected) : m_text(std::max<size_t>(expected, 256), '\0') {}

    // Makes room for `n` more characters.
    void reserve(size_t n)
    {
        if (m_text.size() - m_end < n)
            m_text.resize(std::max(m_text.size() * 2, m_end + n));
    }
    void put(char c) { m_text[m_end++] = c; }
    void put(std::string_view text)
    {
        reserve(text.size());
        m_end = static_cast<size_t>(std::copy(text.begin(), text.end(), m_text.data() + m_end) - m_text.data());
    }
    // Room for 20 characters is the caller's (reserve).
    void put_int(int64_t value)
    {
        char* begin = m_text.data() + m_end;
        m_end += static_cast<size_t>(std::to_chars(begin, begin + 20, value).ptr - begin);
    }
    // As append_decimal_slow would write it. A value within a quarter of a unit of the 8th decimal
    // (every value the scheduler produces) rounds to that unit whatever the last bits of the
    // product are, so the digits come from one integer; anything else (a weight given with more
    // decimals, say) goes the slow way. Room for 32 characters is the caller's.
    void put_decimal(double value)
    {
        const double scaled = value * 1e8;
        const bool in_range = std::fabs(scaled) < 1e14;
        const auto units = in_range ? static_cast<int64_t>(scaled + (scaled < 0 ? -0.5 : 0.5)) : 0;
        if (!in_range || std::fabs(scaled - static_cast<double>(units)) >= 0.25) {
            std::string text;
            append_decimal_slow(text, value);
            put(text);
            return;
        }
        if (units < 0)
            put('-');
        const uint64_t magnitude = units < 0 ? static_cast<uint64_t>(-units) : static_cast<uint64_t>(units);
        put_int(static_cast<int64_t>(magnitude / 100'000'000));
        uint64_t fraction = magnitude % 100'000'000;
        if (fraction == 0)
            return;
        int length = 8;
        while (fraction % 10 == 0) {
            fraction /= 10;
            --length;
        }
        put('.');
        // Two digits at a time from a table, as fmt does, from the right; an odd one out is first.
        char* digits = m_text.data() + m_end;
        int i = length;
        while (i >= 2) {
            const char* pair = kDigitPairs + 2 * (fraction % 100);
            digits[--i] = pair[1];
            digits[--i] = pair[0];
            fraction /= 100;
        }
        if (i == 1)
            digits[0] = static_cast<char>('0' + fraction);
        m_end += static_cast<size_t>(length);
    }

    std::string take() &&
    {
        m_text.resize(m_end);
        return std::move(m_text);
    }

private:
    std::string m_text;
    size_t m_end = 0;
};

} // namespace

std::optional<SchedulerConfig> replay_config(std::string_view mode)
{
    SchedulerConfig config;
    // The reference gives exact intervals; so does a replay, whatever the app's default.
    config.fuzz = Fuzz::Off;
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
    size_t pos = 0;
    if (next_line(text, pos) != kReplayInputHeader)
        return parse_error(file_name, 1, "expected the header '" + std::string(kReplayInputHeader) + "'");

    std::vector<ReplayReview> reviews;
    // About 30 bytes a row; reserving avoids regrowing a vector of 300,000 rows a dozen times.
    reviews.reserve(text.size() / 24 + 1);
    std::unordered_map<int64_t, int64_t> last_time; // card id → time of its previous review
    int64_t* card_last_time = nullptr;               // the entry of the previous row's card
    int64_t previous_card = 0;
    size_t line_number = 1;
    while (pos <= text.size()) {
        const std::string_view line = next_line(text, pos);
        ++line_number;
        // A final newline leaves one empty line behind; that is not a row.
        if (line.empty() && pos > text.size())
            break;
        const size_t first_comma = line.find(',');
        const size_t second_comma = first_comma == std::string_view::npos ? first_comma : line.find(',', first_comma + 1);
        if (second_comma == std::string_view::npos || line.find(',', second_comma + 1) != std::string_view::npos)
            return parse_error(file_name, line_number,
                               "expected 3 columns (card_id,review_time_ms,rating), found " +
                                   std::to_string(count_fields(line)));
        const std::string_view id_field = line.substr(0, first_comma);
        const std::string_view time_field = line.substr(first_comma + 1, second_comma - first_comma - 1);
        const std::string_view rating_field = line.substr(second_comma + 1);
        const std::optional<int64_t> card_id = parse_int(id_field);
        if (!card_id)
            return parse_error(file_name, line_number, "card_id " + quoted(id_field) + " is not a whole number");
        const std::optional<int64_t> time = parse_int(time_field);
        if (!time)
            return parse_error(file_name, line_number,
                               "review_time_ms " + quoted(time_field) + " is not a whole number");
        const std::optional<int64_t> rating_value = parse_int(rating_field);
        if (!rating_value)
            return parse_error(file_name, line_number, "rating " + quoted(rating_field) + " is not a whole number");
        const std::optional<Rating> rating =
            (*rating_value >= 1 && *rating_value <= 4) ? rating_from_int(static_cast<int>(*rating_value))
                                                       : std::nullopt;
        if (!rating)
            return parse_error(file_name, line_number, "rating " + quoted(rating_field) + " is not 1, 2, 3 or 4");

        // Elapsed days come from consecutive reviews of a card, so they must not go back in time.
        // Logs are usually sorted by card, so the previous row's entry is tried before the map.
        if (card_last_time == nullptr || *card_id != previous_card) {
            const auto [entry, inserted] = last_time.try_emplace(*card_id, *time);
            card_last_time = &entry->second;
            previous_card = *card_id;
            if (inserted) {
                reviews.push_back(ReplayReview{*card_id, *time, *rating});
                continue;
            }
        }
        if (*time < *card_last_time)
            return parse_error(file_name, line_number,
                               "review of card " + std::to_string(*card_id) + " is earlier than its previous review");
        *card_last_time = *time;
        reviews.push_back(ReplayReview{*card_id, *time, *rating});
    }
    return reviews;
}

std::vector<ReplayRow> replay_reviews(const std::vector<ReplayReview>& reviews, const SchedulerConfig& config)
{
    // The reference counts elapsed days as UTC calendar-date changes.
    const DayClock utc{0, 0};
    const Scheduler scheduler(config);
    std::unordered_map<int64_t, CardSchedule> cards;
    CardSchedule* card = nullptr; // the previous row's card, tried before the map
    int64_t card_id = 0;
    std::vector<ReplayRow> rows;
    rows.reserve(reviews.size());
    for (const ReplayReview& review : reviews) {
        if (card == nullptr || review.card_id != card_id) {
            card = &cards[review.card_id];
            card_id = review.card_id;
        }
        const Outcome outcome = scheduler.answer(*card, review.rating, review.review_time_ms, utc, CardId{review.card_id});
        *card = outcome.schedule;
        rows.push_back(ReplayRow{review.card_id, review.review_time_ms, review.rating, card->memory->stability,
                                 card->memory->difficulty, outcome.retrievability, card->scheduled_days});
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
    // Room for the longest row the fast path writes: 4 integers of 20 characters, 3 decimals of
    // 32, 7 separators. A decimal that takes the slow path makes its own room.
    constexpr size_t kMaxRow = 4 * 20 + 3 * 32 + 7;
    CsvWriter out(kReplayOutputHeader.size() + 1 + rows.size() * 64);
    out.put(kReplayOutputHeader);
    out.reserve(1);
    out.put('\n');
    for (const ReplayRow& row : rows) {
        out.reserve(kMaxRow);
        out.put_int(row.card_id);
        out.put(',');
        out.put_int(row.review_time_ms);
        out.put(',');
        out.put(static_cast<char>('0' + static_cast<int>(row.rating)));
        out.put(',');
        out.put_decimal(row.stability);
        out.reserve(kMaxRow);
        out.put(',');
        out.put_decimal(row.difficulty);
        out.reserve(kMaxRow);
        out.put(',');
        out.put_decimal(row.retrievability);
        out.reserve(kMaxRow);
        out.put(',');
        out.put_int(row.scheduled_days);
        out.put('\n');
    }
    return std::move(out).take();
}

} // namespace letopis
