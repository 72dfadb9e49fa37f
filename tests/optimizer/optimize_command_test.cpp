// `letopis fsrs optimize` run as a program: the weights line, --json, determinism, FILE:LINE errors
// with exit status 2, the small-data message, and the collection's own log.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "optimizer/optimizer_fixture.h"
#include "service/optimizer_job.h"

namespace letopis {
namespace {

using testing::OptimizerFixture;

struct Output {
    int status = -1;
    std::string out, err;
};

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct OptimizeCommandTest : OptimizerFixture {
    Output letopis(const std::string& arguments)
    {
        const std::string command = std::string(LETOPIS_BINARY) + " " + arguments + " >" + (dir / "out").string() +
                                    " 2>" + (dir / "err").string();
        Output run;
        const int raw = std::system(command.c_str());
        run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        run.out = read_file(dir / "out");
        run.err = read_file(dir / "err");
        return run;
    }

    std::string write(const std::string& name, const std::string& text)
    {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    }

    std::string simulated_csv(int64_t reviews)
    {
        SimulationConfig config;
        config.days = 400;
        config.new_cards_per_day = 10;
        config.max_reviews = reviews;
        std::string text = "card_id,review_time_ms,rating\n";
        for (const ReviewLogEntry& entry : simulate_review_log(config))
            text += std::to_string(entry.card_id) + "," + std::to_string(entry.time_ms) + "," +
                    std::to_string(static_cast<int>(entry.rating)) + "\n";
        return write("log.csv", text);
    }
};

// The weights of a one-line output, checked to be 21 numbers within bounds.
void expect_weights_line(const std::string& out)
{
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out.find('\n'), out.size() - 1) << out;
    const auto params = parse_fsrs_params(out.substr(0, out.size() - 1));
    EXPECT_TRUE(params) << out;
}

TEST_F(OptimizeCommandTest, PrintsTheWeightsOnOneLine)
{
    const std::string csv = simulated_csv(4'000);
    const Output run = letopis("fsrs optimize --input " + csv + " --utc-offset 180 --rollover 4");
    EXPECT_EQ(run.status, 0) << run.err;
    expect_weights_line(run.out);
    EXPECT_EQ(run.err, "");
    EXPECT_NE(run.out.substr(0, 30), "0.2120,1.2931,2.3065,8.2956,6.4");

    const Output again = letopis("fsrs optimize --input " + csv + " --utc-offset 180 --rollover 4");
    EXPECT_EQ(again.out, run.out); // the same log gives the same weights
}

TEST_F(OptimizeCommandTest, JsonGivesHeldOutFiguresForFittedAndDefaultWeights)
{
    const std::string csv = simulated_csv(4'000);
    const Output run = letopis("fsrs optimize --input " + csv + " --json --utc-offset -300 --rollover 0");
    ASSERT_EQ(run.status, 0) << run.err;
    for (const char* key : {"\"params\": [", "\"log_loss\": {\"fitted\": ", "\"rmse_bins\": {\"fitted\": ",
                            "\"default\": ", "\"reviews\": 4000,", "\"items\": ", "\"held_out_items\": ",
                            "\"seconds\": ", "\"fitted_weights\": \"all\"", "\"reviews_needed\": 0"})
        EXPECT_NE(run.out.find(key), std::string::npos) << key << "\n" << run.out;
    EXPECT_EQ(run.out.find("\"current\""), std::string::npos); // a CSV has no current weights
    EXPECT_EQ(run.out.find("\"message\""), std::string::npos);
}

TEST_F(OptimizeCommandTest, ABadRowIsReportedAsFileAndLine)
{
    const std::string csv = write("bad.csv", "card_id,review_time_ms,rating\n1,1000,3\n1,90000000,7\n");
    const Output run = letopis("fsrs optimize --input " + csv);
    EXPECT_EQ(run.status, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, csv + ":3: rating '7' is not 1, 2, 3 or 4\n");

    const std::string header = write("header.csv", "card,time,rating\n1,1000,3\n");
    const Output wrong_header = letopis("fsrs optimize --input " + header);
    EXPECT_EQ(wrong_header.status, 2);
    EXPECT_EQ(wrong_header.err.rfind(header + ":1: ", 0), 0u) << wrong_header.err;

    const Output missing = letopis("fsrs optimize --input " + (dir / "none.csv").string());
    EXPECT_EQ(missing.status, 2);
    EXPECT_NE(missing.err.find("cannot read"), std::string::npos);

    const Output rollover = letopis("fsrs optimize --input " + csv + " --rollover 24");
    EXPECT_EQ(rollover.status, 2);
    EXPECT_NE(rollover.err.find("--rollover"), std::string::npos);
}

TEST_F(OptimizeCommandTest, ASmallLogSaysHowManyMoreReviewsAreNeeded)
{
    // Three cards, two items each: the defaults, and how far there is to go.
    std::string text = "card_id,review_time_ms,rating\n";
    for (int card = 1; card <= 3; ++card) {
        for (int day : {0, 2, 7})
            text += std::to_string(card) + "," + std::to_string(1'700'000'000'000 + day * 86'400'000LL) + ",3\n";
    }
    const Output run = letopis("fsrs optimize --input " + write("small.csv", text) + " --utc-offset 0");
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(run.out, "0.2120,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.0010,1.8722,0.1666,0.7960,1.4835,0.0614,"
                       "0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542\n");
    // Like the reference, a first rating with under 20 first long-term reviews is left out whole,
    // so none of these six is usable yet.
    EXPECT_NE(run.err.find("(0 usable)"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("64 more reviews"), std::string::npos) << run.err;

    const Output json = letopis("fsrs optimize --input " + write("small.csv", text) + " --json --utc-offset 0");
    EXPECT_NE(json.out.find("\"fitted_weights\": \"defaults\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"reviews_needed\": 64"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"message\": "), std::string::npos) << json.out;
}

TEST_F(OptimizeCommandTest, WithoutInputTheCollectionsOwnLogIsUsed)
{
    record_simulated_answers(3'000, 300);
    const std::filesystem::path path = collection->path();
    collection.reset(); // release the single-instance lock for the child process
    const Output run = letopis("fsrs optimize --collection " + path.string() + " --utc-offset 0 --rollover 4");
    EXPECT_EQ(run.status, 0) << run.err;
    expect_weights_line(run.out);

    const Output json = letopis("--collection " + path.string() + " fsrs optimize --json --utc-offset 0 --rollover 4");
    ASSERT_EQ(json.status, 0) << json.err;
    EXPECT_NE(json.out.find("\"reviews\": 3000,"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"current\": "), std::string::npos) << json.out;

    const Output none = letopis("fsrs optimize --collection " + (dir / "missing.db").string());
    EXPECT_EQ(none.status, 2);
}

} // namespace
} // namespace letopis
