// The FSRS section of the deck options: weights, the background fit, before/after figures, Apply.
#include "ui/optimizer_panel.h"

#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "ui/widgets.h"

namespace letopis {
namespace {

constexpr const char* kConfirmTitle = "Apply these weights?";

void muted_text(const UiContext& ui, const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().muted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

// The 21 weights as a 7-column table: w0..w6, w7..w13, w14..w20.
void weights_table(const char* id, const FsrsParams& params, const UiContext& ui)
{
    if (!ImGui::BeginTable(id, 7, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV))
        return;
    for (int i = 0; i < kFsrsWeightCount; ++i) {
        ImGui::TableNextColumn();
        ImGui::PushFont(ui.fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().muted);
        ImGui::Text("w%d", i);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::Text("%.4f", params.w[i]);
    }
    ImGui::EndTable();
}

std::string reviews_needed_text(const OptimizerFit& fit)
{
    const std::string more = std::to_string(fit.items_needed) + " more review" + (fit.items_needed == 1 ? "" : "s");
    if (fit.scope == FitScope::Defaults)
        return "Too few reviews to learn from yet: these are the default weights. " + more +
               " (answered a day or more after the card's previous review) are needed to fit them all.";
    if (fit.scope == FitScope::InitialStability)
        return "Only the first stabilities (w0–w3) could be fitted. " + more +
               " (answered a day or more after the card's previous review) are needed to fit every weight.";
    return {};
}

} // namespace

OptimizerPanel::Action OptimizerPanel::frame(OptimizerJob& job, const UiContext& ui)
{
    Action action;
    if (!m_current) {
        auto current = job.current_params();
        if (current)
            m_current = *current;
        else
            m_error = "The weights could not be read: " + current.error().describe();
    }

    ImGui::PushID("fsrs-optimizer");
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted("Memory model (FSRS weights)");
    ImGui::PopFont();
    muted_text(ui, "Every deck schedules with these weights. Optimizing fits them to your own reviews; "
                   "applying changes future intervals only, never your history.");
    ImGui::Dummy(ImVec2(0, ui.px(4)));
    if (m_current)
        weights_table("current", *m_current, ui);
    ImGui::Dummy(ImVec2(0, ui.px(8)));

    const OptimizerJob::State state = job.state();
    if (state == OptimizerJob::State::Running) {
        const float fraction = static_cast<float>(job.progress());
        char overlay[32];
        std::snprintf(overlay, sizeof overlay, "%d %%", static_cast<int>(std::floor(fraction * 100)));
        ImGui::ProgressBar(fraction, ImVec2(ui.px(320), 0), overlay);
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            job.cancel();
    } else {
        if (ImGui::Button("Optimize")) {
            m_error.clear();
            m_notice.clear();
            if (Status started = job.start(); !started)
                m_error = "The review log could not be read: " + started.error().describe();
        }
        if (state == OptimizerJob::State::Cancelled) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            muted_text(ui, "Cancelled.");
        }
    }

    if (state == OptimizerJob::State::Finished)
        draw_report(job, ui);
    if (!m_notice.empty())
        muted_text(ui, m_notice.c_str());
    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui.colours().again);
        ImGui::TextWrapped("%s", m_error.c_str());
        ImGui::PopStyleColor();
    }
    draw_confirmation(job, ui, action);
    ImGui::PopID();
    return action;
}

void OptimizerPanel::draw_report(OptimizerJob& job, const UiContext& ui)
{
    const std::optional<OptimizationReport> report = job.report();
    if (!report)
        return;
    const OptimizerFit& fit = report->fit;
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    if (const std::string needed = reviews_needed_text(fit); !needed.empty())
        muted_text(ui, needed.c_str());

    if (report->fitted && report->current) {
        char note[200];
        std::snprintf(note, sizeof note,
                      "Tested on your latest %lld reviews, with weights fitted to the ones before them "
                      "(lower is better):",
                      static_cast<long long>(report->fitted->items));
        muted_text(ui, note);
        if (ImGui::BeginTable("metrics", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX)) {
            ImGui::TableSetupColumn("");
            ImGui::TableSetupColumn("Current");
            ImGui::TableSetupColumn("Optimized");
            ImGui::TableHeadersRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("Log loss");
            ImGui::TableNextColumn();
            ImGui::Text("%.4f", report->current->log_loss);
            ImGui::TableNextColumn();
            ImGui::Text("%.4f", report->fitted->log_loss);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("RMSE (bins)");
            ImGui::TableNextColumn();
            ImGui::Text("%.2f %%", report->current->rmse_bins * 100);
            ImGui::TableNextColumn();
            ImGui::Text("%.2f %%", report->fitted->rmse_bins * 100);
            ImGui::EndTable();
        }
    } else {
        muted_text(ui, "Too few reviews to hold some back and test the weights on them.");
    }

    ImGui::Dummy(ImVec2(0, ui.px(4)));
    ImGui::TextUnformatted("Optimized weights");
    weights_table("optimized", fit.params, ui);
    const bool same = m_current && m_current->w == fit.params.w;
    if (same) {
        muted_text(ui, "These are the weights already in use.");
    } else if (ImGui::Button("Apply…")) {
        m_open_confirmation = true;
    }
}

void OptimizerPanel::draw_confirmation(OptimizerJob& job, const UiContext& ui, Action& action)
{
    if (m_open_confirmation) {
        ImGui::OpenPopup(kConfirmTitle);
        m_open_confirmation = false;
    }
    if (!ImGui::BeginPopupModal(kConfirmTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    ImGui::PushTextWrapPos(ui.px(420));
    ImGui::TextUnformatted("From now on, every deck will schedule with the optimized weights. Your past reviews "
                           "stay exactly as they are.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, ui.px(6)));
    if (ImGui::Button("Apply")) {
        if (Status applied = job.apply(); !applied) {
            m_error = "The weights could not be saved: " + applied.error().describe();
        } else {
            m_current.reset(); // reread from the collection next frame
            m_notice = "The optimized weights are now in use.";
            action.applied = true;
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep the current weights") || named_key_pressed(ImGuiKey_Escape))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace letopis
