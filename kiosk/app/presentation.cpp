// Fonts are rasterised anew for large text or new content; the theme follows the font's size.
#include "kiosk/app/presentation.hpp"

#include "kiosk/ui/font_texture.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/view.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>

#include <cmath>

namespace kiosk::app {

Presentation::Presentation(float em, std::filesystem::path assets)
    : m_em(em), m_assets(std::move(assets)), m_themeEm(em) {
    ui::applyTheme(em);
}

void Presentation::loadFonts(float size, const core::Catalog* catalog) {
    if (std::string error = ui::loadFonts(size, m_assets, ui::allTexts(catalog) + m_moreLetters); !error.empty()) {
        spdlog::error("fonts: {}", error);
        return;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ui::uploadFontTexture([] { ImGui_ImplOpenGL3_CreateFontsTexture(); });
}

void Presentation::takeContent(const core::Catalog* catalog, std::string moreLetters) {
    m_moreLetters = std::move(moreLetters);
    m_largeText = false;  // the fresh session's size
    loadFonts(m_em, catalog);
}

void Presentation::takeFonts(ui::FontAtlasBuild built) {
    if (!built.error.empty()) spdlog::error("fonts: {}", built.error);
    if (!ui::installFontAtlas(std::move(built))) return;  // the fonts it had stay
    m_largeText = false;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ui::uploadFontTexture([] { ImGui_ImplOpenGL3_CreateFontsTexture(); });
}

void Presentation::resize(float em, const core::Catalog* catalog) {
    m_em = em;
    loadFonts(m_largeText ? std::round(m_em * kLargeTextScale) : m_em, catalog);
    m_theme = ui::Theme::Standard;
    m_themeEm = 0;  // follow() sets the theme at the new size
}

bool Presentation::follow(const core::Session& session, const core::Catalog* catalog) {
    bool changed = false;
    // Large text and high contrast are the family's choice, until the idle reset takes them back.
    if (session.largeText != m_largeText) {
        m_largeText = session.largeText;
        loadFonts(m_largeText ? std::round(m_em * kLargeTextScale) : m_em, catalog);
        m_theme = ui::Theme::Standard;  // the style's sizes follow the font: set again below
        changed = true;
    }
    if (const auto wanted = session.highContrast ? ui::Theme::HighContrast : ui::Theme::Standard;
        wanted != m_theme || ui::em() != m_themeEm) {
        m_theme = wanted;
        m_themeEm = ui::em();
        ui::applyTheme(m_themeEm, m_theme);
        changed = true;
    }
    return changed;
}

}  // namespace kiosk::app
