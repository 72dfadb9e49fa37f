// The simulated learner. Draws come from one std::mt19937_64 turned into doubles by hand, because the
// standard distributions may consume the generator differently from one library to another.
#include "core/fsrs/optimizer_simulator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "core/fsrs/optimizer_model.h"

namespace letopis {
namespace {

constexpr int64_t kMsPerMinute = 60'000;
constexpr int64_t kMsPerHour = 3'600'000;
constexpr double kMinutesPerDay = 1440;

class Draw {
public:
    explicit Draw(uint64_t seed) : m_rng(seed) {}
    double uniform() { return static_cast<double>(m_rng() >> 11) * 0x1.0p-53; } // [0, 1)
    int64_t below(int64_t n) { return static_cast<int64_t>(m_rng() % static_cast<uint64_t>(n)); }

private:
    std::mt19937_64 m_rng;
};

struct SimCard {
    int64_t id = 0;
    MemoryState truth;
    MemoryState scheduled;
    int64_t last_day = 0;
};

class Learner {
public:
    Learner(const SimulationConfig& config)
        : m_config(config), m_truth(config.truth), m_scheduler(config.scheduler), m_draw(config.seed)
    {
    }

    std::vector<ReviewLogEntry> run()
    {
        const int64_t first_day = day_number(m_config.start_ms, m_config.clock);
        int64_t next_id = 1;
        for (int64_t day = first_day; day < first_day + m_config.days; ++day) {
            if (limit_reached())
                break;
            if (day > first_day && m_draw.uniform() < m_config.skip_day_probability)
                continue;
            // A session starts between 8:00 and 20:00 local time (the day starts at the rollover hour).
            const int64_t day_start = day_start_ms(day, m_config.clock);
            const int64_t from_rollover = (8 - m_config.clock.rollover_hour) * kMsPerHour;
            m_now = day_start + from_rollover + m_draw.below(12 * kMsPerHour);

            std::vector<int64_t> due;
            while (!m_due.empty() && m_due.begin()->first.first <= day) {
                due.push_back(m_due.begin()->second);
                m_due.erase(m_due.begin());
            }
            for (int64_t index : due)
                review(m_cards[static_cast<size_t>(index)], day);
            for (int32_t i = 0; i < m_config.new_cards_per_day; ++i) {
                if (m_config.max_cards > 0 && static_cast<int64_t>(m_cards.size()) >= m_config.max_cards)
                    break;
                m_cards.push_back(SimCard{next_id++, {}, {}, day});
                learn(m_cards.back(), static_cast<int64_t>(m_cards.size()) - 1, day);
            }
        }
        std::stable_sort(m_log.begin(), m_log.end(),
                         [](const ReviewLogEntry& a, const ReviewLogEntry& b) { return a.time_ms < b.time_ms; });
        if (m_config.max_reviews > 0 && static_cast<int64_t>(m_log.size()) > m_config.max_reviews)
            m_log.resize(static_cast<size_t>(m_config.max_reviews));
        return m_log;
    }

private:
    bool limit_reached() const
    {
        return m_config.max_reviews > 0 && static_cast<int64_t>(m_log.size()) >= m_config.max_reviews;
    }

    void answer(SimCard& card, int64_t time_ms, Rating rating)
    {
        m_log.push_back(ReviewLogEntry{card.id, time_ms, rating});
    }

    // A pass is Hard, Good or Easy; which one says nothing about recall itself.
    Rating pass_rating()
    {
        const double u = m_draw.uniform();
        return u < 0.15 ? Rating::Hard : u < 0.9 ? Rating::Good : Rating::Easy;
    }

    // Same-day answers minutes apart: drawn from recall after that fraction of a day.
    bool recalls_after_minutes(const SimCard& card, double minutes)
    {
        return m_draw.uniform() < model_retrievability(m_truth, minutes / kMinutesPerDay, card.truth.stability);
    }

