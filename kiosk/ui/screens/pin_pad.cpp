// The staff PIN pad: large digits, the PIN shown as stars, and plain words when it is refused or locked.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/staff.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kiosk::ui {

void drawPinPad(const StaffView& view, StaffIntents& out) {
    const std::string& lang = view.language;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const std::string& erase = tr("staff.erase", lang);
    const float key = std::max(ImGui::CalcTextSize(erase.c_str()).x + 1.8f * em(),
                               std::min(5.0f * em(), (viewport->Size.y - 16 * em()) / 4.6f));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float padWidth = 3 * key + 2 * gap;
    const float column = std::max(padWidth, 22 * em());
    const float left = std::max(em(), (viewport->Size.x - column) * 0.5f);

    ImGui::SetCursorPos(ImVec2(left, 1.5f * em()));
    ImGui::PushTextWrapPos(left + column);
    ImGui::BeginGroup();
    titleText(tr("staff.title", lang));
    if (!view.pinSet) {
        headingText(tr("staff.no_pin", lang));
        paragraph(tr("staff.no_pin_how", lang));
    } else if (view.lockSecondsLeft > 0) {
        headingText(icon("clock") + " " + tr("staff.pin_locked", lang));
        const auto minutes = (view.lockSecondsLeft + 59) / 60;
        paragraph(countText("staff.pin_locked_minutes", lang, static_cast<std::uint64_t>(minutes)));
    } else {
        headingText(tr("staff.pin_prompt", lang));
        // The PIN as stars, never its digits; a line of the same height while empty.
        std::string stars;
        for (size_t i = 0; i < view.staff.digits().size(); ++i) stars += "* ";
        titleText(stars.empty() ? " " : stars);
        if (view.staff.messageKey() == "staff.pin_wrong")
            strongText(icon("alert") + " " + countText("staff.pin_wrong", lang, static_cast<std::uint64_t>(view.attemptsLeft)),
                       palette().closed);
        else
            mutedText(" ");
        ImGui::Spacing();
        const char* labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
        const float indent = left + (column - padWidth) * 0.5f;
        for (int i = 0; i < 9; ++i) {
            if (i % 3 == 0) ImGui::SetCursorPosX(indent);
            else ImGui::SameLine();
            if (bigButton(labels[i], ImVec2(key, key * 0.75f))) out.emplace_back(core::staff::Digit{labels[i][0]});
        }
        ImGui::SetCursorPosX(indent);
        if (bigButton(erase, ImVec2(key, key * 0.75f), Look::Secondary))
            out.emplace_back(core::staff::Erase{});
        ImGui::SameLine();
        if (bigButton("0", ImVec2(key, key * 0.75f))) out.emplace_back(core::staff::Digit{'0'});
        ImGui::SameLine();
        if (bigButton(tr("staff.ok", lang), ImVec2(key, key * 0.75f), Look::Selected))
            out.emplace_back(core::staff::Submit{});
    }
    ImGui::Spacing();
    ImGui::SetCursorPosX(left);
    if (bigButton(icon("close") + " " + tr("staff.cancel", lang), ImVec2(column, 0), Look::Secondary))
        out.emplace_back(core::staff::Close{});
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
}

}  // namespace kiosk::ui
