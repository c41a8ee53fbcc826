// The on-screen keyboard: data-driven layouts, keys of at least 2.6 em (about 14 mm) each way, and a
// key that lists the layouts of the kiosk's languages, each named in its own script.
#include "kiosk/ui/keyboard.hpp"

#include "kiosk/core/localized_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace kiosk::ui {
namespace {

std::vector<KeyboardLayout> g_layouts;

constexpr float kKeyHeight = 2.6f;  // em

size_t widestRow(const KeyboardLayout& layout) {
    size_t widest = 4;
    for (const auto& row : layout.rows) widest = std::max(widest, row.size());
    return widest;
}

}  // namespace

std::string loadKeyboards(const std::filesystem::path& folder) {
    g_layouts.clear();
    std::string problems;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".txt") continue;
        std::ifstream in(it->path());
        KeyboardLayout layout{it->path().stem().string(), {}};
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line.front() == '#') continue;
            std::istringstream keys(line);
            std::vector<std::string> row;
            for (std::string key; keys >> key;) row.push_back(key);
            if (!row.empty()) layout.rows.push_back(std::move(row));
        }
        if (layout.rows.empty()) problems += fmt::format("{} has no keys; ", it->path().string());
        else g_layouts.push_back(std::move(layout));
    }
    std::sort(g_layouts.begin(), g_layouts.end(), [](const auto& a, const auto& b) { return a.language < b.language; });
    if (ec || g_layouts.empty()) problems += fmt::format("no keyboard layouts in {}", folder.string());
    return problems;
}

const KeyboardLayout* keyboardFor(std::string_view language) {
    for (const auto& layout : g_layouts)
        if (layout.language == language) return &layout;
    for (const auto& layout : g_layouts)
        if (layout.language == core::kReferenceLanguage) return &layout;
    return nullptr;
}

std::string keyboardLetters() {
    std::string letters;
    for (const auto& layout : g_layouts)
        for (const auto& row : layout.rows)
            for (const auto& key : row) {
                letters += key;
                // A typed Arabic word joins its letters: each key's initial, medial and final form
                // (beside a tatweel), and after a lam (the lam-alef ligatures).
                if (hasRightToLeftText(key))
                    letters += fmt::format(" {0}\u0640 \u0640{0}\u0640 \u0640{0} \u0644{0} \u0640\u0644{0} ", key);
            }
    return letters;
}

namespace {

// The layout on screen: the one the family chose, else its language's own, else German.
const KeyboardLayout* shownLayout(const View& view) {
    return keyboardFor(view.session.keyboard.empty() ? view.language() : view.session.keyboard);
}

// The layouts to choose from: one per language of the kiosk that has its own, in the languages
// screen's order, and German always (the content's own language).
std::vector<const KeyboardLayout*> choosableLayouts() {
    std::vector<const KeyboardLayout*> layouts;
    for (const auto& code : uiLanguages())
        for (const auto& layout : g_layouts)
            if (layout.language == code) layouts.push_back(&layout);
    if (const KeyboardLayout* german = keyboardFor(core::kReferenceLanguage);
        german && std::find(layouts.begin(), layouts.end(), german) == layouts.end())
        layouts.insert(layouts.begin(), german);
    return layouts;
}

constexpr int kChoiceColumns = 3;

size_t letterRows(const KeyboardLayout& layout) {
    const size_t choices = choosableLayouts().size();
    return std::max(layout.rows.size(), (choices + kChoiceColumns - 1) / kChoiceColumns);
}

// Instead of the keys: a button per layout, each named in its own script, the one in use ticked.
void layoutChoice(const View& view, const KeyboardLayout& shown, Intents& out) {
    const auto layouts = choosableLayouts();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float left = ImGui::GetCursorPosX();
    const float width = (ImGui::GetContentRegionAvail().x - gap * (kChoiceColumns - 1)) / kChoiceColumns;
    for (size_t i = 0; i < layouts.size(); ++i) {
        int column = static_cast<int>(i % kChoiceColumns);
        if (isRightToLeft(view.language())) column = kChoiceColumns - 1 - column;  // the first on the right
        if (i % kChoiceColumns != 0) ImGui::SameLine();
        ImGui::SetCursorPosX(left + static_cast<float>(column) * (width + gap));
        const bool current = layouts[i] == &shown;
        if (bigButton((current ? icon("check") + " " : std::string()) + languageEndonym(layouts[i]->language),
                      ImVec2(width, kKeyHeight * em()), current ? Look::Selected : Look::Secondary))
            out.push_back(core::intent::ChooseKeyboard{layouts[i]->language});
    }
}

}  // namespace

