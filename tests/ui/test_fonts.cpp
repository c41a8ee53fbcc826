// The font atlas at every size a screen can ask for: built whole (no glyph larger than FreeType's
// builder can hold), no taller than a texture may be, and each font measuring what the screens ask.
#include "kiosk/ui/fonts.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>

#include <string>

namespace {

// Every character the kiosk's sample shows in its six languages, and a few wide ones.
const std::string kTexts =
    "Kindergeld Schwangerschaftsberatung ÄÖÜäöüß Çalışma İş Ğğ Şş Дитина допомога Її Єє Ґґ Помощь детям "
    "المساعدة للأطفال والعائلات ﷽ — „Große Schrift“ …";

struct ImGuiContextScope {
    ImGuiContextScope() { ImGui::CreateContext(); }
    ~ImGuiContextScope() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_CASE("fonts build whole at every size a screen can ask, up to 16384 pixels", "[fonts]") {
    ImGuiContextScope context;
    // 1080p, 4K with large text (85.7 px em: a 274 px pictogram once overran ImGui's 256 KB glyph
    // buffer and corrupted the heap), font_size 200, and the short side of a 16384 px window.
    for (const float em : {31.8f, 85.7f, 200.0f, 481.9f * 1.35f}) {
        INFO("em " << em);
        REQUIRE(kiosk::ui::loadFonts(em, KIOSK_ASSETS_DIR, kTexts).empty());
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        CHECK(atlas.TexHeight <= 16384);
        CHECK(atlas.TexWidth <= 16384);
        const auto& fonts = kiosk::ui::fonts();
        CHECK(fonts.em == em);
        CHECK(fonts.body->FontSize == Approx(em));
        CHECK(fonts.title->FontSize == Approx(2.2f * em));
        CHECK(fonts.pictogram->FontSize == Approx(3.2f * em));
        // Text measures in proportion to the asked size, whether built at it or magnified.
        const float width = fonts.body->CalcTextSizeA(fonts.body->FontSize, 1e9f, 0, "Kindergeld").x;
        CHECK(width / em == Approx(5.0).margin(1.5));
        CHECK(fonts.body->FindGlyphNoFallback(0x00E4) != nullptr);  // ä
        CHECK(fonts.body->FindGlyphNoFallback(0x0434) != nullptr);  // д
    }
}
