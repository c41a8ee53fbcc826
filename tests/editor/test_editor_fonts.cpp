// The editor's fonts hold what is typed: Arabic, Cyrillic and Turkish into content that had none
// (the six languages' scripts are built in from the start), and a letter of another script once the
// fonts are built again with the letters the typed text lacks (what the editor does before the next
// frame, see kiosk/editor/main.cpp).
#include "kiosk/editor/typed_letters.hpp"
#include "kiosk/ui/fonts.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <thread>

namespace {

using kiosk::editor::missingLetters;
using kiosk::editor::scriptLetters;

struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};

// The fonts as the editor builds them for content of Latin letters only, plus `letters`.
const ImFont& fontsWith(const std::string& letters) {
    REQUIRE(kiosk::ui::loadFonts(17, KIOSK_ASSETS, "Kindergeld für alle Familien" + letters).empty());
    return *kiosk::ui::fonts().body;
}

}  // namespace

TEST_CASE("typed Arabic, Cyrillic and Turkish have glyphs in the editor's fonts from the start", "[editing]") {
    Context context;
    const std::string typed = "مرحبا گچ — Привіт, їжак — Ağaç, şişe, ılık";
    CHECK_FALSE(missingLetters(fontsWith(""), typed).empty());  // the content's letters alone: '?' boxes
    const ImFont& font = fontsWith(scriptLetters());
    CHECK(missingLetters(font, typed).empty());
    CHECK(font.FindGlyphNoFallback(0x06AF) != nullptr);  // گ
    CHECK(font.FindGlyphNoFallback(0xFEDF) != nullptr);  // ل at the start of a word, as the preview joins it
    CHECK(font.FindGlyphNoFallback(0x0457) != nullptr);  // ї
    CHECK(font.FindGlyphNoFallback(0x0131) != nullptr);  // ı
}

TEST_CASE("a letter of another script is built into the editor's fonts once typed", "[editing]") {
    Context context;
    const std::string typed = "Ελληνικά";
    const std::string missing = missingLetters(fontsWith(scriptLetters()), typed);
    REQUIRE_FALSE(missing.empty());
    CHECK(fontsWith(scriptLetters()).FindGlyphNoFallback(0x03BB) == nullptr);  // λ
    const ImFont& font = fontsWith(scriptLetters() + missing);
    CHECK(missingLetters(font, typed).empty());
    CHECK(font.FindGlyphNoFallback(0x03BB) != nullptr);
}

TEST_CASE("fonts built on another thread are swapped in whole, the old ones drawn until then", "[editing]") {
    Context context;
    const ImFont& before = fontsWith(scriptLetters());
    REQUIRE(before.FindGlyphNoFallback(0x03BB) == nullptr);  // λ
    const ImFontAtlas* atlasBefore = ImGui::GetIO().Fonts;
    kiosk::ui::FontAtlasBuild built;
    std::thread worker([&] { built = kiosk::ui::buildFontAtlas(17, KIOSK_ASSETS, scriptLetters() + "Ελληνικά"); });
    worker.join();
    REQUIRE(built.error.empty());
    REQUIRE(built.atlas);
    CHECK(ImGui::GetIO().Fonts == atlasBefore);  // built beside ImGui's atlas, not into it
    CHECK(kiosk::ui::fonts().body->FindGlyphNoFallback(0x03BB) == nullptr);
    REQUIRE(kiosk::ui::installFontAtlas(std::move(built)));
    CHECK(ImGui::GetIO().Fonts != atlasBefore);
    const ImFont& after = *kiosk::ui::fonts().body;
    CHECK(after.ContainerAtlas == ImGui::GetIO().Fonts);
    CHECK(after.FindGlyphNoFallback(0x03BB) != nullptr);
    CHECK(missingLetters(after, "Ağaç Привіт مرحبا").empty());
    CHECK_FALSE(kiosk::ui::installFontAtlas({}));  // a failed build changes nothing
    CHECK(kiosk::ui::fonts().body == &after);
}
