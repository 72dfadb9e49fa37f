// Deck export (see deck_export.h): collection → DeckFile → deck_writer.
#include "service/deck_export.h"

#include "deck/deck_writer.h"
#include "service/deck_credits.h"
#include "text/normalize.h"

namespace letopis {

Result<DeckInfo> find_deck(Collection& collection, std::string_view name)
{
    auto decks = collection.decks();
    if (!decks)
        return decks.error();
    for (const auto& deck : *decks) {
        if (deck.key == name)
            return deck;
    }
    const std::string wanted = fold_key(name);
    std::vector<const DeckInfo*> matches;
    for (const auto& deck : *decks) {
        if (fold_key(deck.title) == wanted)
            matches.push_back(&deck);
    }
    if (matches.size() == 1)
        return *matches.front();
    if (matches.size() > 1) {
        std::string keys;
        for (const DeckInfo* deck : matches)
            keys += (keys.empty() ? "" : ", ") + deck->key;
        return make_error(ErrorKind::InvalidInput,
                          "several decks are titled \"" + std::string(name) + "\"; name one by its key: " + keys);
    }
    std::string known;
    for (const auto& deck : *decks)
        known += (known.empty() ? "" : ", ") + deck.key;
    return make_error(ErrorKind::NotFound, "no deck has the key or title \"" + std::string(name) + "\"" +
                                               (known.empty() ? std::string(" (the collection has no decks)")
                                                              : " (decks: " + known + ")"));
}

Result<DeckFile> deck_from_collection(Collection& collection, const DeckInfo& deck)
{
    auto notes = collection.notes_in_deck(deck.id);
    if (!notes)
        return notes.error();
    DeckFile file;
    file.key = deck.key;
    file.title = deck.title;
    file.description = deck.description;
    TRY_STATUS(load_deck_credits(collection, file));
    int32_t line = 0;
    for (auto& note : *notes) {
        DeckEntry entry;
        entry.line = ++line;
        entry.note = std::move(note);
        entry.note.id = NoteId{};
        entry.note.deck = DeckId{};
        file.entries.push_back(std::move(entry));
    }
    return file;
}

Result<std::string> export_deck(Collection& collection, std::string_view name, ExportFormat format)
{
    auto deck = find_deck(collection, name);
    if (!deck)
        return deck.error();
    auto file = deck_from_collection(collection, *deck);
    if (!file)
        return file.error();
    return format == ExportFormat::Tsv ? write_tsv(*file) : write_deck_text(*file);
}

} // namespace letopis
