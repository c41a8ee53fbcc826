// The on-screen keyboard: data-driven layouts, keys of at least 2.6 em (about 14 mm) each way.
#include "kiosk/ui/keyboard.hpp"

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/strings.hpp"
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
        if (layout.language == "de") return &layout;
    return nullptr;
}

std::string keyboardLetters() {
    std::string letters;
    for (const auto& layout : g_layouts)
        for (const auto& row : layout.rows)
            for (const auto& key : row) letters += key;
    return letters;
}

float onScreenKeyboardHeight(const View& view) {
    const KeyboardLayout* layout = keyboardFor(view.language());
    const size_t rows = (layout ? layout->rows.size() : 0) + 1;
    return static_cast<float>(rows) * (kKeyHeight * em() + ImGui::GetStyle().ItemSpacing.y);
}

void onScreenKeyboard(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const KeyboardLayout* own = keyboardFor(lang);
    const KeyboardLayout* german = keyboardFor("de");
    const KeyboardLayout* layout = view.session.germanKeyboard && german ? german : own;
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
    for (const auto& row : layout->rows) {
        const auto count = static_cast<float>(row.size());
        ImGui::SetCursorPosX(left + (width - count * key - (count - 1) * gap) * 0.5f);  // centred rows
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (bigButton(row[i], ImVec2(key, kKeyHeight * em()), Look::Secondary)) out.push_back(core::intent::TypeText{row[i]});
        }
    }
    // The last row: switch letters (when the language has its own), space, erase, clear.
    ImGui::SetCursorPosX(left);
    const bool canSwitch = own && german && own != german;
    const float side = std::max(3 * key + 2 * gap, 6.0f * em());
    if (canSwitch) {
        const std::string label = view.session.germanKeyboard ? languageEndonym(lang) : std::string("ABC");
        if (bigButton(icon("keyboard") + " " + label, ImVec2(side, kKeyHeight * em()), Look::Secondary))
            out.push_back(core::intent::SwitchKeyboard{});
        ImGui::SameLine();
    }
    const float used = canSwitch ? side + gap : 0;
    const float space = std::max(key, width - used - 2 * (side + gap));
    if (bigButton(tr("search.space", lang), ImVec2(space, kKeyHeight * em()), Look::Secondary))
        out.push_back(core::intent::TypeText{" "});
    ImGui::SameLine();
    if (bigButton(icon("backspace") + " " + tr("search.erase", lang), ImVec2(side, kKeyHeight * em())))
        out.push_back(core::intent::EraseLetter{});
    ImGui::SameLine();
    if (bigButton(icon("close") + " " + tr("search.clear", lang), ImVec2(side, kKeyHeight * em())))
        out.push_back(core::intent::SetSearch{});
}

}  // namespace kiosk::ui
