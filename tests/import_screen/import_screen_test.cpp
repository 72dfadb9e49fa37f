// The Import screen, window-free: a file opened (as when dropped on the window) shows its
// detection and rows; a garbled file offers a repair; the Import button's action imports once.
#include "ui/import_screen.h"

#include <gtest/gtest.h>

#include <imgui.h>

#include "db/temp_dir.h"
#include "storage/collection_fixture.h"

namespace letopis {
namespace {

enum TestKey { kEscape = 1 };

struct ImportScreenTest : ::testing::Test {
    testing::TempDir dir;
    std::unique_ptr<Collection> collection = testing::open_collection(dir / "collection.db");
    ImportService imports{*collection};
    ImportScreen screen;
    UiContext context;

    void SetUp() override
    {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1100, 760);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Escape] = kEscape;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ImFont* font = io.Fonts->Fonts[0];
        context.fonts = UiFonts{font, font, font, font};
    }

    void TearDown() override { ImGui::DestroyContext(); }

    ImportScreen::Action frame()
    {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("Letopis", nullptr, ImGuiWindowFlags_NoDecoration);
        const ImportScreen::Action action = screen.frame(imports, context);
        ImGui::End();
        ImGui::Render();
        return action;
    }
};

TEST_F(ImportScreenTest, EmptyScreenDrawsAndEscapeCloses)
{
    EXPECT_EQ(frame(), ImportScreen::Action::None);
    EXPECT_FALSE(screen.preview().has_value());
    ImGui::GetIO().KeysDown[kEscape] = true;
    EXPECT_EQ(frame(), ImportScreen::Action::Close);
    ImGui::GetIO().KeysDown[kEscape] = false;
}

TEST_F(ImportScreenTest, OpenedFileShowsDetectionColumnsAndRows)
{
    screen.open_file(std::string(LETOPIS_IMPORT_FIXTURES) + "/words-cp1251.csv");
    EXPECT_EQ(frame(), ImportScreen::Action::None);
    ASSERT_TRUE(screen.preview().has_value()) << screen.error();
    const ImportPreview& preview = *screen.preview();
    EXPECT_EQ(preview.encoding, "windows-1251");
    EXPECT_EQ(preview.russian_column, 1);
    EXPECT_EQ(preview.rows.size(), 4u);

    // Choosing another column makes a new preview on the next frame.
    screen.choose_russian_column(2);
    frame();
    EXPECT_EQ(screen.preview()->russian_column, 2);
    EXPECT_EQ(screen.choices().russian_column, 2);
}

TEST_F(ImportScreenTest, GarbledFileIsRepairedThenImportedOnce)
{
    screen.open_file(std::string(LETOPIS_IMPORT_FIXTURES) + "/words-mojibake-1250.tsv");
    frame();
    ASSERT_TRUE(screen.preview().has_value());
    EXPECT_TRUE(screen.preview()->mojibake_found);
    EXPECT_FALSE(screen.preview()->can_import());
    EXPECT_EQ(screen.import_now(imports), ImportScreen::Action::None);
    EXPECT_FALSE(screen.error().empty());

    screen.decide_mojibake(MojibakeDecision::Repair);
    frame();
    ASSERT_TRUE(screen.preview()->mojibake_repaired);
    EXPECT_EQ(screen.preview()->rows.at(0).russian, "власть");
    EXPECT_EQ(screen.import_now(imports), ImportScreen::Action::Imported);
    EXPECT_EQ(screen.result(), "words-mojibake-1250: 8 notes added, 0 already there (0 changed).");
    frame();
    EXPECT_TRUE(screen.preview()->deck_exists);
    EXPECT_EQ(screen.preview()->would_add, 0);
    auto decks = collection->decks();
    ASSERT_TRUE(decks.ok());
    ASSERT_EQ(decks->size(), 1u);
}

TEST_F(ImportScreenTest, MissingFileShowsTheError)
{
    screen.open_file((dir / "missing.csv").string());
    frame();
    EXPECT_FALSE(screen.preview().has_value());
    EXPECT_NE(screen.error().find("missing.csv"), std::string::npos);
}

TEST_F(ImportScreenTest, FileWithErrorsListsThem)
{
    const auto path = dir / "broken.tsv";
    testing::write_bytes(path, "# title: Broken\nkey\trussian\tenglish\na\tвласть\tpower\nb\tвойна\nc\t\tx\n");
    screen.open_file(path.string());
    frame();
    ASSERT_TRUE(screen.preview().has_value());
    EXPECT_EQ(screen.preview()->error_count, 2);
    EXPECT_FALSE(screen.preview()->can_import());
}

} // namespace
} // namespace letopis
