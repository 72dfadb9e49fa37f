// Replays the reference fixtures through our scheduler and compares every row; checks the CSV
// parser's error messages and the output format.
#include "core/scheduler/replay.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace letopis {
namespace {

const std::string kFixtureDir = LETOPIS_SHARED_DIR "/fixtures/fsrs/";

std::string read_fixture(const std::string& name)
{
    std::ifstream in(kFixtureDir + name, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot open " << kFixtureDir + name;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> split_fields(const std::string& line)
{
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ','))
        fields.push_back(field);
    return fields;
}

// Relative 1e-6, with an absolute floor so that values near 0 compare sensibly.
bool close(double actual, double expected)
{
    return std::fabs(actual - expected) <= std::max(1e-6 * std::fabs(expected), 1e-9);
}

void expect_matches_fixture(const std::string& expected_name, const SchedulerConfig& config)
{
    const Result<std::vector<ReplayRow>> rows = replay_csv(read_fixture("reviews.csv"), "reviews.csv", config);
    ASSERT_TRUE(rows.ok()) << rows.error().message;

    std::istringstream expected(read_fixture(expected_name));
    std::string line;
    ASSERT_TRUE(std::getline(expected, line));
    ASSERT_EQ(line, kReplayOutputHeader);
    size_t index = 0;
    int mismatches = 0;
    while (std::getline(expected, line)) {
        if (line.empty())
            continue;
        ASSERT_LT(index, rows->size()) << "the fixture has more rows than our replay";
        const std::vector<std::string> f = split_fields(line);
        ASSERT_EQ(f.size(), 7u) << expected_name << " line " << index + 2;
        const ReplayRow& row = (*rows)[index];
        const std::string where = expected_name + ":" + std::to_string(index + 2) + ": " + line;
        EXPECT_EQ(row.card_id, std::stoll(f[0])) << where;
        EXPECT_EQ(row.review_time_ms, std::stoll(f[1])) << where;
        EXPECT_EQ(static_cast<int>(row.rating), std::stoi(f[2])) << where;
        const bool same = close(row.stability, std::stod(f[3])) && close(row.difficulty, std::stod(f[4])) &&
                          close(row.retrievability, std::stod(f[5])) && row.scheduled_days == std::stoi(f[6]);
        if (!same && ++mismatches <= 10) {
            ADD_FAILURE() << where << "\n  ours: S=" << row.stability << " D=" << row.difficulty
                          << " R=" << row.retrievability << " days=" << row.scheduled_days;
        }
        ++index;
    }
    EXPECT_EQ(mismatches, 0) << "rows differing from " << expected_name;
    EXPECT_EQ(index, rows->size()) << "row count";
    EXPECT_GT(index, 3000u) << "the fixture looks truncated";
}

TEST(Replay, MatchesReferenceDefault)
{
    expect_matches_fixture("expected.default.csv", *replay_config("default"));
}

TEST(Replay, MatchesReferenceLongTerm)
{
    expect_matches_fixture("expected.longterm.csv", *replay_config("longterm"));
}

TEST(Replay, MatchesReferenceCustomWeightsAndRetention)
{
    SchedulerConfig config = *replay_config("default");
    config.desired_retention = 0.85;
    config.params = FsrsParams{{0.4, 1.1, 3.0, 12.0, 6.2, 0.7, 2.8, 0.01, 1.6, 0.12, 0.9, 1.5, 0.08, 0.3, 1.8, 0.5,
                                2.2, 0.6, 0.1, 0.05, 0.2}};
    expect_matches_fixture("expected.default.r085.custom.csv", config);
}

TEST(Replay, ConfigForModeNames)
{
    const std::optional<SchedulerConfig> with_steps = replay_config("default");
    ASSERT_TRUE(with_steps);
    EXPECT_EQ(with_steps->steps_mode, StepsMode::WithSteps);
    EXPECT_TRUE(with_steps->short_term);
    const std::optional<SchedulerConfig> long_term = replay_config("longterm");
    ASSERT_TRUE(long_term);
    EXPECT_EQ(long_term->steps_mode, StepsMode::LongTermOnly);
    EXPECT_FALSE(long_term->short_term);
    EXPECT_EQ(with_steps->fuzz, Fuzz::Off);
    EXPECT_EQ(long_term->fuzz, Fuzz::Off);
    EXPECT_FALSE(replay_config("Default"));
    EXPECT_FALSE(replay_config(""));
}

TEST(Replay, FormatsLikeTheReference)
{
    const std::vector<ReplayRow> rows = {
        {1, 1704148759539, Rating::Good, 2.3065, 2.11810397, 0, 0},
        {2, 1704150994355, Rating::Again, 0.08335672, 10, 1, 0},
        {3, 1704844322214, Rating::Easy, 288.3052286, 1, 0.79574728, 288},
    };
    EXPECT_EQ(format_replay_csv(rows),
              "card_id,review_time_ms,rating,stability,difficulty,retrievability,scheduled_days\n"
              "1,1704148759539,3,2.3065,2.11810397,0,0\n"
              "2,1704150994355,1,0.08335672,10,1,0\n"
              "3,1704844322214,4,288.3052286,1,0.79574728,288\n");
    EXPECT_EQ(format_replay_csv({}), std::string(kReplayOutputHeader) + "\n");
}

// The formatter prints from integers where it safely can; every value must read as printf's
// "%.8f" with trailing zeros dropped, on the 8-decimal grid or off it, tiny, huge or negative.
TEST(Replay, DecimalsPrintExactlyAsPrintfWould)
{
    const auto reference = [](double value) {
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%.8f", value);
        std::string text = buffer;
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
        return text == "-0" ? std::string("0") : text;
    };
    std::vector<double> values = {0,          -0.0,       1,           10,          36500,      0.001,
                                  0.1,        0.12345679, 0.123456789, 0.000000005, 1e-9,       -1e-9,
                                  -2.5,       0.99999999, 0.999999995, 1e20,        -1e20,      1e300,
                                  5e13,       123456.78901234, 2.11810397, 288.3052286, 0.08335672};
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int i = 0; i < 20000; ++i) {
        const double magnitude = std::pow(10.0, unit(random) * 12 - 6);
        const double x = (random() % 3 == 0 ? -1 : 1) * magnitude;
        values.push_back(x);
        values.push_back(std::round(x * 1e8) / 1e8); // on the grid, as the scheduler's values are
    }
    std::vector<ReplayRow> rows;
    for (double v : values)
        rows.push_back(ReplayRow{1, 2, Rating::Good, v, v, v, 3});
    const std::string text = format_replay_csv(rows);
    std::istringstream lines(text);
    std::string line;
    ASSERT_TRUE(std::getline(lines, line));
    for (double v : values) {
        ASSERT_TRUE(std::getline(lines, line));
        const std::string d = reference(v);
        EXPECT_EQ(line, "1,2,3," + d + "," + d + "," + d + ",3") << v;
    }
}

