// Font loading with FreeType; glyph ranges cover German, Turkish, Cyrillic and the pictograms used.
#include "kiosk/ui/fonts.hpp"

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/texture.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace kiosk::ui {
namespace {

Fonts g_fonts;

std::filesystem::path findFont(const std::filesystem::path& assetsDir, const std::string& file,
                               std::initializer_list<const char*> systemDirs) {
    if (auto local = assetsDir / "fonts" / file; std::filesystem::exists(local)) return local;
    for (const char* dir : systemDirs)
        if (auto path = std::filesystem::path(dir) / file; std::filesystem::exists(path)) return path;
    return {};
}

// Latin-1 and the punctuation the kiosk's own code writes, plus every character of `texts`, into
// `ranges`, which must outlive the atlas built from them.
const ImWchar* textRanges(std::string_view texts, ImVector<ImWchar>& ranges) {
    static const ImWchar always[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1
        0x2013, 0x2014,  // – —
        0x201C, 0x201E,  // “ ” „
        0x2026, 0x2026,  // …
        0x20AC, 0x20AC,  // €
        0x2190, 0x2193,  // arrows
        0,
    };
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(always);
    builder.AddText(texts.data(), texts.data() + texts.size());
    ranges.clear();
    builder.BuildRanges(&ranges);
    return ranges.Data;
}

const ImWchar* iconRanges() {
    static std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> r;
        for (unsigned cp : iconCodepoints()) {
            r.push_back(static_cast<ImWchar>(cp));
            r.push_back(static_cast<ImWchar>(cp));
        }
        r.push_back(0);
        return r;
    }();
    return ranges.data();
}

// Dear ImGui 1.86's FreeType builder copies each rasterized glyph (4 bytes a pixel) into 256 KB
// chunks without checking that it fits: a glyph over 65,536 pixels (large text on a 4K screen, a
// 3.2 em pictogram at font_size 100) wrote past its chunk and corrupted the heap. This is the
// largest size at which every glyph of `ranges` in `file` fits (their outlines measured unscaled),
// with a margin for hinting; nothing when FreeType cannot read the file.
float largestWholeGlyphSize(const std::filesystem::path& file, const ImWchar* ranges) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return 0;
    float size = 0;
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &face) == 0) {
        const double units = face->units_per_EM > 0 ? face->units_per_EM : 1000;
        double largest = 0.25;  // em²: no glyph counts as smaller than half an em square
        for (const ImWchar* range = ranges; range[0] != 0; range += 2)
            for (unsigned codepoint = range[0]; codepoint <= range[1]; ++codepoint) {
                const FT_UInt index = FT_Get_Char_Index(face, codepoint);
                if (index == 0 || FT_Load_Glyph(face, index, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) continue;
                const FT_Glyph_Metrics& m = face->glyph->metrics;
                largest = std::max(largest, (static_cast<double>(m.width) / units + 0.1) *
                                                (static_cast<double>(m.height) / units + 0.1));
            }
        constexpr double kChunkPixels = 256.0 * 1024 / 4;
        size = static_cast<float>(std::floor(0.9 * std::sqrt(kChunkPixels / largest) - 2));
        FT_Done_Face(face);
    }
    FT_Done_FreeType(library);
    return size;
}

// A font built at a smaller size, scaled up to `size`: its glyphs are drawn magnified (a little
// soft, never broken), and every measure the screens take from it is that of the asked size.
void magnify(ImFont* font, float size) {
    const float factor = size / font->FontSize;
    if (factor <= 1.0f) return;
    for (ImFontGlyph& glyph : font->Glyphs) {
        glyph.X0 *= factor;
        glyph.Y0 *= factor;
        glyph.X1 *= factor;
        glyph.Y1 *= factor;
        glyph.AdvanceX *= factor;
    }
    font->FontSize = size;
    font->Ascent *= factor;
    font->Descent *= factor;
    font->BuildLookupTable();
}

