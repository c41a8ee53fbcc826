// The network's working groups, and "Werden Sie Teil des Netzwerks": how to join, with the network
// office's contact as a QR code.
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

void group(const View& view, const core::WorkingGroup& g) {
    const std::string& lang = view.language();
    headingText(icon("forum") + " " + g.title.get(lang));
    std::string fields;
    for (const auto& id : g.fields) fields += (fields.empty() ? "" : tr("offer.separator", lang)) + tr("field." + id, lang);
    if (!fields.empty()) mutedText(fields);
    paragraph(g.purpose.get(lang));
    if (!g.meets.empty()) paragraph(icon("clock") + " " + tr("pro.meets", lang) + ": " + g.meets.get(lang));
    if (!g.join.empty()) paragraph(icon("human-greeting") + " " + tr("pro.how_join", lang) + ": " + g.join.get(lang));
    std::string contact = g.contact.name;
    for (const std::string* part : {&g.contact.phone, &g.contact.email})
        if (!part->empty()) contact += (contact.empty() ? "" : " · ") + *part;
    if (!contact.empty()) paragraph(icon("phone") + " " + contact);
    ImGui::Spacing();
}

}  // namespace

void drawGroups(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::NetworkInfo& network = view.catalog.network;
    auto body = [&] {
        titleText(icon("forum") + " " + tr("pro.groups", lang));
        screenListen(view, "groups", out);
        if (view.catalog.workingGroups.empty()) paragraph(tr("pro.no_groups", lang));
        for (const core::WorkingGroup& g : view.catalog.workingGroups) group(view, g);
        ImGui::Spacing();
        titleText(icon("human-greeting") + " " + tr("pro.join", lang));
        paragraph(tr("pro.join_body", lang));
        headingText(tr("pro.office", lang) + ": " + network.name.get(lang));
        if (!network.address.empty()) paragraph(icon("map-marker") + " " + core::oneLineAddress(network.address));
        if (!network.phone.empty()) headingText(icon("phone") + " " + network.phone);
        if (network.hours) {
            headingText(icon("clock") + " " + tr("about.service_hours", lang));
            weeklyHours(*network.hours, lang);
        }
    };
    auto qr = [&](float side) {
        headingText(icon("human-greeting") + " " + tr("pro.join", lang));
        if (!network.phone.empty()) strongText(icon("phone") + " " + network.phone);
        mutedText(icon("qrcode") + " " + tr("pro.office", lang) + " · " + tr("pro.contact_qr", lang));
        personQr(view, network.name.get(core::kReferenceLanguage), network.phone, {}, network.address, side);
    };
    detailWithQr(view, "##groups", body, qr);
}

}  // namespace kiosk::ui
