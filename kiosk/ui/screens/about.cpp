// The network behind the kiosk: who runs it, how to reach its office, and that this is sample data.
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kiosk::ui {

void drawAbout(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::NetworkInfo& network = view.catalog.network;
    // Spoken: under the name, or at the bottom of an upright screen, in reach from a wheelchair.
    const bool portrait = view.portrait();
    const float bottom = portrait ? bottomBlockHeight("##aboutlisten") : 0;
    beginScrollArea("##about", ImVec2(0, portrait ? std::max(6 * em(), ImGui::GetContentRegionAvail().y - bottom) : 0));
    titleText(network.name.get(lang));
    if (!portrait) screenListen(view, "about", out);
    paragraph(network.description.get(lang));
    ImGui::Spacing();
    headingText(network.organisation.get(lang));
    if (!network.address.empty())
        paragraph(icon("map-marker") + " " + core::oneLineAddress(network.address));
    if (!network.phone.empty()) {
        headingText(icon("phone") + " " + network.phone);
    }
    if (!network.website.empty()) paragraph(icon("web") + " " + network.website);
    // The network's side for professionals: here, under its office, and small on the start screen's bar.
    if (bigButton(icon("account-multiple") + " " + tr("pro.button", lang), ImVec2(0, 0), Look::Secondary))
        out.push_back(core::intent::OpenProfessional{});
    if (network.hours) {
        ImGui::Spacing();
        headingText(icon("clock") + " " + tr("about.service_hours", lang));
        openingStatusLine(*network.hours, view.now, view.kiosk.holidays, lang);
        weeklyHours(*network.hours, lang);
    }
    ImGui::Spacing();
    const bool anySample = std::any_of(view.catalog.providers.begin(), view.catalog.providers.end(),
                                       [](const core::Provider& p) { return p.sample; });
    if (anySample) {
        tag(tr("sample.tag", lang));
        paragraph(tr("about.sample", lang));
    }
    paragraph(icon("check") + " " + tr("about.privacy", lang));
    ImGui::Spacing();
    mutedText(fmt::format("{} {} · Familienkiosk {}", tr("about.kiosk", lang), view.kiosk.name, view.kiosk.version));
    if (!view.kiosk.contentBuiltAt.empty())
        mutedText(fmt::format(fmt::runtime(tr("about.content", lang)), view.kiosk.contentBuiltAt.substr(0, 10)));
    endScrollArea();
    if (portrait) {
        beginBottomBlock();
        screenListen(view, "about", out);
        endBottomBlock("##aboutlisten");
    }
}

}  // namespace kiosk::ui
