// The review screen without a window: an ImGui context fed with key presses, drawing into
// draw lists that nothing renders. Checks what the learner would see happen.
#include <gtest/gtest.h>

#include <imgui.h>

#include "service/study_fixture.h"
#include "service/study_service.h"
#include "ui/app_ui.h"

namespace letopis {
namespace {

using testing::kDayMs;
using testing::kMorningMs;
using testing::make_deck;

// io.KeysDown indices for this test; the app uses SDL scancodes instead.
enum TestKey { kSpace = 1, kEnter, kEscape, kUp, kDown, kBackspace, kZ, kR, kO, kDigit1 = 10 };

// Records what the screen asks to hear.
struct FakeSpeech : SpeechOutput {
    std::vector<std::string> said;
    bool working = true;
    void say(std::string_view text) override { said.emplace_back(text); }
    void prefetch(std::string_view) override {}
    void stop() override {}
    std::optional<std::string> take_notice() override { return std::nullopt; }
    bool available() const override { return working; }
};

struct ReviewScreenTest : testing::StudyFixture {
    std::unique_ptr<StudyService> study;
    std::unique_ptr<AppUi> ui;
    FakeSpeech speech;
    DeckInfo deck;
    int64_t now = kMorningMs;

    void SetUp() override
    {
        testing::StudyFixture::SetUp();
        deck = import(make_deck("ui", 5));
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
        io.KeyMap[ImGuiKey_Backspace] = kBackspace;
        io.KeyMap[ImGuiKey_Z] = kZ;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

        UiContext context;
        ImFont* font = io.Fonts->Fonts[0];
        context.fonts = UiFonts{font, font, font, font};
        for (int i = 0; i < 4; ++i)
            context.keys.digit[i] = kDigit1 + i;
        context.keys.r = kR;
        context.keys.o = kO;
        context.speech = &speech;
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

    // Studies today's Russian → English cards (Easy), then moves to the next day, when the
    // English → Russian siblings — the typed cards — are new.
    void study_recognition_then_next_day()
    {
        ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
        frame();
        while (ui->screen() == ScreenId::Review) {
            press(kSpace);
            press(kDigit1 + 3);
        }
        press(kEnter);
        now += kDayMs;
        ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
        frame();
        frame();
    }

    void type(const char* text)
    {
        ImGui::GetIO().AddInputCharactersUTF8(text);
        frame();
    }

    void set_options(SpeakWhen speak, bool listening)
    {
        auto options = study->deck_options(deck.id);
        ASSERT_TRUE(options.ok());
        options->speak = speak;
        options->listening = listening;
        ASSERT_TRUE(study->set_deck_options(deck.id, *options).ok());
    }

    void ctrl_press(int key)
    {
        ImGui::GetIO().KeyCtrl = true;
        press(key);
        ImGui::GetIO().KeyCtrl = false;
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

TEST_F(ReviewScreenTest, TypedAnswerIsCheckedAndEnterTakesTheSuggestedGrade)
{
    study_recognition_then_next_day();
    ASSERT_NE(study->current(), nullptr);
    ASSERT_EQ(study->current()->card.direction, Direction::EnglishToRussian);
    const CardId card = study->current()->card.id;
    const std::string expected = study->current()->note.russian; // "сло́во N"
    const std::string number = expected.substr(expected.rfind(' '));

    type(("слово" + number).c_str()); // no stress mark typed: still correct
    EXPECT_FALSE(ui->review().revealed()) << "typing a space or digits must not reveal or grade";
    press(kEnter);
    ASSERT_TRUE(ui->review().revealed());
    ASSERT_TRUE(ui->review().answer_check().has_value());
    EXPECT_EQ(ui->review().answer_check()->verdict, Verdict::Correct);

    press(kEnter); // takes the suggested grade: Good
    auto reviews = collection->reviews_for_card(card);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].rating, Rating::Good);
}

TEST_F(ReviewScreenTest, PhoneticTypingTurnsLatinKeysIntoRussian)
{
    UiContext context = ui->context();
    context.preferences.phonetic_typing = true;
    ui->set_context(context);
    study_recognition_then_next_day();
    ASSERT_NE(study->current(), nullptr);
    const CardId card = study->current()->card.id;
    const std::string expected = study->current()->note.russian;
    const std::string number = expected.substr(expected.rfind(' '));

    type("slovp"); // a slip …
    ImGui::GetIO().KeysDown[kBackspace] = true; // … Backspace removes the last key typed
    frame();
    ImGui::GetIO().KeysDown[kBackspace] = false;
    frame();
    type(("o" + number).c_str());
    press(kEnter);
    ASSERT_TRUE(ui->review().answer_check().has_value());
    EXPECT_EQ(ui->review().answer_check()->verdict, Verdict::Correct)
        << diff_text(ui->review().answer_check()->tokens);
    press(kDigit1 + 1); // the learner may still choose: Hard
    auto reviews = collection->reviews_for_card(card);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].rating, Rating::Hard);
}

TEST_F(ReviewScreenTest, AStressMarkTypedInTheFieldIsKeptAndAccepted)
{
    study_recognition_then_next_day();
    const std::string expected = study->current()->note.russian; // "сло́во N"
    const std::string number = expected.substr(expected.rfind(' '));
    // A keyboard that types the combining accent: the field shows a stressed glyph, the check
    // still sees vowel + U+0301.
    type(("сло\u0301во" + number).c_str());
    press(kEnter);
    ASSERT_TRUE(ui->review().answer_check().has_value());
    EXPECT_EQ(ui->review().answer_check()->verdict, Verdict::Correct);
    EXPECT_TRUE(ui->review().answer_check()->notes.empty()) << "the stress was on the right vowel";
}

TEST_F(ReviewScreenTest, WrongAnswerSuggestsAgain)
{
    study_recognition_then_next_day();
    const CardId card = study->current()->card.id;
    type("власть");
    press(kEnter);
    ASSERT_TRUE(ui->review().answer_check().has_value());
    EXPECT_EQ(ui->review().answer_check()->verdict, Verdict::Wrong);
    press(kEnter);
    auto reviews = collection->reviews_for_card(card);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].rating, Rating::Again);
}

