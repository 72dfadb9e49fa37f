// "Done for today": what the learner did, and when learning cards come back.
#pragma once

#include <cstdint>

#include "service/study_service.h"
#include "ui/ui_context.h"

namespace letopis {

class DoneScreen {
public:
    enum class Action { None, BackToDecks };
    Action frame(StudyService& study, const UiContext& ui, int64_t now_ms);
};

} // namespace letopis
