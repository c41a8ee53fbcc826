// The kiosk's own words (not the content's), per language; German is the fallback.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace kiosk::ui {

// The text for `key` in `language`, else German, else the key itself (so a gap is visible, not blank).
const std::string& tr(std::string_view key, std::string_view language);

// A language's name, written in `language` ("Türkisch" in German, "Turkish" in English).
std::string languageName(std::string_view code, std::string_view language);
// Calls `visit` with every text of the table in every language, language names included
// (the fonts load the glyphs these need).
void forEachUiString(const std::function<void(const std::string&)>& visit);

// A language's name in itself ("Türkçe"), for the language button.
std::string languageEndonym(std::string_view code);

}  // namespace kiosk::ui
