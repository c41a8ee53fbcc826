// The editor's work beside its window and its dialogs (see background_job.hpp).
#include "kiosk/editor/background_job.hpp"

#include "kiosk/editor/editor_state.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

#include <imgui.h>

namespace kiosk::editor {

void BackgroundJob::start(std::function<Outcome()> work, std::string whileRunning) {
    if (worker.joinable()) worker.join();
    running = true;
    progress = 0;
    {
        std::lock_guard lock(m_mutex);
        m_outcome = {std::move(whileRunning), false};
    }
    worker = std::thread([this, work = std::move(work)] {
        Outcome outcome = work();
        std::lock_guard lock(m_mutex);
        m_outcome = std::move(outcome);
        running = false;
    });
}

void BackgroundJob::tell(Outcome outcome) {
    std::lock_guard lock(m_mutex);
    m_outcome = std::move(outcome);
}

void BackgroundJob::drawOutcome() {
    std::lock_guard lock(m_mutex);
    if (m_outcome.words.empty()) return;
    if (running) ImGui::TextDisabled("%s", m_outcome.words.c_str());
    else if (m_outcome.failed) ImGui::TextColored(ImVec4(0.72f, 0.08f, 0.08f, 1), "%s", m_outcome.words.c_str());
    else ImGui::TextWrapped("%s", m_outcome.words.c_str());
    if (!running) noteItem(m_outcome.words, false);
}

void beginDialog(const std::string& title, bool& open, float heightEm) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.4f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(40 * ui::em(), heightEm * ui::em()), ImGuiCond_Appearing);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::palette().surface);
    ImGui::PushStyleColor(ImGuiCol_Button, ui::palette().background);
    ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings);
}

bool pathField(const char* id, const std::string& label, std::string& text, float roomEm) {
    ImGui::TextUnformatted(label.c_str());
    char line[512] = {};
    text.copy(line, sizeof line - 1);
    ImGui::SetNextItemWidth(roomEm > 0 ? -roomEm * ui::em() : -1);
    const bool changed = ImGui::InputText(id, line, sizeof line);
    if (changed) text = line;
    noteItem("Feld " + label);
    return changed;
}

void endDialog() {
    ImGui::End();
    ImGui::PopStyleColor(2);
}

}  // namespace kiosk::editor
