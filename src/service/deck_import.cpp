// Deck import: file → DeckFile (deck module) → collection (storage), all inside one transaction.
#include "service/deck_import.h"

#include <algorithm>
#include <system_error>

namespace letopis {

Result<ImportReport> import_deck(Collection& collection, const DeckFile& deck)
{
    ImportReport report;
    report.deck_title = deck.title;
    auto status = collection.transact([&]() -> Status {
        auto existing = collection.deck_by_key(deck.key);
        if (!existing)
            return existing.error();
        DeckInfo info = existing->value_or(DeckInfo{});
        info.key = deck.key;
        info.title = deck.title;
        info.description = deck.description;
        auto deck_id = collection.upsert_deck(info);
        if (!deck_id)
            return deck_id.error();
        const int64_t before = existing->has_value() ? *collection.note_count(*deck_id) : 0;
        for (const auto& entry : deck.entries) {
            Note note = entry.note;
            note.deck = *deck_id;
            auto id = collection.upsert_note(note);
            if (!id)
                return id.error();
        }
        auto after = collection.note_count(*deck_id);
        if (!after)
            return after.error();
        report.notes_added = static_cast<int32_t>(*after - before);
        report.notes_updated = static_cast<int32_t>(deck.entries.size()) - report.notes_added;
        return {};
    });
    if (!status)
        return status.error();
    return report;
}

Result<ImportReport> import_deck_file(Collection& collection, const std::filesystem::path& path)
{
    auto deck = read_deck_file(path);
    if (!deck)
        return deck.error();
    return import_deck(collection, *deck);
}

Result<std::vector<ImportReport>> import_missing_decks(Collection& collection,
                                                       const std::filesystem::path& decks_dir)
{
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(decks_dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".tsv")
            files.push_back(entry.path());
    }
    if (ec)
        return make_error(ErrorKind::Io, "Cannot read the deck folder " + decks_dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());

    std::vector<ImportReport> reports;
    for (const auto& file : files) {
        auto existing = collection.deck_by_key(file.stem().string());
        if (!existing)
            return existing.error();
        if (existing->has_value())
            continue;
        auto report = import_deck_file(collection, file);
        if (!report)
            return report.error();
        reports.push_back(std::move(*report));
    }
    return reports;
}

} // namespace letopis
