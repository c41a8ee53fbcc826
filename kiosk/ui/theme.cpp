// A calm, high-contrast light theme: dark text on warm white, dark blue controls.
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

const Palette& palette() {
    static const Palette colours{
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
        .dim = IM_COL32(0x00, 0x00, 0x00, 0xB0),
        .mapLand = IM_COL32(0xE4, 0xEC, 0xDA, 0xFF),
        .mapPlace = IM_COL32(0xF6, 0xD8, 0x8C, 0xFF),
    };
    return colours;
}

void applyTheme(float em) {
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
    style.Colors[ImGuiCol_ScrollbarBg] = colour(IM_COL32(0xE4, 0xE0, 0xD8, 0xFF));
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
    ImGui::GetStyle() = style;
    ImGui::GetIO().MouseDragThreshold = 0.4f * em;
}

}  // namespace kiosk::ui
