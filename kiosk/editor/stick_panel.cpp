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

void start(EditorState& state, StickJob& stick) {
    stick.job.start([&stick, content = state.document.folder(), words = state.words]() -> BackgroundJob::Outcome {
        auto written = editing::writePackToStick(content, stick.key, stick.version, "familienkiosk", stick.stick,
                                                 [&stick](double fraction) { stick.job.progress = fraction; });
        if (!written) return {ui::problemText(written.problem(), words), true};
        return {ui::tr("editor.stick.done", words), false};
    });
}

}  // namespace

void drawStickPanel(EditorState& state) {
    StickJob& job = *state.stick;
    if (!job.open) return;
    beginDialog(words(state, "editor.stick.title"), job.open, 26);
    const bool busy = job.job.running;
    ImGui::BeginDisabled(busy);
    pathField("##key", words(state, "editor.stick.key"), job.key);
    ImGui::TextUnformatted(words(state, "editor.stick.version").c_str());
    ImGui::InputScalar("##version", ImGuiDataType_S64, &job.version);
    for (const auto& stick : job.detected)
        if (ImGui::RadioButton(stick.c_str(), job.stick == stick)) job.stick = stick;
    pathField("##stick", words(state, "editor.stick.where"), job.stick);
    if (ImGui::Button(words(state, "editor.stick.search").c_str())) job.detected = detectSticks();
    ImGui::SameLine();
    const bool unsaved = state.document.hasChanges();
    ImGui::BeginDisabled(unsaved || job.key.empty() || job.stick.empty());
    if (ImGui::Button(words(state, "editor.stick.write").c_str())) start(state, job);
    noteItem(words(state, "editor.stick.write"));
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (unsaved) ImGui::TextWrapped("%s", words(state, "editor.stick.save_first").c_str());
    if (busy) ImGui::ProgressBar(static_cast<float>(job.job.progress.load()), ImVec2(-1, 0));
    job.job.drawOutcome();
    endDialog();
}

}  // namespace kiosk::editor
