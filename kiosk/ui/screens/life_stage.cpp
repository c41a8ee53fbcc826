// The offers for one life stage, narrowed by topic, as cards to drag and tap.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/widgets.hpp"

#include <fmt/format.h>

namespace kiosk::ui {
namespace {

// The topic filters and the map: a column (landscape), or rows that wrap like words in a line and
// run from the right for a right-to-left reader (portrait).
void topicButtons(const View& view, const std::vector<const core::Topic*>& topics, const std::string& selected,
                  bool vertical, Intents& out) {
    const std::string& lang = view.language();
    const float width = ImGui::GetContentRegionAvail().x;
    Row row;
    auto button = [&](const std::string& label, Look look) {
        return vertical ? bigButton(label, ImVec2(width, 0), look) : row.button(label, ImVec2(0, 0), look);
    };
    auto topicButton = [&](const std::string& label, const std::string& topicId) {
        if (button(label, topicId == selected ? Look::Selected : Look::Secondary))
            out.push_back(core::intent::FilterTopic{topicId});
    };
    topicButton(icon("star") + " " + tr("stage.all_topics", lang), "");
    for (const core::Topic* topic : topics) topicButton(icon(topic->icon) + " " + topic->title.get(lang), topic->id);
    if (vertical) ImGui::Spacing();
    if (button(icon("map") + " " + tr("map.show", lang), Look::Primary))
        out.push_back(core::intent::OpenMap{});  // the map with this life stage's (and topic's) places
}

// Only the cards in view are laid out: a life stage may have thousands of offers.
void offerCards(const View& view, const std::string& listKey, const std::vector<const core::Offer*>& offers,
                Intents& out) {
    const std::string& lang = view.language();
    if (offers.empty()) paragraph(tr("stage.empty", lang));
    const int tapped = cardList(listKey + "/" + lang, offers.size(), [&](size_t i) {
        const core::Offer* offer = offers[i];
        CardText text{offer->id, view.catalog.text(*offer, core::OfferText::Title, lang),
                      {view.catalog.text(*offer, core::OfferText::Summary, lang)}};
        if (const core::Provider* provider = view.catalog.provider(offer->providerId)) {
            std::string where = icon("map-marker") + " " + view.catalog.text(*provider, core::ProviderText::Name, lang);
            if (!provider->address.municipality.empty()) where += ", " + provider->address.municipality;
            text.lines.push_back(where);
            if (provider->hours) {
                bool open = false;
                std::string status = openingStatusText(*provider->hours, view.now, view.kiosk.holidays, lang, &open);
                text.lines.push_back(icon(open ? "check" : "clock") + " " + status);
            }
        }
        return text;
    });
    if (tapped >= 0) out.push_back(core::intent::OpenOffer{offers[static_cast<size_t>(tapped)]->id});
}

}  // namespace

void drawLifeStage(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::ScreenRef& screen = view.session.current();
    const core::LifeStage* stage = view.catalog.lifeStage(screen.target);
    if (!stage) return;
    const auto topics = view.catalog.topicsFor(stage->id);
    const auto offers = view.catalog.offersFor(stage->id, screen.topic);
    const std::string listKey = stage->id + "/" + screen.topic;

    titleText(icon(stage->icon) + " " + stage->title.get(lang));
    mutedText(stage->ages.get(lang) + " · " +
              countText("stage.count", lang, offers.size()));
    if (view.portrait()) {
        // The offers, then listening and the topics under them: in reach from a wheelchair.
        const float bottom = bottomBlockHeight("##stagecontrols");
        beginScrollArea("##offers", ImVec2(0, std::max(6 * em(), ImGui::GetContentRegionAvail().y - bottom)));
        offerCards(view, listKey, offers, out);
        endScrollArea();
        beginBottomBlock();
        screenListen(view, "stage:" + stage->id, out);
        topicButtons(view, topics, screen.topic, false, out);
        endBottomBlock("##stagecontrols");
        return;
    }
    screenListen(view, "stage:" + stage->id, out);
    if (isRightToLeft(lang)) {  // the topics where this reader starts: on the right
        const float topicsWidth = 16 * em();
        beginScrollArea("##offers", ImVec2(ImGui::GetContentRegionAvail().x - topicsWidth - ImGui::GetStyle().ItemSpacing.x, 0));
        offerCards(view, listKey, offers, out);
        endScrollArea();
        ImGui::SameLine();
        beginScrollArea("##topics", ImVec2(topicsWidth, 0));
        topicButtons(view, topics, screen.topic, true, out);
        endScrollArea();
    } else {
        beginScrollArea("##topics", ImVec2(16 * em(), 0));
        topicButtons(view, topics, screen.topic, true, out);
        endScrollArea();
        ImGui::SameLine();
        beginScrollArea("##offers", ImVec2(0, 0));
        offerCards(view, listKey, offers, out);
        endScrollArea();
    }
}

}  // namespace kiosk::ui
