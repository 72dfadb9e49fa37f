// A collection holding a simulated learner's answers, for the optimizer job and command tests.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "core/fsrs/optimizer_simulator.h"
#include "service/study_fixture.h"

namespace letopis::testing {

struct OptimizerFixture : StudyFixture {
    // Simulates `reviews` answers over at most `cards` new cards (10 a day) and records them into the
    // collection's cards, in one transaction. Returns the simulated log.
    std::vector<ReviewLogEntry> record_simulated_answers(int64_t reviews, int cards, uint64_t seed = 4)
    {
        const DeckInfo deck = import(make_deck("opt", (cards + 1) / 2));
        auto fresh = collection->new_cards(deck.id, cards);
        EXPECT_TRUE(fresh.ok());
        SimulationConfig config;
        config.days = 3650;
        config.new_cards_per_day = 10;
        config.max_cards = cards;
        config.max_reviews = reviews;
        config.seed = seed;
        config.clock = settings.clock;
        const std::vector<ReviewLogEntry> log = simulate_review_log(config);
        std::map<int64_t, Card> by_sim_id;
        for (size_t i = 0; i < fresh->size(); ++i)
            by_sim_id[static_cast<int64_t>(i) + 1] = (*fresh)[i];
        const Status written = collection->transact([&]() -> Status {
            for (const ReviewLogEntry& entry : log) {
                Card& card = by_sim_id.at(entry.card_id);
                card.schedule.phase = CardPhase::Review;
                card.schedule.memory = MemoryState{1, 5};
                card.schedule.last_review_ms = entry.time_ms;
                card.schedule.due_ms = entry.time_ms + 86'400'000;
                card.schedule.reps += 1;
                ReviewRecord review;
                review.card = card.id;
                review.time_ms = entry.time_ms;
                review.rating = entry.rating;
                auto id = collection->record_answer(card, review);
                if (!id)
                    return id.error();
            }
            return {};
        });
        EXPECT_TRUE(written.ok()) << (written.ok() ? "" : written.error().message);
        return log;
    }
};

} // namespace letopis::testing
