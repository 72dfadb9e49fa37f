// A deck as the learner sees it: its identity, title and daily limits.
#pragma once

#include <cstdint>
#include <string>

#include "util/ids.h"

namespace letopis {

struct DeckInfo {
    DeckId id;
    std::string key; // stable key (the deck file's name without extension)
    std::string title;
    std::string description;
    int32_t new_per_day = 20;
    int32_t reviews_per_day = 200;
};

} // namespace letopis
