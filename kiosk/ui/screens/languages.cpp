// Every language the kiosk speaks, each written in itself; a tap switches words, content and sound.
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>

namespace kiosk::ui {

void drawLanguages(const View& view, Intents& out) {
    const std::string& lang = view.language();
    titleText(icon("earth") + " " + tr("language.title", lang));
    if (!view.portrait()) screenListen(view, "languages", out);
    ImGui::Spacing();
    // On a portrait screen the buttons sit in its lower two thirds, in reach from a wheelchair.
    if (view.portrait())
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), view.screenArea().size.y / 3));
    languageButtons(view, out, ImGui::GetContentRegionAvail().x, 3.6f * em());
    if (view.portrait()) {
        ImGui::Spacing();
        screenListen(view, "languages", out);
    }
}

void languageButtons(const View& view, Intents& out, float width, float height) {
    const auto& languages = uiLanguages();
    const int columns = view.portrait() ? 2 : 3;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float buttonWidth = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float left = ImGui::GetCursorPosX();
    for (size_t i = 0; i < languages.size(); ++i) {
        const auto& code = languages[i];
        int column = static_cast<int>(i) % columns;
        if (isRightToLeft(view.language())) column = columns - 1 - column;  // the first on the right
        if (i % static_cast<size_t>(columns) != 0) ImGui::SameLine();
        ImGui::SetCursorPosX(left + static_cast<float>(column) * (buttonWidth + gap));
        // The language in use carries a tick, not only another colour.
        const bool current = code == view.language();
        if (bigButton((current ? icon("check") + " " : std::string()) + languageEndonym(code),
                      ImVec2(buttonWidth, height), current ? Look::Selected : Look::Secondary))
            out.push_back(core::intent::ChooseLanguage{code});
    }
}

}  // namespace kiosk::ui
