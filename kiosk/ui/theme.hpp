// Colours and spacing of the kiosk; the only file that touches ImGuiStyle.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

struct Palette {
    ImU32 background;  // screen
    ImU32 surface;     // cards
    ImU32 text;
    ImU32 textMuted;   // secondary text, still >= 7:1 on surface
    ImU32 primary;     // buttons and tiles
    ImU32 onPrimary;   // text on primary
    ImU32 accent;      // the selected topic
    ImU32 emergency;   // the urgent-help button
    ImU32 onEmergency;
    ImU32 open;        // "open now" (always with words and an icon, never colour alone)
    ImU32 closed;
    ImU32 border;
    ImU32 pressed;     // a card under the finger
    ImU32 dim;         // behind the "still there?" dialog
    ImU32 mapLand;     // the district's municipalities
    ImU32 mapPlace;    // the municipality tapped
};

enum class Theme { Standard, HighContrast };

const Palette& palette();  // of the theme in use
const Palette& palette(Theme theme);

// Every pair of a text colour and the colour it is drawn on, named, for the contrast check.
struct ColourPair {
    std::string what;
    ImU32 text;
    ImU32 background;
};
std::vector<ColourPair> textColourPairs(const Palette& palette);

// WCAG 2.2 contrast ratio of two opaque colours (1 to 21).
double contrastRatio(ImU32 a, ImU32 b);

// Sets ImGui's style for a font size of `em` pixels (all sizes follow from it) in `theme`.
void applyTheme(float em, Theme theme = Theme::Standard);

}  // namespace kiosk::ui
