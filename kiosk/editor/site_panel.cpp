// The site dialog: the folder, a progress bar and the plain outcome ("Die Website liegt in …").
#include "kiosk/editor/site_panel.hpp"

#include "kiosk/editor/editor_state.hpp"
#include "kiosk/site/site.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"

#include <imgui.h>

#include <fmt/format.h>

namespace kiosk::editor {

namespace {

// The build reads the saved folder and the words loaded at the editor's start (never loads any).
void start(EditorState& state, SiteJob& job) {
    if (job.worker.joinable()) job.worker.join();
    job.running = true;
    job.progress = 0;
    job.outcome.clear();
    site::SiteOptions options{state.document.folder(), job.folder, job.assets, {}};
    options.progress = [&job](double fraction) { job.progress = fraction; };
    job.worker = std::thread([&job, options = std::move(options), language = state.words] {
        std::vector<content::ContentError> errors;
        auto built = site::buildSite(options, errors);
        std::lock_guard lock(job.mutex);
        job.failed = !built;
        job.outcome = built ? fmt::format(fmt::runtime(ui::tr("editor.site.done", language)), options.output.string(),
                                          built->pages)
                            : ui::problemText(built.problem(), language);
        job.running = false;
    });
}

}  // namespace

std::string siteRefusal(const EditorState& state) {
    if (state.document.hasChanges()) return words(state, "editor.site.save_first");
    if (state.check->busy() || state.document.revision() != state.submitted) return words(state, "editor.site.wait");
    if (!state.problems.empty())
        return fmt::format(fmt::runtime(words(state, "editor.site.fix_first")), state.problems.size());
    return {};
}

void drawSitePanel(EditorState& state) {
    SiteJob& job = *state.site;
    if (!job.open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.4f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(40 * ui::em(), 16 * ui::em()), ImGuiCond_Appearing);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::palette().surface);
    ImGui::PushStyleColor(ImGuiCol_Button, ui::palette().background);
    ImGui::Begin(words(state, "editor.site.title").c_str(), &job.open, ImGuiWindowFlags_NoSavedSettings);
    const bool busy = job.running;
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted(words(state, "editor.site.folder").c_str());
    char folder[512] = {};
    job.folder.copy(folder, sizeof folder - 1);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##sitefolder", folder, sizeof folder)) job.folder = folder;
    noteItem("Feld " + words(state, "editor.site.folder"));
    const std::string refusal = siteRefusal(state);
    ImGui::BeginDisabled(!refusal.empty() || job.folder.empty());
    if (ImGui::Button(words(state, "editor.site.make").c_str())) start(state, job);
    noteItem(words(state, "editor.site.make"));
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (!refusal.empty()) {
        ImGui::TextWrapped("%s", refusal.c_str());
        noteItem(refusal, false);
    }
    if (busy) ImGui::ProgressBar(static_cast<float>(job.progress.load()), ImVec2(-1, 0));
    std::lock_guard lock(job.mutex);
    if (!busy && !job.outcome.empty()) {
        if (job.failed) ImGui::TextColored(ImVec4(0.72f, 0.08f, 0.08f, 1), "%s", job.outcome.c_str());
        else ImGui::TextWrapped("%s", job.outcome.c_str());
        noteItem(job.outcome, false);
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

}  // namespace kiosk::editor
