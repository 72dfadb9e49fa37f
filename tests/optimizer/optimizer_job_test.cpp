// The weights setting and the background optimizer job: it runs off the calling thread, reports
// progress, can be cancelled, and applying stores the weights without touching the review log.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "optimizer/optimizer_fixture.h"
#include "service/optimizer_job.h"

namespace letopis {
namespace {

using testing::OptimizerFixture;

FsrsParams learner_params()
{
    return FsrsParams{{0.4, 1.1, 3.0, 12.0, 6.2, 0.7, 2.8, 0.01, 1.6, 0.12, 0.9, 1.5, 0.08, 0.3, 1.8, 0.5, 2.2, 0.6,
                       0.1, 0.05, 0.2}};
}

OptimizerJob::State wait_until_done(const OptimizerJob& job)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (job.state() == OptimizerJob::State::Running && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return job.state();
}

TEST(FsrsParamsSetting, TextRoundTripsExactly)
{
    FsrsParams params = learner_params();
    params.w[9] = 0.1234567890123456789;
    const auto parsed = parse_fsrs_params(format_fsrs_params(params));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->w, params.w);
    EXPECT_TRUE(parse_fsrs_params("0.4, 1.1, 3, 12, 6.2, 0.7, 2.8, 0.01, 1.6, 0.12, 0.9, 1.5, 0.08, 0.3, 1.8, 0.5, "
                                  "2.2, 0.6, 0.1, 0.05, 0.2"));
}

TEST(FsrsParamsSetting, MalformedOrOutOfBoundsTextIsRefused)
{
    EXPECT_FALSE(parse_fsrs_params(""));
    EXPECT_FALSE(parse_fsrs_params("1,2,3"));
    EXPECT_FALSE(parse_fsrs_params(format_fsrs_params(learner_params()) + ",0.2")); // 22 weights
    std::string text = format_fsrs_params(learner_params());
    EXPECT_FALSE(parse_fsrs_params("x" + text));
    FsrsParams wide = learner_params();
    wide.w[20] = 0.9; // decay above 0.8
    EXPECT_FALSE(parse_fsrs_params(format_fsrs_params(wide)));
}

struct OptimizerJobTest : OptimizerFixture {};

TEST_F(OptimizerJobTest, TheDefaultsUntilWeightsAreSaved)
{
    auto loaded = load_fsrs_params(*collection);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->w, FsrsParams::defaults().w);

    ASSERT_TRUE(save_fsrs_params(*collection, learner_params()).ok());
    loaded = load_fsrs_params(*collection);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->w, learner_params().w);

    FsrsParams wide = learner_params();
    wide.w[4] = 11;
    const Status refused = save_fsrs_params(*collection, wide);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidInput);

    // A setting that does not parse leaves scheduling on the defaults rather than failing.
    ASSERT_TRUE(collection->set_setting(kFsrsParamsSetting, "not weights").ok());
    loaded = load_fsrs_params(*collection);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->w, FsrsParams::defaults().w);
}

TEST_F(OptimizerJobTest, TheLogHoldsTheAnswersThatCountByCardThenTime)
{
    const DeckInfo deck = import(testing::make_deck("log", 2));
    auto cards = collection->new_cards(deck.id, 4);
    ASSERT_TRUE(cards.ok());
    ASSERT_EQ(cards->size(), 4u);
    const int64_t t0 = testing::kMorningMs;
    // Answers in time order: card B, card A, card B again, then card A once more (taken back).
    const std::vector<std::pair<size_t, Rating>> answers{
        {1, Rating::Good}, {0, Rating::Again}, {1, Rating::Hard}, {0, Rating::Easy}};
    for (size_t i = 0; i < answers.size(); ++i) {
        Card card = (*cards)[answers[i].first];
        card.schedule.phase = CardPhase::Review;
        card.schedule.memory = MemoryState{1, 5};
        ReviewRecord review;
        review.time_ms = t0 + static_cast<int64_t>(i) * testing::kDayMs;
        review.rating = answers[i].second;
        ASSERT_TRUE(collection->record_answer(card, review).ok());
    }
    ASSERT_TRUE(collection->undo_last_answer(ReviewId{}, t0 + 5 * testing::kDayMs).ok());

    const auto log = collection->review_log();
    ASSERT_TRUE(log.ok());
    ASSERT_EQ(log->size(), 3u);
    const int64_t a = (*cards)[0].id.value, b = (*cards)[1].id.value;
    ASSERT_LT(a, b);
    EXPECT_EQ((*log)[0].card_id, a);
    EXPECT_EQ((*log)[0].rating, Rating::Again);
    EXPECT_EQ((*log)[1].card_id, b);
    EXPECT_EQ((*log)[1].time_ms, t0);
    EXPECT_EQ((*log)[2].card_id, b);
    EXPECT_EQ((*log)[2].rating, Rating::Hard);
}

