// Left: the content files as lists with a filter and badges, the files that did not parse, problems.
#include "kiosk/editing/content_ids.hpp"
#include "kiosk/editor/editor_state.hpp"
#include "kiosk/editor/field_schema.hpp"
#include "kiosk/ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace kiosk::editor {

namespace {

std::string titleOf(const EditorState& state, editing::EntryRef where) {
    const auto& file = state.document.files()[where.file];
    const YAML::Node node = state.document.entry(where);
    if (!node.IsMap()) return "?";
    const YAML::Node title = node[titleFieldOf(file.name)];
    std::string text;
    if (title && title.IsScalar()) text = title.Scalar();
    else if (title && title.IsMap() && title["de"]) text = title["de"].Scalar();
    return text.empty() ? state.document.entryId(where) : text;
}

bool contains(std::string text, std::string part) {
    auto lower = [](std::string& s) { std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); }); };
    lower(text);
    lower(part);
    return text.find(part) != std::string::npos;
}

void newEntry(EditorState& state) {
    const auto& file = state.document.files()[state.file];
    std::set<std::string> taken;
    for (std::size_t i = 0; i < file.entries.size(); ++i) taken.insert(state.document.entryId({state.file, i}));
    YAML::Node entry(YAML::NodeType::Map);
    entry["id"] = editing::proposeId(words(state, "editor.new_title"), taken, "neu");
    entry[titleFieldOf(file.name)] = words(state, "editor.new_title");
    const std::size_t at = state.entry ? *state.entry + 1 : file.entries.size();
    if (auto added = state.document.insertEntry(state.file, at, entry); added) state.entry = at;
}

void fileTabs(EditorState& state) {
    if (!ImGui::BeginTabBar("##files", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    // The file was chosen elsewhere (a problem clicked, --open): its tab follows, for this frame
    // the tab bar's own choice is ignored.
    const bool follow = !state.tabShown || *state.tabShown != state.file;
    for (std::size_t i = 0; i < state.document.files().size(); ++i) {
        const auto& file = state.document.files()[i];
        if (fieldsOf(file.name).empty() || !file.present) continue;
        const std::string label = words(state, "editor.file." + file.name.substr(0, file.name.find('.'))) +
                                  (file.error ? " (!)" : "") + "###" + file.name;
        const ImGuiTabItemFlags flags = follow && state.file == i ? ImGuiTabItemFlags_SetSelected : 0;
        const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
        noteItem(words(state, "editor.file." + file.name.substr(0, file.name.find('.'))));
        if (open) {
            if (!follow && state.file != i) {
                state.file = i;
                state.entry = file.kind == editing::FileKind::Map ? std::optional<std::size_t>(0) : std::nullopt;
            }
            ImGui::EndTabItem();
        }
    }
    state.tabShown = state.file;
    ImGui::EndTabBar();
}

}  // namespace

void drawEntryList(EditorState& state, float width) {
    ImGui::BeginChild("##lists", ImVec2(width, 0), true);
    fileTabs(state);
    const auto& file = state.document.files()[state.file];
    for (const auto& other : state.document.files())
        if (other.error)
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s",
                               fmt::format(fmt::runtime(words(state, "editor.file_error")), other.name, other.error->line,
                                           other.error->message).c_str());
    if (file.editable() && file.kind == editing::FileKind::Entries) {
        ImGui::SetNextItemWidth(-1);
        char buffer[256] = {};
        state.filter.copy(buffer, sizeof buffer - 1);
        if (ImGui::InputTextWithHint("##filter", words(state, "editor.filter").c_str(), buffer, sizeof buffer))
            state.filter = buffer;
        noteItem(words(state, "editor.filter"));
        if (ImGui::Button(words(state, "editor.new").c_str())) newEntry(state);
        noteItem(words(state, "editor.new"));
        ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 8));
        ImGuiListClipper clipper;
        // The entries the filter lets through, found again only when the filter, the list or the text changed.
        ListRows& rows = state.rows;
        if (rows.filter != state.filter || rows.file != state.file || rows.revision != state.document.revision()) {
            rows = {state.filter, state.file, state.document.revision(), {}};
            for (std::size_t i = 0; i < file.entries.size(); ++i)
                if (state.filter.empty() || contains(titleOf(state, {state.file, i}), state.filter) ||
                    contains(state.document.entryId({state.file, i}), state.filter))
                    rows.shown.push_back(i);
        }
        const std::vector<std::size_t>& shown = rows.shown;
        // The entry chosen elsewhere (--open, a problem clicked) is scrolled into the list's view once.
        if (state.entry && state.listScrolledTo != state.entry) {
            const auto row = std::find(shown.begin(), shown.end(), *state.entry);
            if (row != shown.end())
                ImGui::SetScrollY(static_cast<float>(row - shown.begin()) * ImGui::GetTextLineHeightWithSpacing() -
                                  ImGui::GetWindowHeight() * 0.3f);
            state.listScrolledTo = state.entry;
        }
        clipper.Begin(static_cast<int>(shown.size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const std::size_t i = shown[static_cast<std::size_t>(row)];
                const editing::EntryRef where{state.file, i};
                std::string badges;
                if (const int n = problemsOf(state, where); n > 0) badges += fmt::format(" [! {}]", n);
                if (!missingTranslations(state, where).empty()) badges += " [" + words(state, "editor.badge_translation") + "]";
                const std::string label = titleOf(state, where) + badges + "##" + std::to_string(i);
                const bool chosen = ImGui::Selectable(label.c_str(), state.entry == i);
                noteItem(titleOf(state, where));
                if (chosen) {
                    state.entry = i;
                    state.listScrolledTo = i;  // chosen here: it is in view
                    state.renameTo.clear();
                }
            }
        ImGui::EndChild();
    }
    drawProblems(state);
    ImGui::EndChild();
}

void drawProblems(EditorState& state) {
    ImGui::Separator();
    ImGui::TextUnformatted(words(state, "editor.problems").c_str());
    ImGui::BeginChild("##problems");
    for (std::size_t i = 0; i < state.problems.size(); ++i) {
        const auto& problem = state.problems[i];
        const std::string label = problem.error.toString() + "##problem" + std::to_string(i);
        const bool clicked = ImGui::Selectable(label.c_str());
        noteItem(problem.error.toString());
        if (clicked && problem.where) {
            state.file = problem.where->file;
            state.entry = problem.where->entry;
            state.jumpTo = problem.field;
        }
    }
    ImGui::EndChild();
}

}  // namespace kiosk::editor
