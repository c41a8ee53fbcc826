// Good practice: the network's examples, filtered by field of work; a tap opens one.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void drawPractices(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("star") + " " + tr("pro.practices", lang));
    screenListen(view, "practices", out);
    std::vector<std::string> used;
    for (const core::Practice& practice : view.catalog.practices)
        used.insert(used.end(), practice.fields.begin(), practice.fields.end());
    fieldFilter(view, used, 0, out);
    ImGui::Spacing();
    beginScrollArea("##practices", ImVec2(0, 0));
    const auto shown = view.catalog.practicesOf(view.session.current().topic);
    if (shown.empty()) paragraph(tr("pro.no_practices", lang));
    for (const core::Practice* practice : shown) {
        std::vector<std::string> lines{practice->summary.get(lang)};
        std::string where = practice->municipality;
        if (!practice->fields.empty())
            where += (where.empty() ? "" : " · ") + tr("field." + practice->fields.front(), lang);
        if (!where.empty()) lines.push_back(icon("map-marker") + " " + where);
        if (card(practice->id, practice->title.get(lang), lines,
                 practice->image.empty() ? std::function<const Texture*()>() : [&] { return practicePicture(view, *practice); }))
            out.push_back(core::intent::OpenProfessional{core::ScreenId::Practice, practice->id});
    }
    endScrollArea();
}

}  // namespace kiosk::ui
