// Strong ids, so a CardId can never be passed where a NoteId is meant.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace letopis {

template <typename Tag>
struct Id {
    int64_t value = 0;
    constexpr auto operator<=>(const Id&) const = default;
    constexpr bool valid() const { return value != 0; }
};

using CardId = Id<struct CardTag>;
using NoteId = Id<struct NoteTag>;
using DeckId = Id<struct DeckTag>;
using ReviewId = Id<struct ReviewTag>;

} // namespace letopis

template <typename Tag>
struct std::hash<letopis::Id<Tag>> {
    size_t operator()(const letopis::Id<Tag>& id) const noexcept { return std::hash<int64_t>{}(id.value); }
};
