// The editor's fonts hold what is typed: Arabic, Cyrillic and Turkish into content that had none
// (the six languages' scripts are built in from the start), and a letter of another script once the
// fonts are built again with the letters the typed text lacks (what the editor does before the next
// frame, see kiosk/editor/main.cpp).
#include "kiosk/editor/typed_letters.hpp"
#include "kiosk/ui/fonts.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

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
