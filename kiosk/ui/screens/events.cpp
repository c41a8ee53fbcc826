// Talks, trainings and network meetings still to come, soonest first; one that has begun says so.
// Past events are never shown.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void drawEvents(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("calendar-clock") + " " + tr("pro.events", lang));
    screenListen(view, "events", out);
    ImGui::Spacing();
    beginScrollArea("##events", ImVec2(0, 0));
    const auto events = core::visibleEvents(view.catalog.events, view.now);
    if (events.empty()) paragraph(tr("pro.no_events", lang));
    for (const core::Event* event : events) {
        std::string when = eventWhen(*event, lang);
        if (core::eventState(*event, view.now) == core::EventState::Running) when += " · " + tr("pro.running", lang);
        std::vector<std::string> lines{icon("clock") + " " + when, icon("map-marker") + " " + eventWhere(view, *event)};
        if (!event->registration.empty()) lines.push_back(icon("qrcode") + " " + tr("pro.register", lang));
        if (card(event->id, event->title.get(lang), lines))
            out.push_back(core::intent::OpenProfessional{core::ScreenId::Event, event->id});
    }
    endScrollArea();
}

}  // namespace kiosk::ui
