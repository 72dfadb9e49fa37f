// Names for the small enums of the domain model.
#include "core/model/card.h"

namespace letopis {

std::string_view rating_name(Rating rating)
{
    switch (rating) {
    case Rating::Again: return "Again";
    case Rating::Hard: return "Hard";
    case Rating::Good: return "Good";
    case Rating::Easy: return "Easy";
    }
    return "?";
}

std::optional<Rating> rating_from_int(int value)
{
    if (value < 1 || value > 4)
        return std::nullopt;
    return static_cast<Rating>(value);
}

std::string_view phase_name(CardPhase phase)
{
    switch (phase) {
    case CardPhase::New: return "new";
    case CardPhase::Learning: return "learning";
    case CardPhase::Review: return "review";
    case CardPhase::Relearning: return "relearning";
    }
    return "?";
}

} // namespace letopis
