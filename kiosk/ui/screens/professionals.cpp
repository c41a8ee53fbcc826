// "Für Fachkräfte": the professionals' entry, reached from "Über uns" and the start screen's bar,
// never from the families' life stages. Four ways on: map of actors, good practice, events, groups.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void drawProfessionals(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("account-multiple") + " " + tr("pro.title", lang));
    paragraph(tr("pro.intro", lang));
    screenListen(view, "professionals", out);
    ImGui::Spacing();
    // On an upright screen the four ways on lie in its lower two thirds, in reach from a wheelchair.
    if (view.portrait())
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetMainViewport()->Size.y / 3));
    struct Way {
        const char* pictogram;
        const char* key;
        core::ScreenId screen;
    };
    const Way ways[] = {{"map", "pro.actors", core::ScreenId::Actors},
                        {"star", "pro.practices", core::ScreenId::Practices},
                        {"calendar-clock", "pro.events", core::ScreenId::Events},
                        {"forum", "pro.groups", core::ScreenId::Groups}};
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int columns = view.portrait() ? 1 : 2;
    const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    Row row;
    for (const Way& way : ways)
        if (row.button(icon(way.pictogram) + " " + tr(way.key, lang), ImVec2(width, 3.2f * em())))
            out.push_back(core::intent::OpenProfessional{way.screen, {}});
    row.finish();
    ImGui::Spacing();
    mutedText(icon("human-greeting") + " " + tr("pro.join", lang));
}

}  // namespace kiosk::ui
