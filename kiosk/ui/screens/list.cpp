// The family's list: what it chose to take home, as a printed slip or as QR codes to photograph.
#include "kiosk/core/public_url.hpp"
#include "kiosk/core/spoken.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

void printStatus(const View& view) {
    const std::string& lang = view.language();
    switch (view.print.state) {
    case PrintView::State::Idle: break;
    case PrintView::State::Printing: headingText(icon("printer") + " " + tr("print.printing", lang)); break;
    case PrintView::State::Done: strongText(icon("check") + " " + tr("print.done", lang), palette().open); break;
    case PrintView::State::Failed:
        strongText(icon("alert") + " " + tr(view.print.problemKey, lang), palette().closed);
        break;
    }
}

}  // namespace

void drawList(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("star") + " " + tr("list.title", lang));
    if (view.session.chosen.empty()) {
        paragraph(tr("list.empty", lang));
        return;
    }
    paragraph(tr("list.intro", lang));
    // Print, QR codes and listening: under the intro, or at the bottom of an upright screen, in reach
    // from a wheelchair.
    auto actions = [&] {
        {
            Row row;  // from the right for a right-to-left reader
            if (view.print.available && row.button(icon("printer") + " " + tr("list.print", lang), ems(12, 0)) &&
                view.print.state != PrintView::State::Printing)
                out.push_back(core::intent::PrintList{});
            if (row.button(icon("qrcode") + " " + tr("list.show_qr", lang), ems(12, 0), Look::Secondary))
                out.push_back(core::intent::ShowListQr{});
            if (const auto audio = core::explanationAudio(view.catalog, "list"))
                listenButton(view, "list", *audio, out, &row);
        }
        listenControls(view, "list", out);
        printStatus(view);
        ImGui::Spacing();
    };
    const bool portrait = view.portrait();
    if (!portrait) actions();
    const float bottom = portrait ? bottomBlockHeight("##listactions") : 0;
    beginScrollArea("##list", ImVec2(0, portrait ? std::max(6 * em(), ImGui::GetContentRegionAvail().y - bottom) : 0));
    for (const std::string& id : view.session.chosen) {
        const core::Offer* offer = view.catalog.offer(id);
        if (!offer) continue;
        const core::Provider* provider = view.catalog.provider(offer->providerId);
        std::vector<std::string> lines;
        if (provider) {
            lines.push_back(icon("map-marker") + " " + view.catalog.text(*provider, core::ProviderText::Name, lang));
            if (!provider->phone.empty()) lines.push_back(icon("phone") + " " + provider->phone);
        }
        if (card(id, view.catalog.text(*offer, core::OfferText::Title, lang), lines)) out.push_back(core::intent::OpenOffer{id});
        ImGui::PushID(id.c_str());
        // Under the card's far end: the right, or the left for a right-to-left reader.
        const std::string remove = icon("close") + " " + tr("list.remove", lang);
        const float removeWidth = bigButtonWidth(remove, 0);
        if (!rightToLeft()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - removeWidth);
        if (bigButton(remove, ems(0, 0), Look::Secondary)) out.push_back(core::intent::RemoveFromList{id});
        ImGui::PopID();
    }
    endScrollArea();
    if (portrait) {
        beginBottomBlock();
        actions();
        endBottomBlock("##listactions");
    }
}

void drawListQr(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("qrcode") + " " + tr("list.qr_title", lang));
    // How to use the codes, spoken: under the title, or at the bottom of an upright screen.
    const bool portrait = view.portrait();
    if (!portrait) screenListen(view, "qr", out);
    const float bottom = portrait ? bottomBlockHeight("##qrlisten") : 0;
    beginScrollArea("##listqr", ImVec2(0, portrait ? std::max(6 * em(), ImGui::GetContentRegionAvail().y - bottom) : 0));
    // As large as two fit side by side (one in portrait), each with its offer's title above.
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = view.portrait() ? 1 : 2;
    const float side = std::min(16.0f * em(), (width - (columns - 1) * 2 * em()) / columns - em());
    const float left = ImGui::GetCursorPosX();
    int column = 0;
    for (const std::string& id : view.session.chosen) {
        const core::Offer* offer = view.catalog.offer(id);
        if (!offer) continue;
        const std::string link = core::offerLink(view.catalog, *offer, lang);
        if (link.empty()) continue;
        // The first code on the left, or on the right for a right-to-left reader.
        const int shownColumn = rightToLeft() ? columns - 1 - column : column;
        if (column > 0) ImGui::SameLine();
        ImGui::SetCursorPosX(left + static_cast<float>(shownColumn) * (width / static_cast<float>(columns)));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width / columns - 2 * em());
        headingText(view.catalog.text(*offer, core::OfferText::Title, lang));
        ImGui::PopTextWrapPos();
        if (rightToLeft())  // under the title's start, on the right
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width / static_cast<float>(columns) - 2 * em() - side);
        linkQr(view, link, side);
        ImGui::EndGroup();
        column = (column + 1) % columns;
        if (column == 0) ImGui::Spacing();
    }
    endScrollArea();
    if (portrait) {
        beginBottomBlock();
        screenListen(view, "qr", out);
        endBottomBlock("##qrlisten");
    }
}

}  // namespace kiosk::ui
