// The fonts the kiosk draws with, built once at start for the screen's size.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

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

// Fonts built into an atlas of their own rather than ImGui's: buildFontAtlas touches no ImGui
// context, so it may run on another thread while the window keeps drawing with the fonts it has
// (the content editor's new letters); installFontAtlas then swaps it in on the UI thread. One thing
// it shares: ImGui 1.86's MemAlloc/MemFree count into the current context's metrics
// (io.MetricsActiveAllocations, a statistic only: that count may come out wrong, nothing else), so
// the context must outlive a build still running.
struct FontAtlasBuild {
    struct Free {
        void operator()(ImFontAtlas* atlas) const noexcept;
    };
    std::unique_ptr<ImFontAtlas, Free> atlas;   // nothing when the build failed
    std::unique_ptr<ImVector<ImWchar>> glyphs;  // the glyph ranges the atlas was built from (live as long)
    Fonts fonts;
    std::string error;                          // empty on success
};
FontAtlasBuild buildFontAtlas(float em, const std::filesystem::path& assetsDir, std::string_view texts);
// On the UI thread, between frames: `built` becomes ImGui's atlas and fonts(), the old atlas is
// freed. The renderer's font texture must be made again (uploadFontTexture). False (and nothing
// changed) when the build had failed.
bool installFontAtlas(FontAtlasBuild built);

// Once the renderer made the atlas's texture (in the first frame): stores it with one byte a
// pixel instead of four, and frees the atlas's pixels and the font files in main memory
// (several megabytes the kiosk would otherwise carry all day).
void releaseFontPixels();

}  // namespace kiosk::ui
