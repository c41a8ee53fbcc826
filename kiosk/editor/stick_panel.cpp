// The stick dialog: choices, a progress bar, and the plain outcome ("Sie können den Stick jetzt abziehen").
#include "kiosk/editor/stick_panel.hpp"

#include "kiosk/editing/stick_writer.hpp"
#include "kiosk/editor/editor_state.hpp"
#include "kiosk/platform/usb_watch.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"

#include <imgui.h>

#include <fmt/format.h>
#include <fstream>
#include <iterator>

namespace kiosk::editor {

std::vector<std::string> detectSticks() {
    std::ifstream in("/proc/self/mountinfo");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<std::string> sticks;
    for (const auto& mount : platform::parseMountinfo(text)) {
        const std::string point = mount.point.string();
        if (point.starts_with("/media/") || point.starts_with("/run/media/")) sticks.push_back(point);
    }
    return sticks;
}

namespace {

void start(EditorState& state, StickJob& job) {
    if (job.worker.joinable()) job.worker.join();
    job.running = true;
    job.progress = 0;
    job.outcome.clear();
    job.worker = std::thread([&job, content = state.document.folder(), words = state.words] {
        auto written = editing::writePackToStick(content, job.key, job.version, "familienkiosk", job.stick,
                                                 [&job](double fraction) { job.progress = fraction; });
        std::lock_guard lock(job.mutex);
        job.failed = !written;
        job.outcome = written ? ui::tr("editor.stick.done", words) : ui::problemText(written.problem(), words);
        job.running = false;
    });
}

}  // namespace

void drawStickPanel(EditorState& state) {
    StickJob& job = *state.stick;
    if (!job.open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.4f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(40 * ui::em(), 26 * ui::em()), ImGuiCond_Appearing);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::palette().surface);
    ImGui::PushStyleColor(ImGuiCol_Button, ui::palette().background);
    ImGui::Begin(words(state, "editor.stick.title").c_str(), &job.open, ImGuiWindowFlags_NoSavedSettings);
    const bool busy = job.running;
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted(words(state, "editor.stick.key").c_str());
    char key[512] = {};
    job.key.copy(key, sizeof key - 1);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##key", key, sizeof key)) job.key = key;
    noteItem("Feld " + words(state, "editor.stick.key"));
    ImGui::TextUnformatted(words(state, "editor.stick.version").c_str());
    ImGui::InputScalar("##version", ImGuiDataType_S64, &job.version);
    ImGui::TextUnformatted(words(state, "editor.stick.where").c_str());
    for (const auto& stick : job.detected)
        if (ImGui::RadioButton(stick.c_str(), job.stick == stick)) job.stick = stick;
    char folder[512] = {};
    job.stick.copy(folder, sizeof folder - 1);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##stick", folder, sizeof folder)) job.stick = folder;
    noteItem("Feld " + words(state, "editor.stick.where"));
    if (ImGui::Button(words(state, "editor.stick.search").c_str())) job.detected = detectSticks();
    ImGui::SameLine();
    const bool unsaved = state.document.hasChanges();
    ImGui::BeginDisabled(unsaved || job.key.empty() || job.stick.empty());
    if (ImGui::Button(words(state, "editor.stick.write").c_str())) start(state, job);
    noteItem(words(state, "editor.stick.write"));
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (unsaved) ImGui::TextWrapped("%s", words(state, "editor.stick.save_first").c_str());
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
