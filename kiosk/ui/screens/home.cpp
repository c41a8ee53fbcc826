// Life stages as large tiles with pictograms, and urgent help always one tap away.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void drawHome(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(tr("home.question", lang));
    paragraph(tr("home.intro", lang));
    // On an upright screen every control sits in its lower two thirds, in reach from a wheelchair.
    if (view.portrait())
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), view.screenArea().size.y / 3));
    // Search and map for families who know what they need or where they are.
    {
        Row row;  // from the right for a right-to-left reader
        if (row.button(icon("magnify") + " " + tr("search.button", lang), ems(10, 0))) out.push_back(core::intent::OpenSearch{});
        if (row.button(icon("map") + " " + tr("map.button", lang), ems(10, 0))) out.push_back(core::intent::OpenMap{});
        listenButton(view, "home", view.catalog.network.audio, out, &row);
    }
    listenControls(view, "home", out);
    ImGui::Spacing();

    const auto& stages = view.catalog.lifeStages;
    const int count = static_cast<int>(stages.size()) + 1;  // + urgent help
    const int columns = view.portrait() ? 2 : 3;
    const int rows = (count + columns - 1) / columns;
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float fitting = (area.y - gap * (rows - 1)) / rows;
    // Tiles fill the screen; where they cannot be tall enough (large text), the grid scrolls.
    const bool scrolls = fitting < 7.0f * em();
    if (scrolls) beginScrollArea("##stages", ImVec2(0, 0));
    const float width = scrolls ? ImGui::GetContentRegionAvail().x : area.x;
    const ImVec2 tileSize((width - gap * (columns - 1)) / columns, std::max(7.0f * em(), fitting));

    const float left = ImGui::GetCursorPosX();
    for (int i = 0; i < count; ++i) {
        if (i % columns != 0) ImGui::SameLine();
        // A right-to-left reader starts at the right: the youngest stage there.
        const int column = isRightToLeft(lang) ? columns - 1 - i % columns : i % columns;
        ImGui::SetCursorPosX(left + static_cast<float>(column) * (tileSize.x + gap));
        if (i < static_cast<int>(stages.size())) {
            const auto& stage = stages[static_cast<size_t>(i)];
            if (tile(icon(stage.icon), stage.title.get(lang), stage.ages.get(lang), tileSize))
                out.push_back(core::intent::OpenLifeStage{stage.id});
        } else if (tile(icon("phone-in-talk"), tr("nav.emergency", lang), tr("emergency.short", lang), tileSize,
                        Look::Emergency)) {
            out.push_back(core::intent::OpenEmergencies{});
        }
    }
    if (scrolls) endScrollArea();
}

}  // namespace kiosk::ui
