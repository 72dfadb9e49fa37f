// Helpers for the collection tests: open or fail the test, and build small decks of real
// Russian vocabulary.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "db/temp_dir.h"
#include "storage/collection.h"

namespace letopis::testing {

inline std::unique_ptr<Collection> open_collection(const std::filesystem::path& path,
                                                   OpenMode mode = OpenMode::CreateIfMissing)
{
    Result<std::unique_ptr<Collection>> opened = Collection::open(path, mode);
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened.ok() ? std::move(opened).value() : nullptr;
}

inline DeckId add_deck(Collection& collection, const std::string& key, const std::string& title = "Deck")
{
    DeckInfo deck;
    deck.key = key;
    deck.title = title;
    Result<DeckId> id = collection.upsert_deck(deck);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : DeckId{};
}

inline Note make_note(DeckId deck, const std::string& key, const std::string& russian, const std::string& english)
{
    Note note;
    note.deck = deck;
    note.key = key;
    note.russian = russian;
    note.english = english;
    return note;
}

inline NoteId add_note(Collection& collection, DeckId deck, const std::string& key, const std::string& russian,
                       const std::string& english)
{
    Result<NoteId> id = collection.upsert_note(make_note(deck, key, russian, english));
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : NoteId{};
}

} // namespace letopis::testing
