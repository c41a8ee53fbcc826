// The search: what the family typed, the offers it finds as it types, and the keyboard below.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/still_picture.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kiosk::ui {
namespace {

// The field the letters go into: a box with a magnifier on the reading side, the text and a caret.
// Arabic typed reads from the right, joined, with the caret on its left, also in a left-to-right
// language (the field's direction follows its first letter, as dir="auto" does).
void searchField(const View& view) {
    const std::string& lang = view.language();
    const std::string& text = view.session.searchText;
    const ImVec2 size(ImGui::GetContentRegionAvail().x, 2.6f * em());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    framedRect(*draw, min, max, palette().surface, palette().primary, 0.4f * em(), std::max(2.0f, 0.1f * em()));
    const bool rtl = text.empty() ? rightToLeft() : writtenRightToLeft(text, rightToLeft());
    const std::string magnifier = icon("magnify") + " ";
    const std::string words = text.empty() ? shapeLine(tr("search.placeholder", lang), rightToLeft())
                                           : rtl ? "|" + shapeLine(text, true) : shapeLine(text, false) + "|";
    const std::string shown = rtl ? words + " " + icon("magnify") : magnifier + words;
    const float padding = 0.6f * em();
    const float width = ImGui::CalcTextSize(shown.c_str(), shown.c_str() + shown.size()).x;
    const ImVec2 at(rtl ? max.x - padding - width : min.x + padding, min.y + (size.y - ImGui::GetTextLineHeight()) * 0.5f);
    draw->AddText(at, text.empty() ? palette().textMuted : palette().text, shown.c_str(), shown.c_str() + shown.size());
    // What a replay sees: the words as typed (logical order), the caret after them.
    noteVisibleText(magnifier + (text.empty() ? tr("search.placeholder", lang) : text + "|"), min, max);
    // An item that takes taps (and does nothing with them), so that taps on it are a family's, not
    // staff's corner gesture.
    ImGui::InvisibleButton("##search-field", size);
}

// Topics as buttons that search for their name: never a dead end.
void suggestions(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& topic : view.catalog.topics) {
        const std::string label = icon(topic.icon) + " " + topic.title.get(lang);
        const float width = ImGui::CalcTextSize(label.c_str()).x + 1.6f * em();
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        first = false;
        if (bigButton(label, ImVec2(0, 0), Look::Secondary)) out.push_back(core::intent::SetSearch{topic.title.get(lang)});
    }
}

}  // namespace

void drawSearch(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const float keyboard = onScreenKeyboardHeight(view);
    const ImVec2 top = ImGui::GetCursorPos();

    // The keyboard first (drawn at the bottom), so its keys are the first things to tap in a replay.
    ImGui::SetCursorPos(ImVec2(top.x, top.y + area.y - keyboard));
    ImGui::BeginGroup();
    beginStillPicture("##keys", palette().background);  // the same keys while a family types
    onScreenKeyboard(view, out);
    endStillPicture();
    ImGui::EndGroup();

    ImGui::SetCursorPos(top);
    searchField(view);
    ImGui::Spacing();
    const float resultsHeight = std::max(4.0f * em(), area.y - keyboard - (ImGui::GetCursorPosY() - top.y) -
                                                           ImGui::GetStyle().ItemSpacing.y);
    beginScrollArea("##results", ImVec2(0, resultsHeight));
    const std::vector<std::string> none;
    const auto& results = view.searchResults ? *view.searchResults : none;
    // Without results: the help and the topics right above the keyboard on an upright screen, in
    // reach from a wheelchair (its height is known from the frame before).
    auto helpBlock = [&](const char* id, auto&& draw) {
        const float block = view.portrait() ? bottomBlockHeight(id) : 0;
        // Less the area's own padding above and below, so that no scroll bar appears.
        const float room = resultsHeight - block - 2 * ImGui::GetStyle().WindowPadding.y - ImGui::GetStyle().ItemSpacing.y;
        if (block > 0 && room > 0) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + room);
        beginBottomBlock();
        draw();
        endBottomBlock(id);
    };
    if (view.session.searchText.empty()) {
        helpBlock("##searchhelp", [&] {
            paragraph(tr("search.intro", lang));
            if (!view.portrait()) screenListen(view, "search", out);
            suggestions(view, out);
            if (view.portrait()) screenListen(view, "search", out);  // nearest the keyboard: in reach
        });
    } else if (results.empty()) {
        helpBlock("##nothingfound", [&] {
            paragraph(fmt::format(fmt::runtime(tr("search.nothing", lang)), view.session.searchText));
            suggestions(view, out);
        });
    } else {
        mutedText(countText("search.count", lang, results.size()));
        // Only the cards in view are laid out: a short word may find thousands.
        const int tapped = cardList("results/" + view.session.searchText + "/" + lang, results.size(), [&](size_t i) {
            const core::Offer* offer = view.catalog.offer(results[i]);
            if (!offer) return CardText{results[i], results[i], {}};  // the search and the catalog are one database
            CardText text{offer->id, view.catalog.text(*offer, core::OfferText::Title, lang),
                          {view.catalog.text(*offer, core::OfferText::Summary, lang)}};
            if (const core::Provider* provider = view.catalog.provider(offer->providerId))
                text.lines.push_back(icon("map-marker") + " " + view.catalog.text(*provider, core::ProviderText::Name, lang) +
                                     (provider->address.municipality.empty() ? "" : ", " + provider->address.municipality));
            return text;
        });
        if (tapped >= 0) out.push_back(core::intent::OpenOffer{results[static_cast<size_t>(tapped)]});
    }
    endScrollArea();
}

}  // namespace kiosk::ui
