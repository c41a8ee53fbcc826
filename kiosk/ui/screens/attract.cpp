// The invitation shown while nobody uses the kiosk; any touch opens the home screen.
#include "kiosk/core/localized_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void drawAttract(const View& view, Intents& out) {
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##attract", size)) out.push_back(core::intent::Wake{});
    ImGui::SetItemAllowOverlap();  // the language buttons on top of it take their own taps
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Fonts& f = fonts();
    const Palette& p = palette();

    auto centred = [&](ImFont* font, float y, ImU32 colour, const std::string& text) {
        ImVec2 extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, size.x - 2 * em(), text.c_str());
        const ImVec2 at(origin.x + (size.x - extent.x) * 0.5f, origin.y + y);
        draw->AddText(font, font->FontSize, at, colour, text.c_str(), nullptr, size.x - 2 * em());
        noteVisibleText(text, at, ImVec2(at.x + extent.x, at.y + extent.y));
        return extent.y;
    };
    // The pictograms of the life stages, as a row, tell what this is without words.
    std::string pictograms;
    for (const auto& stage : view.catalog.lifeStages) pictograms += icon(stage.icon) + " ";
    float y = size.y * 0.12f;
    y += centred(f.pictogram, y, p.primary, pictograms) + em();
    y += centred(f.title, y, p.text, tr("attract.title", core::kReferenceLanguage)) + 0.3f * em();
    y += centred(f.heading, y, p.textMuted, tr("attract.title", "en")) + 1.5f * em();
    y += centred(f.body, y, p.text, tr("attract.subtitle", view.language())) + 1.5f * em();

    // A large "touch" call in every language the content speaks.
    const float buttonHeight = 4.0f * em();
    const float margin = view.portrait() ? 0.05f : 0.15f;  // the call fits a narrow screen too
    const ImVec2 bmin(origin.x + size.x * margin, origin.y + y);
    const ImVec2 bmax(origin.x + size.x * (1 - margin), origin.y + y + buttonHeight);
    draw->AddRectFilled(bmin, bmax, p.primary, 0.6f * em());
    std::string call = icon("human-greeting") + " " + tr("attract.touch", core::kReferenceLanguage);
    ImVec2 extent = f.heading->CalcTextSizeA(f.heading->FontSize, FLT_MAX, 0, call.c_str());
    draw->AddText(f.heading, f.heading->FontSize,
                  ImVec2((bmin.x + bmax.x - extent.x) * 0.5f, (bmin.y + bmax.y - extent.y) * 0.5f), p.onPrimary,
                  call.c_str());
    noteVisibleText(call, bmin, bmax);
    y += buttonHeight + 1.5f * em();
    // Every language in its own words: a family starts in theirs with one tap.
    Intents chosen;
    ImGui::SetCursorScreenPos(ImVec2(bmin.x, origin.y + y));
    languageButtons(view, chosen, bmax.x - bmin.x, 3.0f * em());
    if (!chosen.empty()) {
        out.push_back(chosen.front());
        out.push_back(core::intent::Wake{});
    }
}

}  // namespace kiosk::ui
