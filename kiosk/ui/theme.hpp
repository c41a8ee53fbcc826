// Colours and spacing of the kiosk; the only file that touches ImGuiStyle.
#pragma once

#include <imgui.h>

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
    ImU32 dim;         // behind the "still there?" dialog
    ImU32 mapLand;     // the district's municipalities
    ImU32 mapPlace;    // the municipality tapped
};

const Palette& palette();

// Sets ImGui's style for a font size of `em` pixels (all sizes follow from it).
void applyTheme(float em);

}  // namespace kiosk::ui
