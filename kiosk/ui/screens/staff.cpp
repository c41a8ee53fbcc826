// Staff mode's status at a glance beside its actions, and the full-screen window both staff screens live in.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/staff.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <fmt/format.h>

namespace kiosk::ui {
namespace {

constexpr float kLabelColumn = 14;  // em

void statusRow(const std::string& label, const std::string& value) {
    tableRow(label, value.empty() ? "–" : value, kLabelColumn * em());
}

void statusLines(const std::string& label, const std::vector<std::string>& values, const std::string& none) {
    if (values.empty()) tableRow(label, none, kLabelColumn * em());
    for (size_t i = 0; i < values.size(); ++i) tableRow(i == 0 ? label : std::string(), values[i], kLabelColumn * em());
}

}  // namespace

void drawStaffStatus(const StaffView& view, StaffIntents& out) {
    const std::string& lang = view.language;
    const StaffStatus& status = view.status;
    const ImVec2 area = ImGui::GetContentRegionAvail();

    titleText(tr("staff.title", lang));
    if (!view.staff.messageKey().empty()) {
        std::string message = tr(view.staff.messageKey(), lang);
        if (!view.staff.messageDetail().empty()) message += " " + view.staff.messageDetail();
        strongText(icon("information") + " " + message, palette().accent);
    } else {
        mutedText(tr("staff.closes_itself", lang));
    }
    ImGui::Spacing();

    // Landscape: the status beside the actions; portrait (or a narrow screen): the actions above.
    const bool stacked = area.x < 45 * em();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float actionsWidth = stacked ? area.x : std::min(20 * em(), area.x * 0.4f);
    auto actions = [&] {
        const ImVec2 button(stacked ? actionsWidth : actionsWidth - 1.2f * em(), 0);
        auto action = [&](const char* pictogram, const char* key, core::StaffIntent intent, Look look = Look::Primary) {
            if (bigButton(icon(pictogram) + " " + tr(key, lang), button, look)) out.push_back(std::move(intent));
        };
        action("close", "staff.close", core::staff::Close{}, Look::Selected);
        action("rocket", "staff.restart", core::staff::Restart{});
        action("book-open-variant", "staff.reload", core::staff::ReloadContent{});
        if (status.stick) action("arrow-right", "staff.import", core::staff::ImportFromStick{});
        action("arrow-left", "staff.rollback", core::staff::RollBack{});
        action("volume-high", "staff.test_sound", core::staff::TestSound{});
        if (!status.printing) action("printer", "staff.test_print", core::staff::TestPrint{});
        if (status.stick) action("calendar-clock", "staff.export", core::staff::ExportStatistics{});
        action("stop", "staff.display_off", core::staff::DisplayOff{}, Look::Secondary);
        if (!status.stick) mutedText(tr("staff.insert_stick", lang));
    };
    auto statusList = [&](float width, float height) {
        beginScrollArea("##staff-status", ImVec2(width, height));
        headingText(tr("staff.status", lang));
        statusRow(tr("staff.kiosk", lang), status.kioskName + " · Familienkiosk " + status.softwareVersion);
        statusRow(tr("staff.content", lang), status.contentVersion);
        statusLines(tr("staff.history", lang), status.packHistory, tr("staff.none", lang));
        statusLines(tr("staff.keys", lang), status.trustedKeys, tr("staff.no_keys", lang));
        statusRow(tr("staff.printer", lang), status.printer);
        statusRow(tr("staff.sound", lang), status.sound);
        statusRow(tr("staff.disk", lang), status.freeDisk);
        statusRow(tr("staff.uptime", lang), status.uptime);
        statusRow(tr("staff.school_holidays", lang), status.schoolHolidays);
        statusLines(tr("staff.errors", lang), status.lastErrors, tr("staff.no_errors", lang));
        endScrollArea();
    };
    if (stacked) {
        actions();
        ImGui::Spacing();
        statusList(area.x, ImGui::GetContentRegionAvail().y);
    } else {
        const float height = ImGui::GetContentRegionAvail().y;
        statusList(area.x - actionsWidth - gap, height);
        ImGui::SameLine();
        beginScrollArea("##staff-actions", ImVec2(actionsWidth, height));
        actions();
        endScrollArea();
    }
}

void drawStaff(const StaffView& view, StaffIntents& out) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::SetNextWindowFocus();
    ImGui::Begin("##staff", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    switch (view.staff.screen()) {
    case core::StaffScreen::Closed: break;
    case core::StaffScreen::PinPad: drawPinPad(view, out); break;
    case core::StaffScreen::Status: drawStaffStatus(view, out); break;
    }
    ImGui::End();
}

}  // namespace kiosk::ui
