// Touch widgets: big buttons, tiles, cards, drag-to-scroll areas and text, all sized in em.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <optional>
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
// The width bigButton gives `label` when asked for at least `minWidth`.
float bigButtonWidth(std::string_view label, float minWidth);

// Items side by side in the reader's direction: from the left, or from the right for a right-to-left
// reader; an item that no longer fits starts a new line. Begins at the cursor; finish() (or the
// destructor) puts the cursor below the row.
class Row {
public:
    explicit Row(float gap = -1);  // between items; negative: the style's item spacing
    ~Row() { finish(); }
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;
    // Moves the cursor to where the next item, `width` wide, goes.
    void place(float width);
    // A big button as the row's next item.
    bool button(std::string_view label, ImVec2 size, Look look = Look::Primary);
    // Whatever is left of the current line (for a bar that fills the rest).
    float remaining() const;
    void finish();

private:
    float m_gap, m_left, m_width, m_top, m_bottom;
    float m_used = 0;
    bool m_finished = false;
};
// The same exactly `size` wide, for a key of the on-screen keyboard: a single letter needs no
// margin beside it, and a row of keys must fit the width it was measured for.
bool keyButton(std::string_view label, ImVec2 size, Look look = Look::Secondary);
// A large tile with a pictogram above a title and a smaller subtitle.
bool tile(std::string_view pictogram, std::string_view title, std::string_view subtitle, ImVec2 size,
          Look look = Look::Primary);

// A tappable card of the full available width: bold title, then lines of plain text. With
// `picture`: a small picture (4:3) at the reader's near side, asked for only while the card is in view
// (decorative: the text says it all; left out where it would crowd the text, as in large text).
bool card(std::string_view id, std::string_view title, const std::vector<std::string>& lines,
          const std::function<const Texture*()>& picture = {});

// A picture filling `min`..`max` (cut to that box's proportions, centred), corners rounded, smoothly
// scaled. Decorative: it says nothing to the visible-text list.
void drawPicture(ImDrawList& draw, const Texture& texture, ImVec2 min, ImVec2 max, float rounding);

// What a card of a cardList shows.
struct CardText {
    std::string id;  // the offer's: tells the cards apart for ImGui
    std::string title;
    std::vector<std::string> lines;
};
// `count` cards one below the other, as card() draws them, of which only those in view are asked for
// (`cardAt`), measured and drawn: a life stage with thousands of offers costs a frame what a
// screenful costs. The heights measured are kept for the list `key` (name in it what it lists:
// life stage, topic, language…), the others are estimated from them until they come into view.
// Returns the position of the card tapped, or -1.
int cardList(std::string_view key, size_t count, const std::function<CardText(size_t)>& cardAt);

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

// Controls pinned to the bottom of an upright screen, in reach from a wheelchair: the height the
// block `id` took when last drawn (0 the first time; the kiosk draws frames until the layout settles),
// to leave room for it; draw the block between beginBottomBlock and endBottomBlock.
float bottomBlockHeight(const char* id);
void beginBottomBlock();
void endBottomBlock(const char* id);

// A region that scrolls when dragged with a finger (and shows a wide scroll bar as a hint).
void beginScrollArea(const char* id, ImVec2 size);
void endScrollArea();

// A rounded rectangle filled with `fill` and outlined in `border`, in as few triangles as look the
// same: the fill is not smoothed where the outline covers its edge, and an outline of the fill's
// own colour is drawn as a slightly larger fill. A software GL pays for every triangle: a button
// costs half the triangles of a fill and an outline.
void framedRect(ImDrawList& draw, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding, float thickness);
// An opaque fill is cleared by the GL rather than shaded, through a draw command that names it: the
// rectangle and colour such a command clears, or nothing for another command or one of an earlier
// frame. A frame may hold any number of them.
struct ClearedRect {
    ImVec2 min, max;
    ImU32 colour = 0;
};
std::optional<ClearedRect> clearedRect(const ImDrawCmd& command);

// A QR code at the largest whole number of pixels per module that fits `maxSide`, so every
// module stays crisp for a phone camera.
void qrImage(const Texture& texture, float maxSide);

// Words on screen and where, gathered each frame for `--replay` scripts ("tap", "expect").
struct VisibleText {
    std::string text;
    ImVec2 min;  // the part on screen
    ImVec2 max;
    bool tappable = false;
    // A touch target of exactly this size (buttons, tiles, cards, keys, pins), not a label on a larger
    // target (a place name on the map, whose target is the place's area): what check-targets measures.
    bool control = false;
    ImVec2 fullMin;  // the whole target, also the part scrolled out of view
    ImVec2 fullMax;
};
void clearVisibleTexts();
// For text drawn straight to a draw list.
void noteVisibleText(std::string_view text, ImVec2 min, ImVec2 max);
// The same for text on a touch target: a control of exactly this size (a pin), or a label on a larger
// one (a place name on the map, whose target is the place).
void noteTappableText(std::string_view text, ImVec2 min, ImVec2 max, bool control);
const std::vector<VisibleText>& visibleTexts();
// Where this frame drew a text without words (a title, label, button, card or paragraph that is
// empty, or pictograms and spaces but no words): what no family should see (`check-texts`).
const std::vector<ImVec2>& wordlessTexts();

// Lets go of the memory ImGui keeps for its windows' draw lists (vertices, indices, commands),
// called between frames after an idle reset. ImGui keeps each list at the largest it has been
// and, when it compacts a window left unused for a minute, gives that capacity back the next
// time the window is drawn: the kiosk's memory between families would ratchet up to the busiest
// screen any family ever saw. Afterwards each screen's list grows from the start again.
void forgetDrawListMemory();

}  // namespace kiosk::ui
