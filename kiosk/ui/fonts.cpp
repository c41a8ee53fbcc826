// Font loading with FreeType; glyph ranges cover German, Turkish, Cyrillic and the pictograms used.
#include "kiosk/ui/fonts.hpp"

#include "kiosk/ui/icons.hpp"

#include <imgui_freetype.h>

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

const ImWchar* textRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 (German)
        0x0100, 0x024F,  // Latin Extended-A/B (Turkish ğ, ş, ı)
        0x0400, 0x052F,  // Cyrillic (Ukrainian, Russian)
        0x2000, 0x206F,  // punctuation: – „ “ …
        0x20AC, 0x20AC,  // €
        0x2190, 0x2193,  // arrows
        0,
    };
    return ranges;
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

std::string loadFonts(float em, const std::filesystem::path& assetsDir) {
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

    auto add = [&](const std::filesystem::path& file, float size, bool withIcons) {
        ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), size, nullptr, textRanges());
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
    if (!io.Fonts->Build()) return "the font atlas could not be built";
    return {};
}

}  // namespace kiosk::ui