float onScreenKeyboardHeight(const View& view) {
    const KeyboardLayout* layout = shownLayout(view);
    const size_t rows = (layout ? letterRows(*layout) : 0) + 1;
    return static_cast<float>(rows) * (kKeyHeight * em() + ImGui::GetStyle().ItemSpacing.y);
}

void onScreenKeyboard(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const KeyboardLayout* layout = shownLayout(view);
    if (!layout) {
        mutedText(tr("search.no_keyboard", lang));
        return;
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x;
    const auto columns = static_cast<float>(widestRow(*layout));
    // As wide as the row allows, but no wider than a hand spans comfortably.
    const float key = std::min((width - gap * (columns - 1)) / columns, 4.0f * em());
    const float left = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    if (view.session.choosingKeyboard) {
        layoutChoice(view, *layout, out);
    } else {
        for (const auto& row : layout->rows) {
            const auto count = static_cast<float>(row.size());
            ImGui::SetCursorPosX(left + (width - count * key - (count - 1) * gap) * 0.5f);  // centred rows
            for (size_t i = 0; i < row.size(); ++i) {
                if (i > 0) ImGui::SameLine();
                if (keyButton(row[i], ImVec2(key, kKeyHeight * em())))
                    out.push_back(core::intent::TypeText{row[i]});
            }
        }
    }
    // The last row stays in its place whatever is above it: layouts, space, erase, clear.
    ImGui::SetCursorPos(ImVec2(left, top + static_cast<float>(letterRows(*layout)) *
                                               (kKeyHeight * em() + ImGui::GetStyle().ItemSpacing.y)));
    const bool canSwitch = choosableLayouts().size() > 1;
    // The layout in use, named in its own script; a tap lists the others.
    const std::string layoutLabel = icon("keyboard") + " " + languageEndonym(layout->language);
    const std::string erase = icon("backspace") + " " + tr("search.erase", lang);
    const std::string clear = icon("close") + " " + tr("search.clear", lang);
    // Each key of the row as wide as its words need, the space bar the rest; where that does not fit
    // (an upright screen, large text, long words such as "Tümünü sil") the side keys show only their
    // pictograms.
    std::vector<std::string> labels{layoutLabel, erase, clear};
    auto sideWidth = [&](size_t i) { return bigButtonWidth(labels[i], 2 * key + gap); };
    auto sideWidths = [&] { return (canSwitch ? sideWidth(0) : 0) + sideWidth(1) + sideWidth(2); };
    const float gaps = (canSwitch ? 3 : 2) * gap;
    const float spaceNeeds = bigButtonWidth(tr("search.space", lang), key);
    if (sideWidths() + spaceNeeds + gaps > width) labels = {icon("keyboard"), icon("backspace"), icon("close")};
    const float space = std::max(spaceNeeds, width - sideWidths() - gaps);
    const float height = kKeyHeight * em();
    if (canSwitch) {
        if (keyButton(labels[0], ImVec2(sideWidth(0), height),
                      view.session.choosingKeyboard ? Look::Selected : Look::Secondary))
            out.push_back(core::intent::ShowKeyboards{});
        ImGui::SameLine();
    }
    if (keyButton(tr("search.space", lang), ImVec2(space, height), Look::Secondary))
        out.push_back(core::intent::TypeText{" "});
    ImGui::SameLine();
    if (keyButton(labels[1], ImVec2(sideWidth(1), height), Look::Primary))
        out.push_back(core::intent::EraseLetter{});
    ImGui::SameLine();
    if (keyButton(labels[2], ImVec2(sideWidth(2), height), Look::Primary))
        out.push_back(core::intent::SetSearch{});
}

}  // namespace kiosk::ui
