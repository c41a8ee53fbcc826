// How the kiosk looks: the font size (larger with the family's "large text"), the theme (high
// contrast or standard) and the fonts' glyphs for the content in use. Changed between frames only.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

#include <filesystem>
#include <string>

namespace kiosk::app {

// Large text: every size on screen grows with the font.
inline constexpr float kLargeTextScale = 1.35f;

class Presentation {
public:
    // `em`: the font size of the screen (the fonts are loaded at it already, see KioskWindow).
    Presentation(float em, std::filesystem::path assets);

    // Follows the session's large text and contrast; true when the look changed (draw anew).
    bool follow(const core::Session& session, const core::Catalog* catalog);
    // New content: the fonts again with its glyphs, at the screen's own size (a fresh session's).
    // `moreLetters` (UTF-8): letters the fonts hold besides (the editor's: what may be typed), kept
    // for later rebuilds.
    void takeContent(const core::Catalog* catalog, std::string moreLetters = {});
    // Fonts built on another thread (ui::buildFontAtlas, at this screen's size) swapped in, their
    // texture made (the editor: its new letters without a frame spent rasterising them).
    void takeFonts(ui::FontAtlasBuild built);
    // The screen's font size changed (a new screen size): the fonts and the theme at it.
    void resize(float em, const core::Catalog* catalog);

private:
    void loadFonts(float size, const core::Catalog* catalog);

    float m_em;
    std::filesystem::path m_assets;
    std::string m_moreLetters;
    bool m_largeText = false;
    ui::Theme m_theme = ui::Theme::Standard;
    float m_themeEm;
};

}  // namespace kiosk::app
