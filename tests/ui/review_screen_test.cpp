// The review screen without a window: an ImGui context fed with key presses, drawing into
// draw lists that nothing renders. Checks what the learner would see happen.
#include <gtest/gtest.h>

#include <imgui.h>

#include "service/study_fixture.h"
#include "service/study_service.h"
#include "ui/app_ui.h"

namespace letopis {
namespace {

using testing::kMorningMs;
using testing::make_deck;

// io.KeysDown indices for this test; the app uses SDL scancodes instead.
enum TestKey { kSpace = 1, kEnter, kEscape, kUp, kDown, kDigit1 = 10 };

struct ReviewScreenTest : testing::StudyFixture {
    std::unique_ptr<StudyService> study;
    std::unique_ptr<AppUi> ui;
    int64_t now = kMorningMs;

    void SetUp() override
    {
        testing::StudyFixture::SetUp();
        import(make_deck("ui", 5));
        study = std::make_unique<StudyService>(*collection, settings);

        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1100, 760);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Space] = kSpace;
        io.KeyMap[ImGuiKey_Enter] = kEnter;
        io.KeyMap[ImGuiKey_Escape] = kEscape;
        io.KeyMap[ImGuiKey_UpArrow] = kUp;
        io.KeyMap[ImGuiKey_DownArrow] = kDown;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

        UiContext context;
        ImFont* font = io.Fonts->Fonts[0];
        context.fonts = UiFonts{font, font, font, font};
        for (int i = 0; i < 4; ++i)
            context.keys.digit[i] = kDigit1 + i;
        ui = std::make_unique<AppUi>(*study, context);
    }

    void TearDown() override { ImGui::DestroyContext(); }

    void frame()
    {
        ImGui::NewFrame();
        ui->frame(now);
        ImGui::Render();
        now += 16;
    }

    void press(int key)
    {
        ImGui::GetIO().KeysDown[key] = true;
        frame();
        ImGui::GetIO().KeysDown[key] = false;
        frame();
    }

    int vertices_drawn() const { return ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0; }
};

TEST_F(ReviewScreenTest, SpaceRevealsAndDigitsGrade)
{
    frame();
    ASSERT_EQ(ui->screen(), ScreenId::Decks);
    press(kEnter);
    ASSERT_EQ(ui->screen(), ScreenId::Review);
    ASSERT_NE(study->current(), nullptr);
    EXPECT_FALSE(ui->review().revealed());
    const int hidden_vertices = vertices_drawn();
    const CardId first = study->current()->card.id;

    press(kSpace);
    EXPECT_TRUE(ui->review().revealed());
    EXPECT_GT(vertices_drawn(), hidden_vertices) << "the answer and the grade buttons should be drawn";

    press(kDigit1 + 2); // Good
    EXPECT_EQ(study->answered(), 1);
    ASSERT_NE(study->current(), nullptr);
    EXPECT_NE(study->current()->card.id, first);
    EXPECT_FALSE(ui->review().revealed()) << "the next card starts hidden";
    auto reviews = collection->reviews_for_card(first);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].rating, Rating::Good);
}

TEST_F(ReviewScreenTest, DigitsDoNothingBeforeTheAnswerIsShown)
{
    ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
    frame();
    press(kDigit1);
    EXPECT_EQ(study->answered(), 0);
    EXPECT_EQ(*collection->review_count(), 0);
}

TEST_F(ReviewScreenTest, EveryGradeIsRecordedAndTheSessionEnds)
{
    ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
    frame();
    // Five notes, one direction each today; Easy graduates a card at once.
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(ui->screen(), ScreenId::Review) << "card " << i;
        press(kSpace);
        press(kDigit1 + 3);
    }
    EXPECT_EQ(ui->screen(), ScreenId::Done);
    EXPECT_EQ(*collection->review_count(), 5);
    press(kEnter);
    EXPECT_EQ(ui->screen(), ScreenId::Decks);
}

TEST_F(ReviewScreenTest, EscapeReturnsToTheDeckList)
{
    ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
    frame();
    press(kEscape);
    EXPECT_EQ(ui->screen(), ScreenId::Decks);
    EXPECT_FALSE(study->in_session());
}

} // namespace
} // namespace letopis