    void update(SimCard& card, int32_t days, Rating rating)
    {
        card.truth = model_next_state(m_truth, card.truth, days, rating);
        card.scheduled = model_next_state(m_scheduler, card.scheduled, days, rating);
    }

    // Steps in minutes (learning 1m, 10m; relearning 10m), then the card graduates.
    void run_steps(SimCard& card, const std::vector<double>& steps, int64_t at_ms, size_t step, Rating last)
    {
        // Again goes back to the first step, Hard repeats the current one, Good moves on.
        double wait = steps[step];
        if (last == Rating::Hard)
            wait = step + 1 < steps.size() ? (steps[step] + steps[step + 1]) / 2 : steps[step] * 1.5;
        for (int answers = 0; answers < 8; ++answers) {
            at_ms += static_cast<int64_t>(wait * kMsPerMinute) + m_draw.below(30'000);
            Rating rating = recalls_after_minutes(card, wait) ? (m_draw.uniform() < 0.15 ? Rating::Hard : Rating::Good)
                                                             : Rating::Again;
            answer(card, at_ms, rating);
            update(card, 0, rating);
            if (rating == Rating::Again) {
                step = 0;
                wait = steps[0];
            } else if (rating == Rating::Hard) {
                wait = step + 1 < steps.size() ? (steps[step] + steps[step + 1]) / 2 : steps[step] * 1.5;
            } else if (++step >= steps.size()) {
                return;
            } else {
                wait = steps[step];
            }
        }
    }

    void schedule(SimCard& card, int64_t index, int64_t day)
    {
        const FsrsModel& m = m_scheduler;
        const double decay = -m.w[20];
        const double interval = card.scheduled.stability / m.factor * (std::pow(m_config.desired_retention, 1 / decay) - 1);
        double days = std::clamp(std::round(interval), 1.0, 36500.0);
        if (days >= 2.5)
            days = std::round(days * (0.95 + 0.1 * m_draw.uniform()));
        card.last_day = day;
        m_due.emplace(std::pair<int64_t, int64_t>{day + static_cast<int64_t>(days), index}, index);
    }

    void learn(SimCard& card, int64_t index, int64_t day)
    {
        m_now += 5'000 + m_draw.below(25'000);
        const double u = m_draw.uniform();
        const Rating rating = u < 0.2 ? Rating::Again : u < 0.3 ? Rating::Hard : u < 0.9 ? Rating::Good : Rating::Easy;
        answer(card, m_now, rating);
        card.truth = model_first_state(m_truth, rating);
        card.scheduled = model_first_state(m_scheduler, rating);
        if (rating != Rating::Easy) {
            static const std::vector<double> kLearning{1, 10};
            run_steps(card, kLearning, m_now, rating == Rating::Good ? 1 : 0, rating);
        }
        schedule(card, index, day);
    }

    void review(SimCard& card, int64_t day)
    {
        m_now += 5'000 + m_draw.below(25'000);
        const auto days = static_cast<int32_t>(day - card.last_day);
        const bool recalled = m_draw.uniform() < model_retrievability(m_truth, days, card.truth.stability);
        const Rating rating = recalled ? pass_rating() : Rating::Again;
        answer(card, m_now, rating);
        update(card, days, rating);
        if (rating == Rating::Again) {
            static const std::vector<double> kRelearning{10};
            run_steps(card, kRelearning, m_now, 0, rating);
        }
        schedule(card, &card - m_cards.data(), day);
    }

    const SimulationConfig& m_config;
    FsrsModel m_truth;
    FsrsModel m_scheduler;
    Draw m_draw;
    std::vector<SimCard> m_cards;
    std::map<std::pair<int64_t, int64_t>, int64_t> m_due; // (due day, card index) → card index
    std::vector<ReviewLogEntry> m_log;
    int64_t m_now = 0;
};

} // namespace

std::vector<ReviewLogEntry> simulate_review_log(const SimulationConfig& config)
{
    return Learner(config).run();
}

} // namespace letopis