struct FontFiles {
    std::filesystem::path regular, bold, icons;
};
struct BuiltFonts {
    Fonts fonts;
    std::vector<std::pair<ImFont*, float>> sizes;  // each font and the size the screens ask of it
};

// Adds the kiosk's fonts for `em` to a cleared atlas, none built larger than its limit.
BuiltFonts addFonts(ImFontAtlas& atlas, const FontFiles& files, float em, float textLimit, float iconLimit,
                    const ImWchar* glyphs) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // no empty rows to convert and upload

    BuiltFonts built;
    auto add = [&](const std::filesystem::path& file, float size, bool withIcons) {
        const float raster = std::min(size, withIcons ? std::min(textLimit, iconLimit) : textLimit);
        ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), raster, nullptr, glyphs);
        if (withIcons) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.GlyphOffset = ImVec2(0, 0.12f * raster);  // the icon font sits high on the text baseline
            atlas.AddFontFromFileTTF(files.icons.c_str(), raster, &merge, iconRanges());
        }
        built.sizes.emplace_back(font, size);
        return font;
    };
    built.fonts.em = em;
    built.fonts.body = add(files.regular, em, true);
    built.fonts.bold = add(files.bold, em, true);
    built.fonts.heading = add(files.bold, 1.5f * em, true);
    built.fonts.title = add(files.bold, 2.2f * em, true);
    const float pictogram = 3.2f * em;
    const float pictogramRaster = std::min(pictogram, iconLimit);  // (the space merged in has no pixels)
    built.fonts.pictogram = atlas.AddFontFromFileTTF(files.icons.c_str(), pictogramRaster, nullptr, iconRanges());
    // The icon font has no space: without one, a row of pictograms shows the fallback glyph between them.
    static const ImWchar space[] = {0x20, 0x20, 0};
    ImFontConfig spaceOnly;
    spaceOnly.MergeMode = true;
    atlas.AddFontFromFileTTF(files.regular.c_str(), pictogramRaster, &spaceOnly, space);
    built.sizes.emplace_back(built.fonts.pictogram, pictogram);
    return built;
}

// The largest atlas the kiosk builds: OpenGL implementations take textures of 16384 pixels a side.
constexpr int kMaxAtlasHeight = 16384;

}  // namespace

const Fonts& fonts() { return g_fonts; }
float em() { return g_fonts.em; }

// ImGui takes the global scale when a font is made current: the push and the pop make it so at once
// (and windows begun after the scope draw at the size again).
ScaledText::ScaledText(float factor) : m_em(g_fonts.em), m_globalScale(ImGui::GetIO().FontGlobalScale) {
    g_fonts.em = std::round(m_em * factor);
    ImGui::GetIO().FontGlobalScale = m_globalScale * g_fonts.em / m_em;
    ImGui::PushFont(ImGui::GetFont());
}

ScaledText::~ScaledText() {
    g_fonts.em = m_em;
    ImGui::GetIO().FontGlobalScale = m_globalScale;
    ImGui::PopFont();
}