TEST_F(OptimizerJobTest, FitsInTheBackgroundAndAppliesWithoutTouchingHistory)
{
    record_simulated_answers(3'000, 300);
    const auto reviews_before = collection->review_count();
    ASSERT_TRUE(reviews_before.ok());
    ASSERT_EQ(*reviews_before, 3'000);

    OptimizerJob job(*collection, settings.clock);
    EXPECT_EQ(job.state(), OptimizerJob::State::Idle);
    EXPECT_FALSE(job.apply().ok()); // nothing to apply yet
    ASSERT_TRUE(job.start().ok());
    EXPECT_EQ(wait_until_done(job), OptimizerJob::State::Finished);
    EXPECT_EQ(job.progress(), 1.0);

    const auto report = job.report();
    ASSERT_TRUE(report);
    EXPECT_EQ(report->reviews, 3'000);
    EXPECT_EQ(report->fit.scope, FitScope::All);
    ASSERT_TRUE(report->fitted && report->current && report->defaults);
    EXPECT_FALSE(find_weight_out_of_bounds(report->fit.params));

    ASSERT_TRUE(job.apply().ok());
    const auto applied = load_fsrs_params(*collection);
    ASSERT_TRUE(applied.ok());
    EXPECT_EQ(applied->w, report->fit.params.w);
    const auto current = job.current_params();
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(current->w, report->fit.params.w);

    const auto reviews_after = collection->review_count();
    ASSERT_TRUE(reviews_after.ok());
    EXPECT_EQ(*reviews_after, *reviews_before);

    // A second run compares against the weights now applied, and gives the same weights again.
    ASSERT_TRUE(job.start().ok());
    EXPECT_EQ(wait_until_done(job), OptimizerJob::State::Finished);
    const auto again = job.report();
    ASSERT_TRUE(again && again->current);
    EXPECT_EQ(again->fit.params.w, report->fit.params.w);
    EXPECT_NE(again->current->log_loss, again->defaults->log_loss);
}

TEST_F(OptimizerJobTest, CancelStopsTheFit)
{
    record_simulated_answers(6'000, 600);
    OptimizerJob job(*collection, settings.clock);
    ASSERT_TRUE(job.start().ok());
    const Status twice = job.start();
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::InvalidInput);
    job.cancel();
    EXPECT_EQ(wait_until_done(job), OptimizerJob::State::Cancelled);
    EXPECT_FALSE(job.report());
    EXPECT_FALSE(job.apply().ok());
    const auto loaded = load_fsrs_params(*collection);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->w, FsrsParams::defaults().w);
}

TEST_F(OptimizerJobTest, DestroyingARunningJobWaitsForIt)
{
    record_simulated_answers(3'000, 300);
    {
        OptimizerJob job(*collection, settings.clock);
        ASSERT_TRUE(job.start().ok());
    } // cancels and joins; nothing is left running against the collection
    EXPECT_TRUE(collection->review_count().ok());
}

TEST_F(OptimizerJobTest, AnEmptyCollectionGivesTheDefaults)
{
    OptimizerJob job(*collection, settings.clock);
    ASSERT_TRUE(job.start().ok());
    EXPECT_EQ(wait_until_done(job), OptimizerJob::State::Finished);
    const auto report = job.report();
    ASSERT_TRUE(report);
    EXPECT_EQ(report->fit.scope, FitScope::Defaults);
    EXPECT_EQ(report->fit.items_needed, kMinItemsToFitAll);
    EXPECT_FALSE(report->fitted);
}

} // namespace
} // namespace letopis
