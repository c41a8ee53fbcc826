// Right-to-left text for ImGui, which draws glyph after glyph from left to right: Arabic is joined
// (presentation forms) and put in visual order with fribidi before it is drawn.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// Set once a frame from the session's language: paragraphs then start on the right and rows mirror.
void setRightToLeft(bool rightToLeft);
bool rightToLeft();

// True when `text` holds characters of a right-to-left script (Hebrew, Arabic and its presentation forms).
bool hasRightToLeftText(std::string_view text);

// The direction `text` is written in: that of its first strong character (as a text field with
// dir="auto"), or `otherwise` when it has none (digits, spaces).
bool writtenRightToLeft(std::string_view text, bool otherwise);

// `text` (UTF-8, logical order, one line) shaped and in visual order, ready for ImGui. The paragraph
// direction is right to left when `rightToLeftBase`, else that of its first strong character.
// Text without right-to-left characters comes back unchanged.
std::string shapeLine(std::string_view text, bool rightToLeftBase);

// Every joined form (presentation forms, lam-alef ligatures) the Arabic letters among `characters`
// can take in a text, and their mirrored brackets and quotes, UTF-8: the glyphs a font needs to draw
// any right-to-left text of these characters.
std::string arabicForms(std::string_view characters);

// The same for drawing, cached (a frame shapes nothing it shaped before); the paragraph direction
// follows setRightToLeft.
const std::string& displayLine(std::string_view text);

// A paragraph broken into lines that fit `wrapWidth` pixels of `font` at `size`, each line shaped and
// in visual order (Arabic is shaped before breaking, so the widths are those of the joined forms,
// and reordered per line, so the first words stay on the first line). Cached.
const std::vector<std::string>& displayLines(std::string_view text, ImFont* font, float size, float wrapWidth);

// The two caches above hold at most kShapedTextsBound entries each (then start over).
// forgetShapedTexts empties them: at an idle reset the last family's texts leave memory, and the
// kiosk's memory between families does not depend on how full they were (the soak compares it).
// References returned above are invalid afterwards (call it between frames' drawing).
inline constexpr size_t kShapedTextsBound = 4096;
void forgetShapedTexts();
size_t shapedTextsCached();  // entries in both caches now

}  // namespace kiosk::ui