TEST(Replay, AcceptsCrlfAndATrailingNewline)
{
    const std::string text = "card_id,review_time_ms,rating\r\n7,1704148759539,3\r\n7,1704149505961,4\r\n";
    const Result<std::vector<ReplayReview>> reviews = parse_replay_csv(text, "in.csv");
    ASSERT_TRUE(reviews.ok()) << reviews.error().message;
    ASSERT_EQ(reviews->size(), 2u);
    EXPECT_EQ((*reviews)[1].card_id, 7);
    EXPECT_EQ((*reviews)[1].rating, Rating::Easy);
    // Header only: no rows, no error.
    const Result<std::vector<ReplayReview>> empty = parse_replay_csv("card_id,review_time_ms,rating\n", "in.csv");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
}

TEST(Replay, CardsInterleavedKeepTheirOwnHistory)
{
    const std::string sorted = "card_id,review_time_ms,rating\n"
                               "1,1704148759539,3\n1,1704844322214,3\n2,1704150776339,1\n2,1704842593417,3\n";
    const std::string mixed = "card_id,review_time_ms,rating\n"
                              "1,1704148759539,3\n2,1704150776339,1\n1,1704844322214,3\n2,1704842593417,3\n";
    const SchedulerConfig config = *replay_config("default");
    const Result<std::vector<ReplayRow>> a = replay_csv(sorted, "a.csv", config);
    const Result<std::vector<ReplayRow>> b = replay_csv(mixed, "b.csv", config);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ((*a)[1].stability, (*b)[2].stability);
    EXPECT_EQ((*a)[3].stability, (*b)[3].stability);
}

struct BadInput {
    const char* what;
    const char* text;
    const char* message_start; // the "FILE:LINE:" the message must begin with
    const char* message_part;  // and something it must say
};

TEST(ReplayErrors, ReportFileAndLine)
{
    const BadInput cases[] = {
        {"bad rating", "card_id,review_time_ms,rating\n1,1000,3\n1,2000,5\n", "bad.csv:3:", "rating '5'"},
        {"rating zero", "card_id,review_time_ms,rating\n1,1000,0\n", "bad.csv:2:", "rating '0'"},
        {"too few columns", "card_id,review_time_ms,rating\n1,1000\n", "bad.csv:2:", "found 2"},
        {"too many columns", "card_id,review_time_ms,rating\n1,1000,3\n1,2000,3,9\n", "bad.csv:3:", "found 4"},
        {"malformed card id", "card_id,review_time_ms,rating\nx1,1000,3\n", "bad.csv:2:", "card_id 'x1'"},
        {"malformed time", "card_id,review_time_ms,rating\n1,1000,3\n1,20.5,3\n", "bad.csv:3:",
         "review_time_ms '20.5'"},
        {"malformed rating", "card_id,review_time_ms,rating\n1,1000,good\n", "bad.csv:2:", "rating 'good'"},
        {"empty field", "card_id,review_time_ms,rating\n1,,3\n", "bad.csv:2:", "review_time_ms ''"},
        {"empty line inside", "card_id,review_time_ms,rating\n1,1000,3\n\n1,2000,3\n", "bad.csv:3:", "found 1"},
        {"wrong header", "card,time,rating\n1,1000,3\n", "bad.csv:1:", "header"},
        {"no header", "", "bad.csv:1:", "header"},
        {"time goes back", "card_id,review_time_ms,rating\n1,2000,3\n2,1000,3\n1,1000,3\n", "bad.csv:4:", "earlier"},
    };
    for (const BadInput& c : cases) {
        const Result<std::vector<ReplayRow>> result = replay_csv(c.text, "bad.csv", SchedulerConfig{});
        ASSERT_FALSE(result.ok()) << c.what;
        EXPECT_EQ(result.error().kind, ErrorKind::Parse) << c.what;
        EXPECT_EQ(result.error().message.rfind(c.message_start, 0), 0u) << c.what << ": " << result.error().message;
        EXPECT_NE(result.error().message.find(c.message_part), std::string::npos)
            << c.what << ": " << result.error().message;
    }
}

} // namespace
} // namespace letopis
