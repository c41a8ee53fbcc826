// One event: when, where, for whom, what it costs, and a QR code to register (its web address, else
// an email or a phone call). A past event says so and offers no registration.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void drawEvent(const View& view, Intents&) {
    const std::string& lang = view.language();
    const core::Event* event = view.catalog.event(view.session.current().target);
    if (!event) return;
    const core::EventState state = core::eventState(*event, view.now);
    const core::Registration& registration = event->registration;
    auto body = [&] {
        titleText(event->title.get(lang));
        if (event->sample) tag(tr("sample.tag", lang));
        if (state == core::EventState::Past) strongText(icon("alert") + " " + tr("pro.over", lang));
        if (state == core::EventState::Running) strongText(icon("clock") + " " + tr("pro.running", lang));
        headingText(icon("clock") + " " + eventWhen(*event, lang));
        paragraph(icon("map-marker") + " " + eventWhere(view, *event));
        if (!event->audience.empty()) paragraph(tr("pro.audience", lang) + ": " + event->audience.get(lang));
        paragraph(tr("pro.cost", lang) + ": " + (event->cost.empty() ? tr("pro.free", lang) : event->cost.get(lang)));
        if (!event->capacity.empty()) paragraph(event->capacity.get(lang));
        ImGui::Spacing();
        paragraph(event->description.get(lang));
        ImGui::Spacing();
        headingText(tr("pro.register", lang));
        if (registration.empty()) paragraph(tr("pro.no_register", lang));
        if (!registration.url.empty()) paragraph(icon("web") + " " + registration.url);
        if (!registration.email.empty()) paragraph(icon("email") + " " + registration.email);
        if (!registration.phone.empty()) strongText(icon("phone") + " " + registration.phone);
    };
    std::function<void(float)> qr;
    if (!registration.empty() && state != core::EventState::Past)
        qr = [&](float side) {
            strongText(icon("qrcode") + " " + tr("pro.register_qr", lang));
            linkQr(view, registration.qrText(), side);
        };
    detailWithQr(view, "##event", body, qr);
}

}  // namespace kiosk::ui
