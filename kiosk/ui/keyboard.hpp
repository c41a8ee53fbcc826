// The on-screen keyboard of the search: layouts per language from assets/keyboards/*.txt.
#pragma once

#include "kiosk/ui/view.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct KeyboardLayout {
    std::string language;
    std::vector<std::vector<std::string>> rows;  // keys, each one letter (or a short sequence)
};

// Reads every `folder`/*.txt; returns the problems (a kiosk without a file for a language shows
// the German keyboard; without any, the search screen says so).
std::string loadKeyboards(const std::filesystem::path& folder);
// The layout for `language`, else German, else null.
const KeyboardLayout* keyboardFor(std::string_view language);
// Every key's text, so the fonts hold their glyphs.
std::string keyboardLetters();

// Keys sized for fingers in the available width (or, while the family chooses, the layouts of the
// kiosk's languages), then a row with the layout key, space, erase and clear. What is tapped
// becomes intents.
void onScreenKeyboard(const View& view, Intents& out);
float onScreenKeyboardHeight(const View& view);

}  // namespace kiosk::ui
