// Generates collections through the same storage and scheduler code the app uses: for benchmarks,
// the crash test and `letopis dev generate`.
#include "service/collection_generator.h"

#include <random>
#include <string>

#include "core/scheduler/scheduler.h"
#include "service/study_settings.h"
#include "storage/collection.h"

namespace letopis {

namespace {

// Decks, notes and answers for `cards` cards: the notes in one transaction, then each deck's
// answers in one (so that the WAL can be checkpointed between them).
Status fill(Collection& collection, int64_t cards, int64_t now_ms, uint64_t seed,
            const std::function<DayClock(int64_t)>& clock_at)
{
    std::mt19937_64 random(seed);
    const int64_t notes = cards / 2;
    constexpr int kDecks = 10;
    // The app's scheduler (fuzz included), so that `letopis check --rebuild` finds every card as
    // its log says.
    const Scheduler scheduler(StudySettings{}.scheduler);

    TRY_STATUS(collection.transact([&]() -> Status {
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
        return {};
    }));

    // Study about 60 % of the cards, as a learner who keeps up: each card is first seen on a day
    // of the past year and then answered whenever it comes due — mostly Good, Again one time in
    // ten — except in the last two days, left as a backlog (as after a weekend).
    constexpr int64_t kDayMs = 86'400'000;
    constexpr int kMaxReviews = 16;
    const int64_t backlog_from = now_ms - 2 * kDayMs;
    auto decks = collection.decks();
    if (!decks)
        return decks.error();
    for (const auto& deck : *decks) {
        TRY_STATUS(collection.transact([&]() -> Status {
            auto fresh = collection.new_cards(deck.id, static_cast<int32_t>(cards));
            if (!fresh)
                return fresh.error();
            for (const Card& original : *fresh) {
                if (random() % 10 >= 6)
                    continue;
                Card card = original;
                int64_t time = now_ms - static_cast<int64_t>(random() % 365) * kDayMs -
                               static_cast<int64_t>(random() % 720) * 60'000;
                for (int r = 0; r < kMaxReviews && (r == 0 || time < backlog_from); ++r) {
                    const Rating rating = random() % 10 == 0 ? Rating::Again : Rating::Good;
                    const auto states = scheduler.next_states(card.schedule, time, clock_at(time), card.id);
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
            return {};
        }));
    }
    return {};
}

} // namespace

Status generate_collection(const std::filesystem::path& path, int64_t cards, int64_t now_ms, uint64_t seed,
                           const std::function<DayClock(int64_t)>& clock_at)
{
    auto opened = Collection::open(path);
    if (!opened)
        return opened.error();
    const auto utc = [](int64_t) { return DayClock{0, 4}; };
    TRY_STATUS(fill(**opened, cards, now_ms, seed, clock_at ? clock_at : std::function<DayClock(int64_t)>(utc)));
    // Opening again trims the undo journal that all those answers filled, as any later open
    // would; a benchmark of the first open then measures an ordinary open.
    opened->reset();
    auto reopened = Collection::open(path, OpenMode::MustExist);
    if (!reopened)
        return reopened.error();
    return {};
}

} // namespace letopis
