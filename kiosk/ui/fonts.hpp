// The fonts the kiosk draws with, built once at start for the screen's size.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>

namespace kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;     // 1 em, with pictograms
    ImFont* bold = nullptr;     // 1 em
    ImFont* heading = nullptr;  // 1.5 em, bold
    ImFont* title = nullptr;    // 2.2 em, bold
    ImFont* pictogram = nullptr;  // 3.2 em pictograms only, for tiles
    float em = 16;
};

const Fonts& fonts();
float em();  // the body font size in pixels: every size on screen is a multiple of it

// For the scope of one: em() and every font drawn `factor` times their size, the glyphs scaled from
// the atlas rather than rasterised anew (the content editor's preview of large text; the kiosk
// itself loads its fonts at the larger size). Windows begun inside it draw at that size.
class ScaledText {
public:
    explicit ScaledText(float factor);
    ~ScaledText();
    ScaledText(const ScaledText&) = delete;
    ScaledText& operator=(const ScaledText&) = delete;

private:
    float m_em, m_globalScale;
};

// Loads DejaVu Sans and the Material Design Icons font (from `assetsDir`/fonts or the
// system's font folders) with the glyphs of Latin-1 and of every character in `texts` (UTF-8):
// only what the kiosk can show goes into the atlas, which keeps it small and quick to build.
// Returns an error message, empty on success.
std::string loadFonts(float em, const std::filesystem::path& assetsDir, std::string_view texts);

// Once the renderer made the atlas's texture (in the first frame): stores it with one byte a
// pixel instead of four, and frees the atlas's pixels and the font files in main memory
// (several megabytes the kiosk would otherwise carry all day).
void releaseFontPixels();

}  // namespace kiosk::ui
