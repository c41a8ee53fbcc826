// The map of actors: the district map with the network's members as pins, filtered by field of
// work; a tapped pin shows the actor's card beside the map, its contact as a QR code.
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kiosk::ui {
namespace {

std::string fieldNames(const std::vector<std::string>& fields, const std::string& language) {
    std::string text;
    for (const auto& id : fields) text += (text.empty() ? "" : tr("offer.separator", language)) + tr("field." + id, language);
    return text;
}

void actorCard(const View& view, const core::Provider& actor, Intents& out) {
    const std::string& lang = view.language();
    headingText(icon("map-marker") + " " + view.catalog.text(actor, core::ProviderText::Name, lang));
    if (!actor.fields.empty()) mutedText(fieldNames(actor.fields, lang));
    if (!actor.address.empty()) paragraph(core::oneLineAddress(actor.address));
    if (!actor.phone.empty()) strongText(icon("phone") + " " + actor.phone);
    if (!actor.email.empty()) paragraph(icon("email") + " " + actor.email);
    strongText(icon("qrcode") + " " + tr("pro.contact_qr", lang));
    contactQr(view, actor, std::min(ImGui::GetContentRegionAvail().x, 10.0f * em()));
    if (bigButton(icon("information") + " " + tr("pro.open_provider", lang), ImVec2(ImGui::GetContentRegionAvail().x, 0),
                  Look::Secondary))
        out.push_back(core::intent::OpenProvider{actor.id});
}

// Beside the map: the spoken explanation, the tapped actor's card (first, so its QR code is in view),
// and the fields of work to filter by.
void actorPanel(const View& view, const core::DistrictMap&, Intents& out) {
    const std::string& lang = view.language();
    screenListen(view, "actors", out);
    beginScrollArea("##actors", ImVec2(0, 0));
    const auto shown = view.catalog.actors(view.session.current().topic);
    const auto chosen = std::find_if(shown.begin(), shown.end(),
                                     [&](const core::Provider* p) { return p->id == view.session.actor; });
    if (chosen != shown.end()) {
        actorCard(view, **chosen, out);
        ImGui::Spacing();
    }
    mutedText(countText("pro.actors_count", lang, shown.size()));
    std::vector<std::string> used;
    for (const core::Provider* actor : view.catalog.actors({}))
        used.insert(used.end(), actor->fields.begin(), actor->fields.end());
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    fieldFilter(view, used, view.portrait() ? 0 : half, out);
    if (chosen == shown.end()) paragraph(tr("pro.actors_hint", lang));
    endScrollArea();
}

}  // namespace

void drawActors(const View& view, Intents& out) { drawMapScreen(view, out, actorPanel); }

}  // namespace kiosk::ui
