// Pieces the professionals' screens share: the field-of-work filter, an event's time and place,
// and a person's or office's contact as a QR code.
#include "kiosk/core/contact_card.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/picture_textures.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <fmt/format.h>

namespace kiosk::ui {

void fieldFilter(const View& view, const std::vector<std::string>& fields, float buttonWidth, Intents& out) {
    const std::string& lang = view.language();
    const std::string& chosen = view.session.current().topic;
    Row row;  // from the right for a right-to-left reader
    auto button = [&](const std::string& id, const std::string& label) {
        const bool on = chosen == id;
        // The choice is said by a tick as well as by the colour.
        if (row.button((on ? icon("check") + " " : std::string()) + label, ImVec2(buttonWidth, 0),
                       on ? Look::Selected : Look::Secondary))
            out.push_back(core::intent::FilterField{id});
    };
    button("", tr("pro.all_fields", lang));
    for (const std::string& id : core::fieldsOfWork())
        if (std::find(fields.begin(), fields.end(), id) != fields.end()) button(id, tr("field." + id, lang));
}

std::string eventWhen(const core::Event& event, const std::string& language) {
    const auto day = [](core::Date d) { return fmt::format("{:02}.{:02}.{}", d.day, d.month, d.year); };
    const std::string weekday = tr("day." + std::to_string(static_cast<int>(core::weekdayOf(event.start.date))), language);
    std::string text = weekday + ", " + day(event.start.date) + ", " + core::clockTime(event.start.minuteOfDay) + "–";
    if (event.end.date != event.start.date) text += day(event.end.date) + ", ";
    return text + core::clockTime(event.end.minuteOfDay);
}

std::string eventWhere(const View& view, const core::Event& event) {
    const core::EventPlace& place = event.place;
    if (place.online) return tr("pro.online", view.language());
    if (const core::Provider* provider = view.catalog.provider(place.provider))
        return view.catalog.text(*provider, core::ProviderText::Name, view.language()) + ", " + core::oneLineAddress(provider->address);
    return core::oneLineAddress({place.street, place.postalCode, place.municipality});
}

const Texture* practicePicture(const View& view, const core::Practice& practice) {
    if (!view.pictures || practice.image.empty()) return nullptr;
    return view.pictures->get(view.audio.mediaDir / practice.image);
}

void practicePictureBlock(const View& view, const core::Practice& practice) {
    if (!view.pictures || practice.image.empty()) return;
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(available, 16 * em());
    const ImVec2 size(width, width * 0.75f);
    if (!ImGui::IsRectVisible(size)) {  // scrolled away: its place is kept, its texture may go
        ImGui::Dummy(size);
        return;
    }
    const Texture* texture = practicePicture(view, practice);
    if (!texture) return;  // cannot be shown (not there, damaged): no empty frame either
    if (rightToLeft()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + available - width);
    ImGui::Dummy(size);
    drawPicture(*ImGui::GetWindowDrawList(), *texture, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0.5f * em());
}

void personQr(const View& view, const std::string& name, const std::string& phone, const std::string& email,
              const core::Address& address, float side) {
    // A vCard as for a provider: the same card a phone saves from a provider's QR code.
    core::Provider person;
    person.name.set(std::string(core::kReferenceLanguage), name);
    person.phone = phone;
    person.email = email;
    person.address = address;
    if (const Texture* texture = view.qr.get(core::contactCard(person, view.language()))) qrImage(*texture, side);
}

}  // namespace kiosk::ui

namespace kiosk::ui {

void detailWithQr(const View& view, const char* id, const std::function<void()>& body,
                  const std::function<void(float side)>& qr) {
    const bool portrait = view.portrait();
    const float side = portrait || !qr ? 0 : std::min(14.0f * em(), ImGui::GetContentRegionAvail().x * 0.3f);
    auto column = [&] {
        ImGui::BeginChild("##qrcolumn", ImVec2(side, 0));
        qr(side);
        ImGui::EndChild();
    };
    if (side > 0 && rightToLeft()) {
        column();
        ImGui::SameLine(0, em());
    }
    beginScrollArea(id, ImVec2(side > 0 ? ImGui::GetContentRegionAvail().x - (rightToLeft() ? 0 : side + em()) : 0, 0));
    body();
    if (portrait && qr) {
        ImGui::Spacing();
        qr(std::min(10.0f * em(), ImGui::GetContentRegionAvail().x));
    }
    endScrollArea();
    if (side > 0 && !rightToLeft()) {
        ImGui::SameLine(0, em());
        column();
    }
}

}  // namespace kiosk::ui