TEST_F(ReviewScreenTest, CtrlZTakesBackAnswersSeveralDeep)
{
    ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
    frame();
    const CardId first = study->current()->card.id;
    const CardSchedule before = study->current()->card.schedule;
    press(kSpace);
    press(kDigit1 + 2);
    press(kSpace);
    press(kDigit1 + 3);
    ASSERT_EQ(*collection->review_count(), 2);

    ctrl_press(kZ);
    ctrl_press(kZ);
    ASSERT_NE(study->current(), nullptr);
    EXPECT_EQ(study->current()->card.id, first) << "the first card answered is shown again";
    EXPECT_FALSE(ui->review().revealed());
    auto card = collection->card(first);
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(card->schedule, before) << "restored exactly";
    EXPECT_FALSE(study->can_undo());
}

TEST_F(ReviewScreenTest, TheRussianSideIsSpokenAsTheDeckSays)
{
    // The default: spoken when shown, once; R says it again.
    ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
    frame();
    const std::string word = study->current()->note.russian;
    frame();
    EXPECT_EQ(speech.said, std::vector<std::string>{word});
    press(kR);
    EXPECT_EQ(speech.said, (std::vector<std::string>{word, word}));
    press(kEscape);

    // Off: silent until asked.
    speech.said.clear();
    set_options(SpeakWhen::Off, false);
    ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
    frame();
    press(kSpace);
    EXPECT_TRUE(speech.said.empty());
    press(kEscape);

    // On reveal: nothing on show, the word when the answer appears.
    set_options(SpeakWhen::OnReveal, false);
    ASSERT_TRUE(ui->open(ScreenId::Review, now).ok());
    frame();
    EXPECT_TRUE(speech.said.empty());
    press(kSpace);
    EXPECT_EQ(speech.said, std::vector<std::string>{study->current()->note.russian});
}

TEST_F(ReviewScreenTest, AListeningCardPlaysTheWordAndChecksWhatWasTyped)
{
    // A deck studied by reading and by ear, speech otherwise off: the sound is the question.
    ASSERT_TRUE(collection->set_setting("deck.ui.directions", "ru-en").ok());
    set_options(SpeakWhen::Off, true);
    study_recognition_then_next_day(); // day 1 said nothing: the deck's speech is off
    ASSERT_NE(study->current(), nullptr);
    ASSERT_EQ(study->current()->card.direction, Direction::Listening);
    const CardId card = study->current()->card.id;
    const std::string word = study->current()->note.russian; // "сло́во N"
    EXPECT_EQ(speech.said, std::vector<std::string>{word});

    press(kR); // R is a letter while the field has the keys
    EXPECT_EQ(speech.said.size(), 1u);
    ctrl_press(kR);
    EXPECT_EQ(speech.said, (std::vector<std::string>{word, word}));

    type(("слово" + word.substr(word.rfind(' '))).c_str());
    press(kEnter);
    ASSERT_TRUE(ui->review().revealed());
    ASSERT_TRUE(ui->review().answer_check().has_value());
    EXPECT_EQ(ui->review().answer_check()->verdict, Verdict::Correct);
    press(kEnter); // the suggested grade: Good
    auto reviews = collection->reviews_for_card(card);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].rating, Rating::Good);
}

TEST_F(ReviewScreenTest, WithoutSoundListeningCardsLeaveTheQueue)
{
    ASSERT_TRUE(collection->set_setting("deck.ui.directions", "ru-en").ok());
    set_options(SpeakWhen::OnShow, true);
    study_recognition_then_next_day();
    ASSERT_NE(study->current(), nullptr);
    ASSERT_EQ(study->current()->card.direction, Direction::Listening);
    speech.working = false; // e.g. the audio device went away
    frame();
    EXPECT_EQ(study->current(), nullptr);
    EXPECT_EQ(ui->screen(), ScreenId::Done);
}

TEST_F(ReviewScreenTest, OOpensTheSelectedDecksOptions)
{
    frame();
    press(kO);
    EXPECT_EQ(ui->screen(), ScreenId::Options);
    frame();
    ASSERT_TRUE(ui->deck_options().has_deck());
    ASSERT_TRUE(ui->deck_options().edited().has_value()) << ui->deck_options().error();
    EXPECT_EQ(ui->deck_options().edited()->speak, SpeakWhen::OnShow);
    press(kEscape);
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
