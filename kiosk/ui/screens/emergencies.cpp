// Urgent help: the helplines, with their numbers large enough to read from a step away.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void drawEmergencies(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("phone-in-talk") + " " + tr("emergency.title", lang));
    headingText(tr("emergency.intro", lang));
    screenListen(view, "emergencies", out);  // every helpline with its number
    ImGui::Spacing();
    beginScrollArea("##helplines", ImVec2(0, 0));
    for (const core::Offer* offer : view.catalog.emergencyOffers()) {
        std::vector<std::string> lines;
        if (const core::Provider* provider = view.catalog.provider(offer->providerId)) {
            if (!provider->phone.empty()) lines.push_back(icon("phone") + " " + provider->phone);
            if (provider->hours) lines.push_back(icon("clock") + " " + openingStatusText(*provider->hours, view.now, lang));
        }
        lines.push_back(offer->summary.get(lang));
        if (card(offer->id, offer->title.get(lang), lines)) out.emplace_back(core::intent::OpenOffer{offer->id});
    }
    endScrollArea();
}

}  // namespace kiosk::ui
