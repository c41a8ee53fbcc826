// One example of good practice: what is done, where, by whom, and whom to ask (contact as QR code).
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <fmt/format.h>

namespace kiosk::ui {

void drawPractice(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::Practice* practice = view.catalog.practice(view.session.current().target);
    if (!practice) return;
    const core::ContactPerson& contact = practice->contact;
    auto body = [&] {
        titleText(practice->title.get(lang));
        practicePictureBlock(view, *practice);
        if (practice->sample) tag(tr("sample.tag", lang));
        listenButton(view, "practice:" + practice->id, practice->audio, out);  // when the content names one
        listenControls(view, "practice:" + practice->id, out);
        std::string fields;
        for (const auto& id : practice->fields) fields += (fields.empty() ? "" : tr("offer.separator", lang)) + tr("field." + id, lang);
        mutedText(fields);
        std::string status = practice->status.get(lang);
        if (practice->started)
            status += (status.empty() ? "" : " · ") +
                      fmt::format(fmt::runtime(tr("pro.since", lang)),
                                  fmt::format("{:02}.{}", practice->started->month, practice->started->year));
        if (!practice->municipality.empty()) paragraph(icon("map-marker") + " " + practice->municipality);
        if (!status.empty()) paragraph(icon("clock") + " " + status);
        strongText(practice->summary.get(lang));
        paragraph(practice->description.get(lang));
        if (!practice->providers.empty()) {
            ImGui::Spacing();
            headingText(tr("pro.involved", lang));
            for (const auto& id : practice->providers)
                if (const core::Provider* provider = view.catalog.provider(id))
                    if (card(id, view.catalog.text(*provider, core::ProviderText::Name, lang), {core::oneLineAddress(provider->address)}))
                        out.push_back(core::intent::OpenProvider{id});
        }
        ImGui::Spacing();
        headingText(icon("account") + " " + tr("pro.contact", lang));
        if (!contact.name.empty()) paragraph(contact.name);
        if (!contact.phone.empty()) strongText(icon("phone") + " " + contact.phone);
        if (!contact.email.empty()) paragraph(icon("email") + " " + contact.email);
    };
    auto qr = [&](float side) {
        strongText(icon("qrcode") + " " + tr("pro.contact_qr", lang));
        personQr(view, contact.name.empty() ? practice->title.get(core::kReferenceLanguage) : contact.name, contact.phone,
                 contact.email, {}, side);
    };
    detailWithQr(view, "##practice", body, qr);
}

}  // namespace kiosk::ui
