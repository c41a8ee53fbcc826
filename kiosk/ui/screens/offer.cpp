// One offer: what it is, who may use it, who gives it, when they are open, and two QR codes to take home.
#include "kiosk/core/public_url.hpp"
#include "kiosk/core/text_format.hpp"
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
    strongText(label);
    paragraph(text);
}

void providerBox(const View& view, const core::Provider& provider, Intents& out) {
    const std::string& lang = view.language();
    headingText(icon("map-marker") + " " + tr("offer.provider", lang));
    strongText(view.catalog.text(provider, core::ProviderText::Name, lang));
    if (!provider.address.empty())
        paragraph(core::oneLineAddress(provider.address));
    if (!provider.phone.empty()) {
        headingText(icon("phone") + " " + provider.phone);
    }
    if (provider.sample) tag(tr("sample.tag", lang));
    if (provider.hours) openingStatusLine(*provider.hours, view.now, view.kiosk.holidays, lang);
    if (bigButton(tr("offer.show_provider", lang) + " " + icon(isRightToLeft(lang) ? "chevron-left" : "chevron-right"),
                  ems(0, 0), Look::Secondary))
        out.push_back(core::intent::OpenProvider{provider.id});
}

// A QR code with its caption underneath, wrapped to the code's width so two fit side by side.
template <typename DrawCode>
void captionedQr(const std::string& caption, float side, DrawCode drawCode) {
    ImGui::BeginGroup();
    drawCode(side);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side);
    strongText(caption);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void qrCodes(const View& view, const core::Offer& offer, const core::Provider* provider) {
    const std::string& lang = view.language();
    const float side = std::min(10.0f * em(), (ImGui::GetContentRegionAvail().x - 2 * em()) * 0.5f);
    {
        // The offer's own code first: on the left, or on the right for a right-to-left reader.
        Row row(2 * em());
        row.place(side);
        captionedQr(icon("qrcode") + " " + tr("offer.qr_link", lang), side,
                    [&](float s) { linkQr(view, core::offerLink(view.catalog, offer, lang), s); });
        if (provider && !provider->phone.empty()) {
            row.place(side);
            captionedQr(icon("phone") + " " + tr("offer.qr_contact", lang), side,
                        [&](float s) { contactQr(view, *provider, s); });
        }
    }
    mutedText(tr("offer.qr_hint", lang));
}

void listButton(const View& view, const core::Offer& offer, Row& row, Intents& out) {
    const std::string& lang = view.language();
    if (view.session.isChosen(offer.id)) {
        if (row.button(icon("close") + " " + tr("list.remove_this", lang), ems(8, 0), Look::Secondary))
            out.push_back(core::intent::RemoveFromList{offer.id});
    } else if (row.button(icon("star") + " " + tr("list.add", lang), ems(8, 0))) {
        out.push_back(core::intent::AddToList{offer.id});
    }
}

}  // namespace

void drawOffer(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::Offer* offer = view.catalog.offer(view.session.current().target);
    if (!offer) return;
    const core::Provider* provider = view.catalog.provider(offer->providerId);

    // Listen and take it home: the two things to do with an offer, first in view (under the title, or
    // at the bottom of an upright screen, in reach from a wheelchair).
    auto actions = [&] {
        const std::string explanation = "offer:" + offer->id;
        {
            Row row;  // from the right for a right-to-left reader
            listenButton(view, explanation, view.catalog.text(*offer, core::OfferText::Audio), out, &row);
            listButton(view, *offer, row, out);
        }
        listenControls(view, explanation, out);
    };
    auto details = [&] {
        const core::Catalog& catalog = view.catalog;
        titleText(catalog.text(*offer, core::OfferText::Title, lang));
        if (!view.portrait()) actions();
        strongText(catalog.text(*offer, core::OfferText::Summary, lang));
        paragraph(catalog.text(*offer, core::OfferText::Description, lang));
        section(icon("account-multiple") + " " + tr("offer.eligibility", lang),
                catalog.text(*offer, core::OfferText::Eligibility, lang));
        section(icon("currency-eur") + " " + tr("offer.cost", lang), catalog.text(*offer, core::OfferText::Cost, lang));
        section(icon("translate") + " " + tr("offer.languages", lang), languageList(offer->languages, lang));
    };

    if (view.portrait()) {
        const float bottom = bottomBlockHeight("##offeractions");
        beginScrollArea("##offer", ImVec2(0, std::max(6 * em(), ImGui::GetContentRegionAvail().y - bottom)));
        details();
        if (provider) providerBox(view, *provider, out);
        ImGui::Spacing();
        if (provider) miniMap(view, *provider, std::min(ImGui::GetContentRegionAvail().x, 16.0f * em()));
        endScrollArea();
        // Below the texts and always in view: the QR codes to take home, then listen and the list.
        beginBottomBlock();
        qrCodes(view, *offer, provider);
        actions();
        endBottomBlock("##offeractions");
    } else {
        // Texts first (on the left, or the right for a right-to-left reader); who helps, when, and the
        // QR codes to take home beside them, always in view.
        const float side = std::min(24.0f * em(), ImGui::GetContentRegionAvail().x * 0.42f);
        const float main = ImGui::GetContentRegionAvail().x - side - em();
        auto texts = [&] {
            beginScrollArea("##offer", ImVec2(main, 0));
            details();
            if (provider) {  // where it is, below the texts: the QR codes beside them stay in view
                ImGui::Spacing();
                miniMap(view, *provider, std::min(ImGui::GetContentRegionAvail().x, 16.0f * em()));
            }
            endScrollArea();
        };
        auto who = [&] {
            beginScrollArea("##who", ImVec2(side, 0));
            if (provider) providerBox(view, *provider, out);
            ImGui::Spacing();
            qrCodes(view, *offer, provider);
            endScrollArea();
        };
        if (isRightToLeft(lang)) {
            who();
            ImGui::SameLine(0, em());
            texts();
        } else {
            texts();
            ImGui::SameLine(0, em());
            who();
        }
    }
}

}  // namespace kiosk::ui
