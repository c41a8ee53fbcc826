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
    const auto offers = view.catalog.emergencyOffers();
    const int tapped = cardList("helplines/" + lang, offers.size(), [&](size_t i) {
        const core::Offer* offer = offers[i];
        CardText text{offer->id, view.catalog.text(*offer, core::OfferText::Title, lang), {}};
        if (const core::Provider* provider = view.catalog.provider(offer->providerId)) {
            if (!provider->phone.empty()) text.lines.push_back(icon("phone") + " " + provider->phone);
            if (provider->hours)
                text.lines.push_back(icon("clock") + " " +
                                     openingStatusText(*provider->hours, view.now, view.kiosk.holidays, lang));
        }
        text.lines.push_back(view.catalog.text(*offer, core::OfferText::Summary, lang));
        return text;
    });
    if (tapped >= 0) out.emplace_back(core::intent::OpenOffer{offers[static_cast<size_t>(tapped)]->id});
    endScrollArea();
    if (portrait) {
        beginBottomBlock();
        screenListen(view, "emergencies", out);
        endBottomBlock("##emergencylisten");
    }
}

}  // namespace kiosk::ui
