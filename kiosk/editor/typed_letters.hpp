// The letters the editor's fonts hold beyond its content's: every letter of the kiosk's six
// languages' scripts from the start (typing Turkish, Arabic, Ukrainian or Russian into content that
// had none never waits for the fonts), and any other letter once it is typed (the fonts are built
// again before the next frame, see main.cpp).
#pragma once

#include <imgui.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace kiosk::editor {

// Latin-1's neighbours (Latin Extended-A: Turkish), Cyrillic (Ukrainian, Russian), Arabic with every
// joined form the kiosk draws it in (UTF-8).
std::string scriptLetters();

// The letters of `text` (UTF-8) that `font` has no glyph for, each once (UTF-8), with the joined
// forms of the Arabic ones; nothing when it has them all.
std::string missingLetters(const ImFont& font, std::string_view text);

// Every text of `node` (its scalars, keys too), one after another: what the form shows of an entry.
void appendTexts(const YAML::Node& node, std::string& out);

}  // namespace kiosk::editor
