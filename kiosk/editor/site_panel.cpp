// The site dialog: the folder, a progress bar and the plain outcome ("Die Website liegt in …").
#include "kiosk/editor/site_panel.hpp"

#include "kiosk/editor/editor_state.hpp"
#include "kiosk/site/site.hpp"
#include "kiosk/ui/strings.hpp"

#include <imgui.h>

#include <fmt/format.h>

namespace kiosk::editor {

namespace {

// The build reads the saved folder and the words loaded at the editor's start (never loads any).
void start(EditorState& state, SiteJob& site) {
    kiosk::site::SiteOptions options{state.document.folder(), site.folder, site.assets, {}};
    options.progress = [&site](double fraction) { site.job.progress = fraction; };
    site.job.start([options = std::move(options), language = state.words]() -> BackgroundJob::Outcome {
        std::vector<content::ContentError> errors;
        const auto built = kiosk::site::buildSite(options, errors);
        if (!built) return {ui::problemText(built.problem(), language), true};
        return {fmt::format(fmt::runtime(ui::tr("editor.site.done", language)), options.output.string(), built->pages)};
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
    beginDialog(words(state, "editor.site.title"), job.open, 16);
    const bool busy = job.job.running;
    ImGui::BeginDisabled(busy);
    pathField("##sitefolder", words(state, "editor.site.folder"), job.folder);
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
    if (busy) ImGui::ProgressBar(static_cast<float>(job.job.progress.load()), ImVec2(-1, 0));
    job.job.drawOutcome();
    endDialog();
}

}  // namespace kiosk::editor
