// The editor's frame-to-frame work that is not a panel: the live check, badges, saving, keys.
#include "kiosk/editor/editor_state.hpp"

#include "kiosk/editing/stick_writer.hpp"
#include "kiosk/editor/field_schema.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>
#include <fmt/format.h>

namespace kiosk::editor {

namespace {

// The check starts this long after the last keystroke: typing never waits for it, and a word is
// checked once, not letter by letter.
constexpr auto kCheckDelay = std::chrono::milliseconds(250);

// ImGui 1.86 with the GLFW backend: keys by GLFW's codes, which are the capital letters' ASCII codes.
constexpr int kKeyS = 'S', kKeyY = 'Y', kKeyZ = 'Z';

}  // namespace

const std::string& words(const EditorState& state, std::string_view key) { return ui::tr(key, state.words); }

void noteItem(const std::string& text, bool tappable) {
    if (tappable) ui::noteTappableText(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), true);
    else ui::noteVisibleText(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void followCheck(EditorState& state) {
    const auto now = std::chrono::steady_clock::now();
    if (state.document.revision() != state.submitted) {
        if (state.changedAt == std::chrono::steady_clock::time_point{}) state.changedAt = now;
        if (now - state.changedAt >= kCheckDelay && !state.check->busy()) {
            state.submitted = state.document.revision();
            const auto before = std::chrono::steady_clock::now();
            state.check->submit(state.submitted, editing::snapshotOf(state.document));
            spdlog::info("editor: snapshot for the check took {:.3f} ms",
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count());
            state.changedAt = {};
        }
    }
    const auto before = std::chrono::steady_clock::now();
    if (auto report = state.check->take()) {
        const auto taken = std::chrono::steady_clock::now();
        state.problems = editing::placeProblems(state.document, report->errors);
        const auto placed = std::chrono::steady_clock::now();
        if (report->catalog) state.check->release(std::exchange(state.catalog, report->catalog));
        report.reset();
        const auto swapped = std::chrono::steady_clock::now();
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        spdlog::info("editor: check result {} errors: take {:.2f} ms, place {:.2f} ms, catalog swap {:.2f} ms",
                     state.problems.size(), ms(before, taken), ms(taken, placed), ms(placed, swapped));
    }
}

int problemsOf(const EditorState& state, editing::EntryRef where) {
    return static_cast<int>(std::count_if(state.problems.begin(), state.problems.end(),
                                          [&](const editing::PlacedProblem& p) { return p.where == where; }));
}

std::vector<std::string> missingTranslations(const EditorState& state, editing::EntryRef where) {
    std::vector<std::string> missing;
    const YAML::Node& node = state.document.entry(where);
    if (!node.IsMap()) return missing;
    for (const Field& field : fieldsOf(state.document.files()[where.file].name)) {
        if (field.kind != FieldKind::Translated) continue;
        const YAML::Node value = node[field.name];
        if (!value) continue;
        for (const auto& code : ui::uiLanguages()) {
            if (code == "de") continue;
            if (value.IsScalar() || !value[code] || value[code].Scalar().empty()) {
                missing.push_back(field.name + ":" + code);
            }
        }
    }
    return missing;
}

void save(EditorState& state) {
    const auto lost = state.document.commentsLost();
    if (!lost.empty() && !state.commentsSaid) {
        state.confirmingSave = true;  // the toolbar asks once
        return;
    }
    auto saved = state.document.save();
    state.messageIsProblem = !saved.ok();
    state.message = saved ? words(state, "editor.saved") : ui::problemText(saved.problem(), state.words);
}

void shortcuts(EditorState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(kKeyS, false)) save(state);
    if (ImGui::IsKeyPressed(kKeyZ, false)) {
        if (io.KeyShift) state.document.redo();
        else state.document.undo();
    }
    if (ImGui::IsKeyPressed(kKeyY, false)) state.document.redo();
}

void drawToolbar(EditorState& state) {
    if (ImGui::Button(words(state, "editor.save").c_str())) save(state);
    noteItem(words(state, "editor.save"));
    ImGui::SameLine();
    ImGui::BeginDisabled(!state.document.canUndo());
    if (ImGui::Button(words(state, "editor.undo").c_str())) state.document.undo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!state.document.canRedo());
    if (ImGui::Button(words(state, "editor.redo").c_str())) state.document.redo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(words(state, "editor.stick.title").c_str())) {
        state.stick->open = true;
        state.stick->version = editing::proposedVersion(state.document.folder());
        state.stick->detected = detectSticks();
        if (state.stick->stick.empty() && !state.stick->detected.empty()) state.stick->stick = state.stick->detected.front();
    }
    noteItem(words(state, "editor.stick.title"));
    ImGui::SameLine();
    if (ImGui::Button(words(state, "editor.site.title").c_str())) {
        state.site->open = true;
        auto content = std::filesystem::absolute(state.document.folder()).lexically_normal();
        if (!content.has_filename()) content = content.parent_path();
        if (state.site->folder.empty()) state.site->folder = (content.parent_path() / "website").string();  // beside it
    }
    noteItem(words(state, "editor.site.title"));
    // The check's state and the last message on a line of their own: beside the buttons they ran out of the window.
    const bool checking = state.check->busy() || state.document.revision() != state.submitted;
    const int count = static_cast<int>(state.problems.size());
    ImGui::TextUnformatted(checking ? words(state, "editor.checking").c_str()
                           : count == 0 ? words(state, "editor.no_problems").c_str()
                                        : fmt::format(fmt::runtime(words(state, "editor.problems_count")), count).c_str());
    if (!checking) noteItem(count == 0 ? words(state, "editor.no_problems") : words(state, "editor.problems_count"), false);
    ImGui::SameLine();
    ImGui::TextUnformatted(state.document.hasChanges() ? words(state, "editor.unsaved").c_str() : "");
    if (!state.message.empty()) {
        ImGui::SameLine();
        if (state.messageIsProblem) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", state.message.c_str());
        else ImGui::TextUnformatted(state.message.c_str());
        noteItem(state.message, false);
    }
    if (state.confirmingSave) {
        std::string files;
        for (const auto& name : state.document.commentsLost()) files += (files.empty() ? "" : ", ") + name;
        ImGui::TextWrapped("%s", fmt::format(fmt::runtime(words(state, "editor.comments_dropped")), files).c_str());
        const bool anyway = ImGui::Button(words(state, "editor.save_anyway").c_str());
        noteItem(words(state, "editor.save_anyway"));
        if (anyway) {
            state.commentsSaid = true;
            state.confirmingSave = false;
            save(state);
        }
        ImGui::SameLine();
        if (ImGui::Button(words(state, "editor.cancel").c_str())) state.confirmingSave = false;
    }
}

}  // namespace kiosk::editor
