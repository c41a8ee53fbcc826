// A calm light theme (dark text on warm white, dark blue controls) and a high-contrast one (light
// on black); every text colour reaches 7:1 on what it is drawn on (tests/ui/test_theme.cpp).
#include "kiosk/ui/theme.hpp"

#include <cmath>

namespace kiosk::ui {
namespace {

Theme g_theme = Theme::Standard;

double luminance(ImU32 colour) {
    auto channel = [](unsigned value) {
        const double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((colour >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((colour >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((colour >> IM_COL32_B_SHIFT) & 0xFF);
}

}  // namespace

const Palette& palette(Theme theme) {
    static const Palette standard{
        .background = IM_COL32(0xF7, 0xF4, 0xEE, 0xFF),
        .surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
        .text = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF),
        .textMuted = IM_COL32(0x3D, 0x3D, 0x3D, 0xFF),
        .primary = IM_COL32(0x0B, 0x3D, 0x91, 0xFF),
        .onPrimary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
        .accent = IM_COL32(0x00, 0x5A, 0x4E, 0xFF),
        .emergency = IM_COL32(0xA3, 0x12, 0x12, 0xFF),
        .onEmergency = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
        .open = IM_COL32(0x0B, 0x5D, 0x1E, 0xFF),
        .closed = IM_COL32(0x7A, 0x1F, 0x1F, 0xFF),
        .border = IM_COL32(0x6B, 0x6B, 0x6B, 0xFF),
        .pressed = IM_COL32(0xE3, 0xEC, 0xF8, 0xFF),
        .dim = IM_COL32(0x00, 0x00, 0x00, 0xB0),
        .mapLand = IM_COL32(0xE4, 0xEC, 0xDA, 0xFF),
        .mapPlace = IM_COL32(0xF6, 0xD8, 0x8C, 0xFF),
    };
    // Light on black, controls in yellow: for people who see poorly (and for glare on the screen).
    static const Palette highContrast{
        .background = IM_COL32(0x00, 0x00, 0x00, 0xFF),
        .surface = IM_COL32(0x00, 0x00, 0x00, 0xFF),
        .text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
        .textMuted = IM_COL32(0xE6, 0xE6, 0xE6, 0xFF),
        .primary = IM_COL32(0xFF, 0xE0, 0x3D, 0xFF),
        .onPrimary = IM_COL32(0x00, 0x00, 0x00, 0xFF),
        .accent = IM_COL32(0x7F, 0xE7, 0xFF, 0xFF),
        .emergency = IM_COL32(0xFF, 0x9E, 0x9E, 0xFF),
        .onEmergency = IM_COL32(0x00, 0x00, 0x00, 0xFF),
        .open = IM_COL32(0x9C, 0xF5, 0x8C, 0xFF),
        .closed = IM_COL32(0xFF, 0xB8, 0xB8, 0xFF),
        .border = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
        .pressed = IM_COL32(0x1F, 0x1F, 0x1F, 0xFF),
        .dim = IM_COL32(0x00, 0x00, 0x00, 0xD8),
        .mapLand = IM_COL32(0x26, 0x26, 0x26, 0xFF),
        .mapPlace = IM_COL32(0x4A, 0x3A, 0x00, 0xFF),
    };
    return theme == Theme::HighContrast ? highContrast : standard;
}

const Palette& palette() { return palette(g_theme); }

std::vector<ColourPair> textColourPairs(const Palette& p) {
    return {
        {"text on background", p.text, p.background},
        {"text on surface", p.text, p.surface},
        {"text on a pressed card", p.text, p.pressed},
        {"muted text on background", p.textMuted, p.background},
        {"muted text on surface", p.textMuted, p.surface},
        {"button label on primary", p.onPrimary, p.primary},
        {"button label on accent (selected, held)", p.onPrimary, p.accent},
        {"urgent-help label", p.onEmergency, p.emergency},
        {"secondary button label (primary on surface)", p.primary, p.surface},
        {"card title (primary on surface)", p.primary, p.surface},
        {"card title on a pressed card", p.primary, p.pressed},
        {"pictograms (primary on background)", p.primary, p.background},
        {"open now on background", p.open, p.background},
        {"open now on surface", p.open, p.surface},
        {"closed on background", p.closed, p.background},
        {"closed on surface", p.closed, p.surface},
    };
}

double contrastRatio(ImU32 a, ImU32 b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

void applyTheme(float em, Theme theme) {
    g_theme = theme;
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const Palette& p = palette();
    auto colour = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
    // The frame is cleared to the background colour (see clearColour); windows draw no background
    // of their own, which spares a software renderer one full-screen pass per window.
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_PopupBg] = colour(p.surface);
    style.Colors[ImGuiCol_Text] = colour(p.text);
    style.Colors[ImGuiCol_Button] = colour(p.primary);
    style.Colors[ImGuiCol_ButtonHovered] = colour(p.primary);  // no hover-only affordance on touch
    style.Colors[ImGuiCol_ButtonActive] = colour(p.accent);
    style.Colors[ImGuiCol_Border] = colour(p.border);
    style.Colors[ImGuiCol_Separator] = colour(p.border);
    style.Colors[ImGuiCol_ScrollbarBg] =
        colour(theme == Theme::HighContrast ? IM_COL32(0x30, 0x30, 0x30, 0xFF) : IM_COL32(0xE4, 0xE0, 0xD8, 0xFF));
    style.Colors[ImGuiCol_ScrollbarGrab] = colour(p.border);
    style.Colors[ImGuiCol_ScrollbarGrabHovered] = colour(p.border);
    style.Colors[ImGuiCol_ScrollbarGrabActive] = colour(p.text);
    style.Colors[ImGuiCol_ModalWindowDimBg] = colour(p.dim);

    style.WindowPadding = ImVec2(em, em);
    style.FramePadding = ImVec2(0.6f * em, 0.4f * em);
    style.ItemSpacing = ImVec2(0.6f * em, 0.6f * em);
    style.ItemInnerSpacing = ImVec2(0.4f * em, 0.4f * em);
    style.ScrollbarSize = 0.7f * em;
    style.GrabMinSize = 2.0f * em;
    style.WindowRounding = 0;
    style.ChildRounding = 0.4f * em;
    style.FrameRounding = 0.4f * em;
    style.PopupRounding = 0.4f * em;
    style.ScrollbarRounding = 0.35f * em;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 0;
    style.TouchExtraPadding = ImVec2(0.2f * em, 0.2f * em);
    // Rounded corners may lie 0.6 px off the true circle (ImGui: 0.3), smoothed either way: a sixth
    // of a millimetre on a kiosk's screen, and a third fewer vertices for a software GL to set up
    // (the search screen's keyboard: 9,800 -> 6,400). A precision of drawing, not a size.
    style.CircleTessellationMaxError = 0.6f;
    ImGui::GetStyle() = style;
    ImGui::GetIO().MouseDragThreshold = 0.4f * em;
}

}  // namespace kiosk::ui
