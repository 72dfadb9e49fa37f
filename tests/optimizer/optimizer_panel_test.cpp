// The deck options' FSRS panel without a window: an ImGui context whose draw lists nothing renders.
// It shows the weights in use, keeps asking for frames while a fit runs, and shows the report.
#include <gtest/gtest.h>

#include <imgui.h>

#include <chrono>
#include <thread>

#include "optimizer/optimizer_fixture.h"
#include "service/optimizer_job.h"
#include "ui/optimizer_panel.h"

namespace letopis {
namespace {

struct OptimizerPanelTest : testing::OptimizerFixture {
    UiContext context;

    void SetUp() override
    {
        OptimizerFixture::SetUp();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1100, 760);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ImFont* font = io.Fonts->Fonts[0];
        context.fonts = UiFonts{font, font, font, font};
    }

    void TearDown() override { ImGui::DestroyContext(); }

    OptimizerPanel::Action frame(OptimizerPanel& panel, OptimizerJob& job)
    {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("deck options");
        const OptimizerPanel::Action action = panel.frame(job, context);
        ImGui::End();
        ImGui::Render();
        return action;
    }

    static int vertices() { return ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0; }
};

TEST_F(OptimizerPanelTest, ShowsTheWeightsInUse)
{
    const FsrsParams applied{{0.4, 1.1, 3.0, 12.0, 6.2, 0.7, 2.8, 0.01, 1.6, 0.12, 0.9, 1.5, 0.08, 0.3, 1.8, 0.5,
                              2.2, 0.6, 0.1, 0.05, 0.2}};
    ASSERT_TRUE(save_fsrs_params(*collection, applied).ok());
    OptimizerJob job(*collection, settings.clock);
    OptimizerPanel panel;
    frame(panel, job);
    ASSERT_TRUE(panel.current());
    EXPECT_EQ(panel.current()->w, applied.w);
    EXPECT_TRUE(panel.error().empty());
    EXPECT_FALSE(OptimizerPanel::wants_frames(job));
}

TEST_F(OptimizerPanelTest, DrawsProgressWhileRunningAndTheReportAfter)
{
    record_simulated_answers(3'000, 300);
    OptimizerJob job(*collection, settings.clock);
    OptimizerPanel panel;
    frame(panel, job);
    const int idle = vertices();

    ASSERT_TRUE(job.start().ok());
    EXPECT_TRUE(OptimizerPanel::wants_frames(job) || job.state() == OptimizerJob::State::Finished);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (job.state() == OptimizerJob::State::Running && std::chrono::steady_clock::now() < deadline) {
        EXPECT_FALSE(frame(panel, job).applied); // the UI goes on drawing while the fit runs
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ASSERT_EQ(job.state(), OptimizerJob::State::Finished);
    EXPECT_FALSE(OptimizerPanel::wants_frames(job));
    EXPECT_FALSE(frame(panel, job).applied); // nothing is applied without the learner's confirmation
    EXPECT_GT(vertices(), idle);            // the figures and the optimized weights are shown
    const auto loaded = load_fsrs_params(*collection);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->w, FsrsParams::defaults().w);
}

} // namespace
} // namespace letopis
