// Urgent help: the helplines, with their numbers large enough to read from a step away.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void drawEmergencies(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("phone-in-talk") + " " + tr("emergency.title", lang));
    headingText(tr("emergency.intro", lang));
    // Every helpline with its number, spoken: under the intro, or at the bottom of an upright screen.
    const bool portrait = view.portrait();
    if (!portrait) screenListen(view, "emergencies", out);
    ImGui::Spacing();
    const float bottom = portrait ? bottomBlockHeight("##emergencylisten") : 0;
    beginScrollArea("##helplines", ImVec2(0, portrait ? std::max(6 * em(), ImGui::GetContentRegionAvail().y - bottom) : 0));
    for (const core::Offer* offer : view.catalog.emergencyOffers()) {
        std::vector<std::string> lines;
        if (const core::Provider* provider = view.catalog.provider(offer->providerId)) {
            if (!provider->phone.empty()) lines.push_back(icon("phone") + " " + provider->phone);
            if (provider->hours) lines.push_back(icon("clock") + " " + openingStatusText(*provider->hours, view.now, view.kiosk.holidays, lang));
        }
        lines.push_back(offer->summary.get(lang));
        if (card(offer->id, offer->title.get(lang), lines)) out.emplace_back(core::intent::OpenOffer{offer->id});
    }
    endScrollArea();
    if (portrait) {
        beginBottomBlock();
        screenListen(view, "emergencies", out);
        endBottomBlock("##emergencylisten");
    }
}

}  // namespace kiosk::ui
