// check_collection: the storage-level checks, then (with rebuild) the replay of every card's log.
#include "service/collection_check.h"

#include <unordered_map>

#include "service/deck_options.h"
#include "storage/collection.h"

namespace letopis {

CardSchedule replay_card(CardId card, const std::vector<ReviewRecord>& reviews, const Scheduler& scheduler,
                         const std::function<DayClock(int64_t)>& clock_at)
{
    CardSchedule schedule;
    for (const ReviewRecord& review : reviews) {
        const NextStates states = scheduler.next_states(schedule, review.time_ms, clock_at(review.time_ms), card);
        schedule = states[review.rating].schedule;
    }
    return schedule;
}

Result<CheckReport> check_collection(const std::filesystem::path& path, const CheckOptions& options)
{
    Result<IntegrityReport> integrity = check_collection_file(path);
    if (!integrity)
        return integrity.error();
    CheckReport report;
    report.integrity = std::move(*integrity);
    if (!options.rebuild)
        return report;
    // Schedules computed from a damaged file could be wrong in ways nothing would show: only
    // cards disagreeing with their last answer, which the rebuild mends, let it go ahead.
    if (report.integrity.damaged()) {
        report.integrity.notes.push_back("the rebuild did not run, because the file is damaged; restore a "
                                         "backup (`letopis backup --restore FILE`) first");
        return report;
    }

    Result<std::unique_ptr<Collection>> opened = Collection::open(path, OpenMode::MustExist);
    if (!opened)
        return opened.error();
    Collection& collection = **opened;
    // One scheduler per deck, with the deck's options, as its study sessions use.
    std::unordered_map<DeckId, Scheduler> schedulers;
    Result<std::vector<DeckInfo>> decks = collection.decks();
    if (!decks)
        return decks.error();
    for (const DeckInfo& deck : *decks) {
        Result<DeckOptions> deck_options = load_deck_options(collection, deck, options.settings);
        if (!deck_options)
            return deck_options.error();
        schedulers.emplace(deck.id, Scheduler(settings_for_deck(options.settings, *deck_options).scheduler));
    }
    const Scheduler fallback(options.settings.scheduler);
    std::vector<Card> fixed;
    TRY_STATUS(collection.for_each_card_history(
        [&](const Card& card, const std::vector<ReviewRecord>& reviews) -> Status {
            auto found = schedulers.find(card.deck);
            const Scheduler& scheduler = found != schedulers.end() ? found->second : fallback;
            const CardSchedule recomputed = replay_card(card.id, reviews, scheduler, options.clock_at);
            if (recomputed == card.schedule)
                return {};
            report.repaired.push_back(CardRebuild{card.id, card.schedule, recomputed});
            Card corrected = card;
            corrected.schedule = recomputed;
            fixed.push_back(corrected);
            return {};
        }));
    TRY_STATUS(collection.replace_schedules(fixed));
    report.rebuilt = true;
    return report;
}

} // namespace letopis
