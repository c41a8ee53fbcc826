// Right: the kiosk's own screens draw the selected entry into a part of the window (no screen
// code of the editor's own), in the chosen language, orientation and contrast.
#include "kiosk/app/presentation.hpp"
#include "kiosk/editor/editor_state.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>

namespace kiosk::editor {

namespace {

// The kiosk screen the selected entry is shown on.
core::ScreenRef screenOf(const EditorState& state) {
    const auto where = state.selected();
    if (!where) return {core::ScreenId::Home, {}, {}};
    const std::string& file = state.document.files()[where->file].name;
    const std::string id = state.document.entryId(*where);
    if (file == "offers.yaml" && state.catalog && state.catalog->offer(id)) return {core::ScreenId::Offer, id, {}};
    if (file == "providers.yaml" && state.catalog && state.catalog->provider(id)) return {core::ScreenId::Provider, id, {}};
    if (file == "life_stages.yaml" && state.catalog && state.catalog->lifeStage(id)) return {core::ScreenId::LifeStage, id, {}};
    if (file == "practices.yaml" && state.catalog && state.catalog->practice(id)) return {core::ScreenId::Practice, id, {}};
    if (file == "events.yaml" && state.catalog && state.catalog->event(id)) return {core::ScreenId::Event, id, {}};
    // No kiosk screen shows one working group alone: the groups' screen, which lists them all.
    if (file == "working_groups.yaml") return {core::ScreenId::Groups, {}, {}};
    if (file == "network.yaml") return {core::ScreenId::About, {}, {}};
    return {core::ScreenId::Home, {}, {}};
}

void choices(EditorState& state) {
    ImGui::SetNextItemWidth(6 * ui::em());
    if (ImGui::BeginCombo("##previewlanguage", state.preview.language.c_str())) {
        for (const auto& code : ui::uiLanguages())
            if (ImGui::Selectable(ui::languageEndonym(code).c_str(), code == state.preview.language))
                state.preview.language = code;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::Checkbox(words(state, "editor.preview.portrait").c_str(), &state.preview.portrait);
    noteItem(words(state, "editor.preview") + " " + words(state, "editor.preview.portrait"));
    ImGui::SameLine();
    ImGui::Checkbox(words(state, "editor.preview.contrast").c_str(), &state.preview.highContrast);
    noteItem(words(state, "editor.preview") + " " + words(state, "editor.preview.contrast"));
    ImGui::SameLine();
    ImGui::Checkbox(words(state, "editor.preview.large").c_str(), &state.preview.largeText);
    noteItem(words(state, "editor.preview") + " " + words(state, "editor.preview.large"));
}

}  // namespace

void drawPreview(EditorState& state, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(ImVec2(size.x, ImGui::GetFrameHeightWithSpacing() * 2));
    ImGui::Begin("##previewchoices", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(words(state, "editor.preview").c_str());
    ImGui::SameLine();
    choices(state);
    if (const auto where = state.selected(); where && state.document.files()[where->file].name == "working_groups.yaml") {
        ImGui::TextDisabled("%s", words(state, "editor.preview.groups").c_str());
        noteItem(words(state, "editor.preview.groups"), false);
    }
    ImGui::End();
    if (!state.catalog) return;

    // The screen's shape (16:9 either way) as large as the room allows.
    const float top = ImGui::GetFrameHeightWithSpacing() * 2;
    const ImVec2 room(size.x, size.y - top);
    const float aspect = state.preview.portrait ? 9.0f / 16.0f : 16.0f / 9.0f;
    ImVec2 screen(room.x, room.x / aspect);
    if (screen.y > room.y) screen = ImVec2(room.y * aspect, room.y);

    core::Session session = core::freshSession(state.preview.language, screenOf(state));
    session.highContrast = state.preview.highContrast;
    session.largeText = state.preview.largeText;
    const ui::KioskInfo kiosk{"Familienkiosk", "editor", "", core::HolidayCalendar(state.catalog->network.schoolHolidays)};
    const ui::AudioView audio{false, state.document.folder(), 0, {}};
    const ui::PrintView print{};
    ui::View view{*state.catalog, session, state.now, kiosk, state.qr, audio, print};
    view.pictures = &state.pictures;  // a practice's picture, as the kiosk shows it
    view.area = ui::ScreenArea{ImVec2(pos.x + (room.x - screen.x) * 0.5f, pos.y + top), screen};
    // Large text as the kiosk's (its fonts at kLargeTextScale, here scaled from the editor's), the
    // theme's sizes following the font as on the kiosk.
    std::optional<ui::ScaledText> large;
    if (state.preview.largeText) large.emplace(app::kLargeTextScale);
    const ui::Theme theme = state.preview.highContrast ? ui::Theme::HighContrast : ui::Theme::Standard;
    if (large || state.preview.highContrast) ui::applyTheme(ui::em(), theme);
    // The kiosk's screen colour behind its screen (the kiosk clears the whole window with it).
    const ui::ScreenArea& area = *view.area;
    ImGui::GetBackgroundDrawList()->AddRectFilled(area.pos, ImVec2(area.pos.x + area.size.x, area.pos.y + area.size.y),
                                                  ui::palette().background);
    ui::Intents intents;  // a tap in the preview changes nothing: it only shows
    ui::drawKiosk(view, intents);
    large.reset();
    if (state.preview.largeText || state.preview.highContrast) ui::applyTheme(ui::em(), ui::Theme::Standard);
}

}  // namespace kiosk::editor
