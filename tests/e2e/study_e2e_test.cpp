// End to end, under SDL's dummy video driver: the real binary, a fresh collection, a UI script
// that studies five cards, then the collection reopened to check what was stored.
#include <gtest/gtest.h>

#include <stb_image.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "db/temp_dir.h"
#include "service/deck_import.h"
#include "service/deck_overview.h"
#include "service/study_session.h"
#include "storage/collection.h"

namespace letopis {
namespace {

struct RunResult {
    int status = -1;
    std::string output; // stdout and stderr together
};

// Runs the letopis binary headless with its own config folder and the shipped data.
RunResult run_letopis(const testing::TempDir& dir, const std::string& arguments, const std::string& video = "dummy")
{
    const auto log = dir / "output.log";
    std::ostringstream command;
    command << "env SDL_VIDEODRIVER=" << video << " SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME=" << (dir / "config")
            << " LETOPIS_DATA_DIR=" << LETOPIS_SOURCE_DIR << " " << LETOPIS_BINARY << " " << arguments << " > " << log
            << " 2>&1";
    RunResult run;
    const int raw = std::system(command.str().c_str());
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.output = testing::read_bytes(log);
    return run;
}

void write_file(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

TEST(EndToEnd, ScriptStudiesFiveCardsAndTheyAreStored)
{
    testing::TempDir dir;
    const auto collection_path = dir / "collection.db";
    const auto screenshot = dir / "review.png";
    write_file(dir / "study.txt", "expect-screen decks\n"
                                  "key Return\n"
                                  "expect-screen review\n"
                                  "key Space 1\n"
                                  "key Space 2\n"
                                  "key Space 3\n"
                                  "key Space 4\n"
                                  "key Space\n"
                                  "screenshot " + screenshot.string() + "\n"
                                  "key 3\n"
                                  "expect-screen review\n"
                                  "key Escape\n"
                                  "expect-screen decks\n"
                                  "quit\n");
    const RunResult run = run_letopis(dir, "--collection " + collection_path.string() + " --script " + (dir / "study.txt").string());
    ASSERT_EQ(run.status, 0) << run.output;

    // Reopen: five reviews with the five grades, on five different cards.
    auto opened = Collection::open(collection_path, OpenMode::MustExist);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    Collection& collection = **opened;
    EXPECT_EQ(*collection.review_count(), 5);
    auto decks = collection.decks();
    ASSERT_TRUE(decks.ok());
    ASSERT_FALSE(decks->empty());
    const DeckInfo& deck = decks->front();

    std::multiset<int> grades;
    std::set<int64_t> cards;
    for (int64_t id = 1; id <= 400; ++id) {
        auto reviews = collection.reviews_for_card(CardId{id});
        if (!reviews.ok())
            continue;
        for (const auto& review : *reviews) {
            grades.insert(static_cast<int>(review.rating));
            cards.insert(review.card.value);
        }
    }
    EXPECT_EQ(grades, (std::multiset<int>{1, 2, 3, 3, 4}));
    EXPECT_EQ(cards.size(), 5u);

    // The day's counts moved: five new cards studied, four in learning steps, one graduated.
    StudySettings settings;
    const int64_t far_later = 4'102'444'800'000; // 2100: every learning step is due
    auto raw = collection.card_counts(deck.id, far_later, 0, far_later);
    ASSERT_TRUE(raw.ok());
    EXPECT_EQ(raw->learning_due, 4);
    EXPECT_EQ(raw->review_due, 1);

    // The screenshot shows a card with its answer: lots of ink, many shades (anti-aliased text).
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(screenshot.c_str(), &width, &height, &channels, 4);
    ASSERT_NE(pixels, nullptr) << "no screenshot at " << screenshot;
    EXPECT_GE(width, 640);
    EXPECT_GE(height, 480);
    std::set<uint32_t> shades;
    int64_t ink = 0;
    const unsigned char* background = pixels; // the top-left corner is window background
    for (int i = 0; i < width * height; ++i) {
        const unsigned char* p = pixels + i * 4;
        shades.insert(uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]);
        if (std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) > 60)
            ++ink;
    }
    stbi_image_free(pixels);
    EXPECT_GT(shades.size(), 100u);
    EXPECT_GT(ink, int64_t(width) * height / 200) << "the screen looks empty";
}

TEST(EndToEnd, MouseAloneStudiesACard)
{
    // Positions in the default 1100×760 window: the first deck row, "Show answer", then "Good".
    testing::TempDir dir;
    write_file(dir / "mouse.txt", "click 200 135\n"
                                  "expect-screen review\n"
                                  "click 550 688\n"
                                  "click 630 698\n"
                                  "quit\n");
    const RunResult run = run_letopis(dir, "--collection " + (dir / "c.db").string() + " --script " + (dir / "mouse.txt").string());
    ASSERT_EQ(run.status, 0) << run.output;
    auto opened = Collection::open(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ASSERT_EQ(*(*opened)->review_count(), 1);
    for (int64_t id = 1; id <= 4; ++id) {
        auto reviews = (*opened)->reviews_for_card(CardId{id});
        if (reviews.ok() && !reviews->empty()) {
            EXPECT_EQ(reviews->front().rating, Rating::Good);
        }
    }
}

TEST(EndToEnd, DeckOptionsAreSetWithTheMouse)
{
    // In the default 1100×760 window: "Deck options…" for the first deck, "When the answer is
    // revealed", the listening-cards box, then "Save these options".
    testing::TempDir dir;
    write_file(dir / "options.txt", "expect-screen decks\n"
                                    "click 426 720\n"
                                    "wait 50\n"
                                    "click 478 166\n"
                                    "click 45 211\n"
                                    "click 101 555\n"
                                    "wait 50\n"
                                    "screenshot " + (dir / "options.png").string() + "\n"
                                    "quit\n");
    const RunResult run =
        run_letopis(dir, "--collection " + (dir / "c.db").string() + " --script " + (dir / "options.txt").string());
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_TRUE(std::filesystem::exists(dir / "options.png"));
    auto opened = Collection::open(dir / "c.db", OpenMode::MustExist);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    Collection& collection = **opened;
    auto decks = collection.decks();
    ASSERT_TRUE(decks.ok() && !decks->empty());
    const DeckInfo& first = decks->front();
    EXPECT_EQ(*collection.setting("deck." + first.key + ".speak"), std::optional<std::string>("reveal"));
    EXPECT_EQ(*collection.setting("deck." + first.key + ".listening"), std::optional<std::string>("on"));
    // Every note of that deck has its listening card now; no other deck has any.
    auto notes = collection.notes_in_deck(first.id);
    ASSERT_TRUE(notes.ok());
    for (const Note& note : *notes) {
        auto cards = collection.cards_for_note(note.id);
        ASSERT_TRUE(cards.ok());
        ASSERT_EQ(cards->size(), 3u) << note.key;
        EXPECT_EQ((*cards)[2].direction, Direction::Listening);
    }
    auto other = collection.notes_in_deck((*decks)[1].id);
    ASSERT_TRUE(other.ok() && !other->empty());
    EXPECT_EQ(collection.cards_for_note(other->front().id)->size(), 2u);
}

TEST(EndToEnd, PhoneticTypingOfAnAnswerIsCheckedAndGraded)
{
    testing::TempDir dir;
    const auto collection_path = dir / "collection.db";
    // Yesterday the learner recognised these words (Russian → English); today their typed
    // English → Russian siblings are new.
    {
        auto opened = Collection::open(collection_path);
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        DeckFile deck;
        deck.key = "00-typing";
        deck.title = "Typing check";
        const char* words[][2] = {{"револю\u0301ция", "revolution"}, {"война\u0301", "war"}, {"власть", "power"}};
        for (int i = 0; i < 3; ++i) {
            DeckEntry entry;
            entry.note.key = "w" + std::to_string(i);
            entry.note.russian = words[i][0];
            entry.note.english = words[i][1];
            deck.entries.push_back(entry);
        }
        ASSERT_TRUE(import_deck(**opened, deck).ok());
        auto info = (*opened)->deck_by_key("00-typing");
        ASSERT_TRUE(info.ok() && info->has_value());
        const int64_t yesterday = std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch()).count() - 86'400'000;
        StudySettings settings;
        StudySession session(**opened, **info, settings);
        ASSERT_TRUE(session.advance(yesterday).ok());
        while (session.current())
            ASSERT_TRUE(session.answer(Rating::Easy, yesterday, 1000).ok());
    }
    write_file(dir / "typing.txt", "key Return\n"
                                   "expect-screen review\n"
                                   "key F4\n"
                                   "text revolyuciya\n"
                                   "key Return\n"
                                   "expect-verdict correct\n"
                                   "screenshot " + (dir / "typed.png").string() + "\n"
                                   "key Return\n"
                                   "quit\n");
    const RunResult run = run_letopis(dir, "--collection " + collection_path.string() + " --script " + (dir / "typing.txt").string());
    ASSERT_EQ(run.status, 0) << run.output;

    auto opened = Collection::open(collection_path, OpenMode::MustExist);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(*(*opened)->review_count(), 4);
    int good = 0;
    for (int64_t id = 1; id <= 6; ++id) {
        auto card = (*opened)->card(CardId{id});
        auto reviews = (*opened)->reviews_for_card(CardId{id});
        if (card.ok() && reviews.ok() && card->direction == Direction::EnglishToRussian && !reviews->empty()) {
            EXPECT_EQ(reviews->back().rating, Rating::Good);
            ++good;
        }
    }
    EXPECT_EQ(good, 1);
}

TEST(EndToEnd, ScreenshotOfEachScreen)
{
    testing::TempDir dir;
    for (const char* screen : {"decks", "review", "done"}) {
        const auto png = dir / (std::string(screen) + ".png");
        const RunResult run = run_letopis(dir, "--collection " + (dir / "c.db").string() + " --screen " + screen +
                                             " --screenshot " + png.string());
        EXPECT_EQ(run.status, 0) << screen << ": " << run.output;
        EXPECT_TRUE(std::filesystem::file_size(png) > 10'000) << screen;
    }
}

TEST(EndToEnd, FailedScriptStepExitsNonZero)
{
    testing::TempDir dir;
    write_file(dir / "wrong.txt", "expect-screen review\n");
    const RunResult run = run_letopis(dir, "--collection " + (dir / "c.db").string() + " --script " + (dir / "wrong.txt").string());
    EXPECT_NE(run.status, 0);
    EXPECT_NE(run.output.find("wrong.txt:1: expected the review screen, but the decks screen is shown"), std::string::npos)
        << run.output;
}

TEST(EndToEnd, NoDisplayIsOneClearLine)
{
    testing::TempDir dir;
    const RunResult run = run_letopis(dir, "--collection " + (dir / "c.db").string(), "no-such-driver");
    EXPECT_NE(run.status, 0);
    EXPECT_NE(run.output.find("no display"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("subcommands work without a display"), std::string::npos) << run.output;
    EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
}

TEST(EndToEnd, NotACollectionIsRefusedAndLeftUnchanged)
{
    testing::TempDir dir;
    const auto path = dir / "notes.db";
    const std::string content = "These are my notes, not a Letopis collection.\n";
    write_file(path, content);
    const RunResult run = run_letopis(dir, "--collection " + path.string() + " --screen decks --screenshot " + (dir / "x.png").string());
    EXPECT_NE(run.status, 0);
    EXPECT_NE(run.output.find(path.string()), std::string::npos) << run.output;
    EXPECT_EQ(testing::read_bytes(path), content);
}

TEST(EndToEnd, ThemeAndTextSizeAreRemembered)
{
    testing::TempDir dir;
    write_file(dir / "prefs.txt", "key F2\nkey ctrl+=\nkey ctrl+=\nkey F3\nwait 50\nscreenshot " + (dir / "dark.png").string() + "\nquit\n");
    const RunResult run = run_letopis(dir, "--collection " + (dir / "c.db").string() + " --script " + (dir / "prefs.txt").string());
    ASSERT_EQ(run.status, 0) << run.output;
    const std::string saved = testing::read_bytes(dir / "config" / "letopis" / "window.ini");
    EXPECT_NE(saved.find("theme=dark"), std::string::npos) << saved;
    EXPECT_NE(saved.find("scale=1.25"), std::string::npos) << saved;
    EXPECT_NE(saved.find("stress=hide"), std::string::npos) << saved;

    // The next start uses them: the dark theme's background is dark.
    const RunResult again = run_letopis(dir, "--collection " + (dir / "c.db").string() + " --screen decks --screenshot " +
                                                 (dir / "again.png").string());
    ASSERT_EQ(again.status, 0) << again.output;
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load((dir / "again.png").c_str(), &width, &height, &channels, 4);
    ASSERT_NE(pixels, nullptr);
    EXPECT_LT(pixels[0] + pixels[1] + pixels[2], 3 * 80) << "expected a dark background";
    stbi_image_free(pixels);
}

TEST(EndToEnd, HelpAndVersion)
{
    testing::TempDir dir;
    const RunResult help = run_letopis(dir, "--help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.output.find("--screenshot"), std::string::npos);
    EXPECT_NE(help.output.find("import"), std::string::npos);
    const RunResult version = run_letopis(dir, "--version");
    EXPECT_EQ(version.status, 0);
    EXPECT_NE(version.output.find("letopis 0."), std::string::npos) << version.output;
}

TEST(EndToEnd, FsrsReplayMatchesTheReferenceFixture)
{
    testing::TempDir dir;
    const std::string fixtures = LETOPIS_SHARED_DIR "/fixtures/fsrs/";
    const RunResult run = run_letopis(dir, "fsrs replay --input " + fixtures + "reviews.csv --mode longterm --out " +
                                         (dir / "out.csv").string());
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_EQ(testing::read_bytes(dir / "out.csv"), testing::read_bytes(fixtures + "expected.longterm.csv"));
}

} // namespace
} // namespace letopis