namespace {

// Builds the kiosk's fonts for `em` with `glyphs` into `atlas` (any atlas: no ImGui context is
// touched), into `out`; an error message, empty on success.
std::string buildFonts(ImFontAtlas& atlas, float em, const std::filesystem::path& assetsDir, const ImWchar* glyphs,
                       Fonts& out) {
    const auto dejavu = {"/usr/share/fonts/truetype/dejavu"};
    const auto regular = findFont(assetsDir, "DejaVuSans.ttf", dejavu);
    const auto bold = findFont(assetsDir, "DejaVuSans-Bold.ttf", dejavu);
    const auto icons = findFont(assetsDir, "materialdesignicons-webfont.ttf",
                                {"/usr/share/fonts/truetype/materialdesignicons-webfont"});
    if (regular.empty() || bold.empty()) return "DejaVu Sans not found (install fonts-dejavu-core)";
    if (icons.empty()) return "Material Design Icons not found (install fonts-materialdesignicons-webfont)";

    // Each font no larger than its glyphs can be built whole; an atlas too tall for a texture is
    // built again from smaller glyphs (drawn magnified) until it fits.
    const FontFiles files{regular, bold, icons};
    const float textLimit = std::min(largestWholeGlyphSize(regular, glyphs), largestWholeGlyphSize(bold, glyphs));
    const float iconLimit = largestWholeGlyphSize(icons, iconRanges());
    if (textLimit <= 0 || iconLimit <= 0) return "a font file could not be read (DejaVu Sans, Material Design Icons)";
    for (float shrink = 1.0f; shrink > 0.1f; shrink *= 0.7f) {
        const BuiltFonts built = addFonts(atlas, files, em, textLimit * shrink, iconLimit * shrink, glyphs);
        if (!atlas.Build() || atlas.TexHeight > kMaxAtlasHeight) continue;
        for (const auto& [font, size] : built.sizes) magnify(font, size);
        out = built.fonts;
        spdlog::debug("font atlas {}x{}; glyphs built whole up to {:.0f} px (text), {:.0f} px (pictograms), larger ones magnified",
                      atlas.TexWidth, atlas.TexHeight, textLimit * shrink, iconLimit * shrink);
        return {};
    }
    // Never reached with the kiosk's fonts; still, no font pointer may outlive the atlas it was in.
    atlas.Clear();
    ImFont* fallback = atlas.AddFontDefault();
    atlas.Build();
    out = Fonts{fallback, fallback, fallback, fallback, fallback, em};
    return "the font atlas could not be built";
}

// The glyph ranges of the atlas installed last (installFontAtlas): they live as long as it does.
std::unique_ptr<ImVector<ImWchar>> g_installedGlyphs;

}  // namespace

std::string loadFonts(float em, const std::filesystem::path& assetsDir, std::string_view texts) {
    static ImVector<ImWchar> ranges;  // outlives the atlas
    return buildFonts(*ImGui::GetIO().Fonts, em, assetsDir, textRanges(texts, ranges), g_fonts);
}

void FontAtlasBuild::Free::operator()(ImFontAtlas* atlas) const noexcept { IM_DELETE(atlas); }

FontAtlasBuild buildFontAtlas(float em, const std::filesystem::path& assetsDir, std::string_view texts) {
    FontAtlasBuild built;
    built.atlas.reset(IM_NEW(ImFontAtlas)());
    built.glyphs = std::make_unique<ImVector<ImWchar>>();
    built.error = buildFonts(*built.atlas, em, assetsDir, textRanges(texts, *built.glyphs), built.fonts);
    if (!built.error.empty()) built.atlas.reset();
    return built;
}

bool installFontAtlas(FontAtlasBuild built) {
    if (!built.atlas) return false;
    ImGuiIO& io = ImGui::GetIO();
    // The context made its atlas with IM_NEW and frees whichever is in io.Fonts at its end (it owns
    // its atlas): the new one is made the same way, the old one freed here.
    ImFontAtlas* old = io.Fonts;
    io.Fonts = built.atlas.release();
    io.FontDefault = nullptr;  // was one of the old atlas's fonts, if any
    g_fonts = built.fonts;
    std::swap(g_installedGlyphs, built.glyphs);  // the old ranges go with `built`, after the old atlas
    IM_DELETE(old);
    return true;
}

void releaseFontPixels() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* coverage = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&coverage, &width, &height);
    if (!storeAsCoverage(atlas.TexID, width, height, coverage))
        spdlog::debug("the font texture stays RGBA (needs OpenGL 3.3)");
    atlas.ClearTexData();    // the pixels: the renderer holds them as a texture now
    atlas.ClearInputData();  // the font files: loadFonts reads them again when the size changes
}

}  // namespace kiosk::ui
