// Generates collections through the same storage and scheduler code the app uses.
#include "collection_generator.h"

#include <random>
#include <string>

#include "core/scheduler/scheduler.h"
#include "storage/collection.h"

namespace letopis {

Status generate_collection(const std::filesystem::path& path, int64_t cards, int64_t now_ms, uint64_t seed)
{
    auto opened = Collection::open(path);
    if (!opened)
        return opened.error();
    Collection& collection = **opened;
    std::mt19937_64 random(seed);
    const int64_t notes = cards / 2;
    constexpr int kDecks = 10;
    const SchedulerConfig config;
    const DayClock clock{0, 4};

    return collection.transact([&]() -> Status {
        for (int d = 0; d < kDecks; ++d) {
            DeckInfo deck;
            deck.key = "generated-" + std::to_string(d);
            deck.title = "Generated deck " + std::to_string(d + 1);
            auto deck_id = collection.upsert_deck(deck);
            if (!deck_id)
                return deck_id.error();
            for (int64_t n = d; n < notes; n += kDecks) {
                Note note;
                note.deck = *deck_id;
                note.key = "n" + std::to_string(n);
                note.russian = "сло\u0301во " + std::to_string(n);
                note.english = "word " + std::to_string(n);
                note.example_russian = "Приме\u0301р предложе\u0301ния но\u0301мер " + std::to_string(n) + ".";
                note.example_english = "Example sentence number " + std::to_string(n) + ".";
                auto note_id = collection.upsert_note(note);
                if (!note_id)
                    return note_id.error();
            }
        }
        // Study about 60 % of the cards: a few reviews each, spread over the past year.
        auto decks = collection.decks();
        if (!decks)
            return decks.error();
        for (const auto& deck : *decks) {
            auto fresh = collection.new_cards(deck.id, static_cast<int32_t>(cards));
            if (!fresh)
                return fresh.error();
            for (const Card& original : *fresh) {
                if (random() % 10 >= 6)
                    continue;
                Card card = original;
                int64_t time = now_ms - static_cast<int64_t>(random() % 365) * 86'400'000;
                const int reviews = 1 + static_cast<int>(random() % 6);
                for (int r = 0; r < reviews && time < now_ms; ++r) {
                    const Rating rating = random() % 10 == 0 ? Rating::Again : Rating::Good;
                    const auto states = next_states(card.schedule, time, config, clock);
                    const Outcome& outcome = states[rating];
                    ReviewRecord review = make_review_record(card.schedule, outcome, rating, time);
                    review.card = card.id;
                    card.schedule = outcome.schedule;
                    auto stored = collection.record_answer(card, review);
                    if (!stored)
                        return stored.error();
                    time = std::max(time + 60'000, card.schedule.due_ms);
                }
            }
        }
        return {};
    });
}

} // namespace letopis
