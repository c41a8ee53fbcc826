// Touch widgets: big buttons, tiles, cards, drag-to-scroll areas and text, all sized in em.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

class Texture;

ImVec2 ems(float width, float height);

enum class Look { Primary, Secondary, Selected, Emergency };

// A button at least 2.4 em high (well over 12 mm on a 24" 1080p screen); true when tapped,
// not when a finger dragged across it to scroll.
bool bigButton(std::string_view label, ImVec2 size, Look look = Look::Primary);
// The same exactly `size` wide, for a key of the on-screen keyboard: a single letter needs no
// margin beside it, and a row of keys must fit the width it was measured for.
bool keyButton(std::string_view label, ImVec2 size, Look look = Look::Secondary);
// A large tile with a pictogram above a title and a smaller subtitle.
bool tile(std::string_view pictogram, std::string_view title, std::string_view subtitle, ImVec2 size,
          Look look = Look::Primary);

// A tappable card of the full available width: bold title, then lines of plain text.
bool card(std::string_view id, std::string_view title, const std::vector<std::string>& lines);

void titleText(std::string_view text);
void headingText(std::string_view text);
void paragraph(std::string_view text);
void strongText(std::string_view text);  // bold, body size
void strongText(std::string_view text, ImU32 colour);
// One row of a two-column table (a weekday and its opening times); the value starts at `column`.
void tableRow(std::string_view label, std::string_view value, float column);
void mutedText(std::string_view text);
// A small label in a box ("Beispieldaten").
void tag(std::string_view text);

// A bar filled to `fraction` (0..1) in the primary colour, with an outline, for progress.
void progressBar(float fraction, ImVec2 size);

// A region that scrolls when dragged with a finger (and shows a wide scroll bar as a hint).
void beginScrollArea(const char* id, ImVec2 size);
void endScrollArea();

// A QR code at the largest whole number of pixels per module that fits `maxSide`, so every
// module stays crisp for a phone camera.
void qrImage(const Texture& texture, float maxSide);

// Words on screen and where, gathered each frame for `--replay` scripts ("tap", "expect").
struct VisibleText {
    std::string text;
    ImVec2 min;
    ImVec2 max;
    bool tappable = false;
};
void clearVisibleTexts();
// For text drawn straight to a draw list.
void noteVisibleText(std::string_view text, ImVec2 min, ImVec2 max);
// The same for text that is itself a touch target (a place name on the map).
void noteTappableText(std::string_view text, ImVec2 min, ImVec2 max);
const std::vector<VisibleText>& visibleTexts();

}  // namespace kiosk::ui
