// One provider: how to reach it, when it is open, and all its offers.
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

void labelled(const std::string& pictogram, const std::string& text) {
    if (!text.empty()) paragraph(icon(pictogram) + " " + text);
}

}  // namespace

void drawProvider(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::Provider* provider = view.catalog.provider(view.session.current().target);
    if (!provider) return;

    // Landscape: the contact's QR code in a column beside the details, at the reader's far side.
    const float side = view.portrait() || provider->phone.empty()
                           ? 0
                           : std::min(14.0f * em(), ImGui::GetContentRegionAvail().x * 0.3f);
    auto qrColumn = [&] {
        ImGui::BeginChild("##qr", ImVec2(side, 0));
        strongText(icon("qrcode") + " " + tr("offer.qr_contact", lang));
        contactQr(view, *provider, side);
        mutedText(tr("offer.qr_hint", lang));
        ImGui::EndChild();
    };
    if (side > 0 && rightToLeft()) {
        qrColumn();
        ImGui::SameLine(0, em());
    }
    // Name, address, phone and weekly hours, spoken: under the name, or at the bottom of an upright
    // screen, in reach from a wheelchair.
    const bool portrait = view.portrait();
    const float bottom = portrait ? bottomBlockHeight("##providerlisten") : 0;
    beginScrollArea("##provider",
                    ImVec2(side > 0 ? ImGui::GetContentRegionAvail().x - (rightToLeft() ? 0 : side + em()) : 0,
                           portrait ? std::max(6 * em(), ImGui::GetContentRegionAvail().y - bottom) : 0));
    titleText(view.catalog.text(*provider, core::ProviderText::Name, lang));
    if (provider->sample) tag(tr("sample.tag", lang));
    if (!portrait) screenListen(view, "provider:" + provider->id, out);
    paragraph(view.catalog.text(*provider, core::ProviderText::Description, lang));
    ImGui::Spacing();
    if (provider->national) labelled("web", tr("provider.national", lang));
    if (!provider->address.empty())
        labelled("map-marker", core::oneLineAddress(provider->address));
    if (!provider->phone.empty()) {
        headingText(icon("phone") + " " + provider->phone);
    }
    miniMap(view, *provider, std::min(ImGui::GetContentRegionAvail().x, 16.0f * em()));
    labelled("email", provider->email);
    labelled("web", provider->website);
    if (provider->hours) {
        ImGui::Spacing();
        headingText(icon("clock") + " " + tr("provider.hours", lang));
        openingStatusLine(*provider->hours, view.now, view.kiosk.holidays, lang);
        weeklyHours(*provider->hours, lang);
    }
    if (!provider->languages.empty()) {
        ImGui::Spacing();
        headingText(icon("translate") + " " + tr("offer.languages", lang));
        paragraph(languageList(provider->languages, lang));
    }
    if (const auto accessibility = view.catalog.text(*provider, core::ProviderText::Accessibility); !accessibility.empty()) {
        ImGui::Spacing();
        headingText(icon("wheelchair-accessibility") + " " + tr("provider.accessibility", lang));
        paragraph(accessibility.get(lang));
    }
    ImGui::Spacing();
    headingText(tr("provider.offers", lang));
    const auto offers = view.catalog.offersOf(provider->id);
    const int tapped = cardList("offers/" + provider->id + "/" + lang, offers.size(), [&](size_t i) {
        return CardText{offers[i]->id, view.catalog.text(*offers[i], core::OfferText::Title, lang),
                        {view.catalog.text(*offers[i], core::OfferText::Summary, lang)}};
    });
    if (tapped >= 0) out.push_back(core::intent::OpenOffer{offers[static_cast<size_t>(tapped)]->id});
    if (view.portrait() && !provider->phone.empty()) {
        ImGui::Spacing();
        headingText(icon("qrcode") + " " + tr("offer.qr_contact", lang));
        contactQr(view, *provider, 9 * em());
    }
    endScrollArea();
    if (portrait) {
        beginBottomBlock();
        screenListen(view, "provider:" + provider->id, out);
        endBottomBlock("##providerlisten");
    }

    if (side > 0 && !rightToLeft()) {
        ImGui::SameLine(0, em());
        qrColumn();
    }
}

}  // namespace kiosk::ui
