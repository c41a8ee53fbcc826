// Font loading with FreeType; glyph ranges cover German, Turkish, Cyrillic and the pictograms used.
#include "kiosk/ui/fonts.hpp"

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/texture.hpp"

#include <imgui_freetype.h>
#include <spdlog/spdlog.h>

#include <array>
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

// Latin-1 and the punctuation the kiosk's own code writes, plus every character of `texts`.
// The ranges must outlive the atlas, hence static.
const ImWchar* textRanges(std::string_view texts) {
    static ImVector<ImWchar> ranges;
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

}  // namespace

const Fonts& fonts() { return g_fonts; }
float em() { return g_fonts.em; }

std::string loadFonts(float em, const std::filesystem::path& assetsDir, std::string_view texts) {
    const auto dejavu = {"/usr/share/fonts/truetype/dejavu"};
    const auto regular = findFont(assetsDir, "DejaVuSans.ttf", dejavu);
    const auto bold = findFont(assetsDir, "DejaVuSans-Bold.ttf", dejavu);
    const auto icons = findFont(assetsDir, "materialdesignicons-webfont.ttf",
                                {"/usr/share/fonts/truetype/materialdesignicons-webfont"});
    if (regular.empty() || bold.empty()) return "DejaVu Sans not found (install fonts-dejavu-core)";
    if (icons.empty()) return "Material Design Icons not found (install fonts-materialdesignicons-webfont)";

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // no empty rows to convert and upload

    const ImWchar* glyphs = textRanges(texts);
    auto add = [&](const std::filesystem::path& file, float size, bool withIcons) {
        ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), size, nullptr, glyphs);
        if (withIcons) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.GlyphOffset = ImVec2(0, 0.12f * size);  // the icon font sits high on the text baseline
            io.Fonts->AddFontFromFileTTF(icons.c_str(), size, &merge, iconRanges());
        }
        return font;
    };
    g_fonts.em = em;
    g_fonts.body = add(regular, em, true);
    g_fonts.bold = add(bold, em, true);
    g_fonts.heading = add(bold, 1.5f * em, true);
    g_fonts.title = add(bold, 2.2f * em, true);
    g_fonts.pictogram = io.Fonts->AddFontFromFileTTF(icons.c_str(), 3.2f * em, nullptr, iconRanges());
    // The icon font has no space: without one, a row of pictograms shows the fallback glyph between them.
    static const ImWchar space[] = {0x20, 0x20, 0};
    ImFontConfig spaceOnly;
    spaceOnly.MergeMode = true;
    io.Fonts->AddFontFromFileTTF(regular.c_str(), 3.2f * em, &spaceOnly, space);
    if (!io.Fonts->Build()) return "the font atlas could not be built";
    spdlog::debug("font atlas {}x{}", io.Fonts->TexWidth, io.Fonts->TexHeight);
    return {};
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
