// One offer: what it is, who may use it, who gives it, when they are open, and two QR codes to take home.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

void section(const std::string& label, const std::string& text) {
    if (text.empty()) return;
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopFont();
    paragraph(text);
}

void providerBox(const View& view, const core::Provider& provider, Intents& out) {
    const std::string& lang = view.language();
    ImGui::Spacing();
    headingText(icon("map-marker") + " " + tr("offer.provider", lang));
    paragraph(provider.name.get(lang));
    if (!provider.address.empty())
        paragraph(provider.address.street + ", " + provider.address.postalCode + " " + provider.address.municipality);
    if (!provider.phone.empty()) {
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted((icon("phone") + " " + provider.phone).c_str());
        ImGui::PopFont();
    }
    if (provider.sample) tag(tr("sample.tag", lang));
    if (provider.hours) openingStatusLine(*provider.hours, view.now, lang);
    if (bigButton(tr("offer.show_provider", lang) + " " + icon("chevron-right"), ems(0, 0), Look::Secondary))
        out.push_back(core::intent::OpenProvider{provider.id});
}

void qrCodes(const View& view, const core::Offer& offer, const core::Provider* provider, bool sideBySide) {
    const std::string& lang = view.language();
    const float side = sideBySide ? std::min(10.0f * em(), ImGui::GetContentRegionAvail().x * 0.45f)
                                  : std::min(9.0f * em(), ImGui::GetContentRegionAvail().x);
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted((icon("qrcode") + " " + tr("offer.qr_link", lang)).c_str());
    ImGui::PopFont();
    linkQr(view, offer.url, side);
    ImGui::EndGroup();
    if (provider && !provider->phone.empty()) {
        if (sideBySide) ImGui::SameLine(0, 2 * em());
        ImGui::BeginGroup();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted((icon("phone") + " " + tr("offer.qr_contact", lang)).c_str());
        ImGui::PopFont();
        contactQr(view, *provider, side);
        ImGui::EndGroup();
    }
    mutedText(tr("offer.qr_hint", lang));
}

}  // namespace

void drawOffer(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::Offer* offer = view.catalog.offer(view.session.current().target);
    if (!offer) return;
    const core::Provider* provider = view.catalog.provider(offer->providerId);

    auto details = [&] {
        titleText(offer->title.get(lang));
        headingText(offer->summary.get(lang));
        paragraph(offer->description.get(lang));
        section(icon("account-multiple") + " " + tr("offer.eligibility", lang), offer->eligibility.get(lang));
        section(icon("currency-eur") + " " + tr("offer.cost", lang), offer->cost.get(lang));
        section(icon("translate") + " " + tr("offer.languages", lang), languageList(offer->languages, lang));
    };

    if (view.portrait()) {
        beginScrollArea("##offer", ImVec2(0, 0));
        details();
        ImGui::Spacing();
        qrCodes(view, *offer, provider, true);
        if (provider) providerBox(view, *provider, out);
        endScrollArea();
    } else {
        const float right = std::min(22.0f * em(), ImGui::GetContentRegionAvail().x * 0.4f);
        beginScrollArea("##offer", ImVec2(ImGui::GetContentRegionAvail().x - right - em(), 0));
        details();
        if (provider) providerBox(view, *provider, out);
        endScrollArea();
        ImGui::SameLine(0, em());
        ImGui::BeginChild("##qr", ImVec2(right, 0));
        qrCodes(view, *offer, provider, false);
        ImGui::EndChild();
    }
}

}  // namespace kiosk::ui
