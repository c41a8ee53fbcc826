// Arabic as the kiosk draws it: joined presentation forms in right-to-left order, the same glyphs a
// reference rendering by pango (HarfBuzz) picks from the same font; wrapped lines keep the word order.
#include "kiosk/core/utf8.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/view.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <pango/pangoft2.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>
#include <vector>

using namespace kiosk::ui;

namespace {

std::u32string codepoints(const std::string& utf8) {
    std::u32string out;
    for (size_t i = 0; i < utf8.size();) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, utf8.c_str() + i, utf8.c_str() + utf8.size());
        out.push_back(c);
        i += static_cast<size_t>(n > 0 ? n : 1);
    }
    return out;
}

struct Reference {
    std::vector<unsigned> glyphs;  // left to right, as drawn
    std::string family;            // of every run (empty when runs used different fonts)
    hb_font_t* font = nullptr;     // to look our characters up in the same font
};

// One line laid out right to left by pango in DejaVu Sans (the kiosk's font).
class PangoReference {
public:
    PangoReference() : m_map(pango_ft2_font_map_new()), m_context(pango_font_map_create_context(m_map)) {
        pango_context_set_base_dir(m_context, PANGO_DIRECTION_RTL);
    }
    ~PangoReference() {
        g_object_unref(m_context);
        g_object_unref(m_map);
    }
    PangoReference(const PangoReference&) = delete;
    PangoReference& operator=(const PangoReference&) = delete;

    Reference layOut(const std::string& text) {
        PangoLayout* layout = pango_layout_new(m_context);
        PangoFontDescription* description = pango_font_description_from_string("DejaVu Sans 24");
        pango_layout_set_font_description(layout, description);
        pango_layout_set_auto_dir(layout, FALSE);
        pango_layout_set_text(layout, text.c_str(), -1);
        Reference reference;
        bool first = true;
        PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
        for (GSList* run = line->runs; run; run = run->next) {
            auto* item = static_cast<PangoGlyphItem*>(run->data);
            PangoFontDescription* used = pango_font_describe(item->item->analysis.font);
            const std::string family = pango_font_description_get_family(used);
            pango_font_description_free(used);
            if (first) reference.family = family;
            else if (family != reference.family) reference.family.clear();
            first = false;
            reference.font = pango_font_get_hb_font(item->item->analysis.font);
            for (int i = 0; i < item->glyphs->num_glyphs; ++i)
                if (item->glyphs->glyphs[i].glyph != PANGO_GLYPH_EMPTY)
                    reference.glyphs.push_back(item->glyphs->glyphs[i].glyph);
        }
        pango_font_description_free(description);
        g_object_unref(layout);
        return reference;
    }

private:
    PangoFontMap* m_map;
    PangoContext* m_context;
};

// Whether the kiosk draws `text` with pango's glyphs: each shaped character, looked up in the same
// font, is pango's glyph, in the same order. An isolated form may also be drawn by pango with the
// letter's own glyph (the same drawing: a font's isolated form is its nominal one).
bool sameGlyphs(const std::string& text, const Reference& reference, std::string& difference) {
    const std::u32string shaped = codepoints(shapeLine(text, true));
    if (shaped.size() != reference.glyphs.size()) {
        difference = "kiosk " + std::to_string(shaped.size()) + " glyphs, pango " + std::to_string(reference.glyphs.size());
        return false;
    }
    for (size_t i = 0; i < shaped.size(); ++i) {
        hb_codepoint_t glyph = 0;
        hb_font_get_nominal_glyph(reference.font, shaped[i], &glyph);
        if (glyph == reference.glyphs[i]) continue;
        // The letter of an isolated form: its compatibility composition (NFKC), e.g. U+FE83 -> U+0623.
        char utf8[8] = {};
        g_unichar_to_utf8(shaped[i], utf8);
        gchar* normal = g_utf8_normalize(utf8, -1, G_NORMALIZE_NFKC);
        const std::u32string letter = codepoints(normal ? normal : "");
        g_free(normal);
        hb_codepoint_t nominal = 0;
        if (letter.size() == 1 && hb_font_get_nominal_glyph(reference.font, letter[0], &nominal) &&
            nominal == reference.glyphs[i])
            continue;
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "at %zu: U+%04X is glyph %u, pango drew glyph %u", i,
                      static_cast<unsigned>(shaped[i]), glyph, reference.glyphs[i]);
        difference = buffer;
        return false;
    }
    return true;
}

bool hasArabicMarks(const std::string& text) {  // vowel signs: drawn on their letter, not after it
    for (char32_t c : codepoints(text))
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670) return true;
    return false;
}

// An ImGui context with the kiosk's fonts, without a window (the atlas is built in memory).
struct ImGuiFonts {
    explicit ImGuiFonts(float em) {
        ImGui::CreateContext();
        error = loadFonts(em, KIOSK_ASSETS_DIR, allTexts(nullptr));
    }
    ~ImGuiFonts() { ImGui::DestroyContext(); }
    ImGuiFonts(const ImGuiFonts&) = delete;
    ImGuiFonts& operator=(const ImGuiFonts&) = delete;
    std::string error;
};

}  // namespace

TEST_CASE("Arabic is shaped into joined forms and drawn right to left, as pango draws it", "[text_direction]") {
    PangoReference pango;
    const std::string text = GENERATE(as<std::string>{},
                                      "كم عمر طفلك؟",                             // joining, question mark
                                      "لا يوجد هنا عرض حول هذا الموضوع بعد.",     // lam-alef ligature
                                      "اتصل بالرقم 0711 123 45 67 لدى Caritas",  // digits and a Latin name
                                      "استشارة الرضع لدى Caritas (مجانا)");      // brackets mirror
    INFO(text);
    const Reference reference = pango.layOut(text);
    REQUIRE(reference.family == "DejaVu Sans");
    std::string difference;
    const bool same = sameGlyphs(text, reference, difference);
    INFO(difference);
    CHECK(same);
}

TEST_CASE("the shaped text is presentation forms, with the first word at the right end", "[text_direction]") {
    const std::u32string shaped = codepoints(shapeLine("كم عمر", true));
    // كم: kaf initial (U+FEDB), meem final (U+FEE2); عمر: ain initial, meem medial, reh final.
    // Visual order: the last word first from the left, each word's letters reversed.
    CHECK(shaped == std::u32string{0xFEAE, 0xFEE4, 0xFECB, U' ', 0xFEE2, 0xFEDB});
    // Latin and digits keep their own order inside the right-to-left line.
    const std::string mixed = shapeLine("الرقم 112 من Caritas", true);
    CHECK(mixed.find("112") != std::string::npos);
    CHECK(mixed.find("Caritas") == 0);  // the last word of the sentence is the leftmost
    // Text without right-to-left letters is left alone.
    CHECK(shapeLine("Kindergeld 250 €", true) == "Kindergeld 250 €");
}

TEST_CASE("every Arabic kiosk string matches pango's glyphs", "[text_direction]") {
    REQUIRE(loadUiStrings(std::string(KIOSK_ASSETS_DIR) + "/i18n").empty());
    PangoReference pango;
    int compared = 0;
    std::vector<std::string> texts;
    forEachUiString([&](const std::string& text) { texts.push_back(text); });
    for (const auto& text : texts) {
        if (!hasRightToLeftText(text) || hasArabicMarks(text)) continue;
        const Reference reference = pango.layOut(text);
        INFO(text);
        REQUIRE(reference.family == "DejaVu Sans");
        std::string difference;
        const bool same = sameGlyphs(text, reference, difference);
        INFO(difference);
        CHECK(same);
        ++compared;
    }
    CHECK(compared > 60);
}

TEST_CASE("the font atlas holds every joined form the Arabic strings need", "[text_direction]") {
    REQUIRE(loadUiStrings(std::string(KIOSK_ASSETS_DIR) + "/i18n").empty());
    ImGuiFonts imgui(24);
    REQUIRE(imgui.error.empty());
    std::vector<std::string> texts;
    forEachUiString([&](const std::string& text) { texts.push_back(text); });
    int checked = 0;
    for (const auto& text : texts) {
        if (!hasRightToLeftText(text)) continue;
        for (char32_t c : codepoints(shapeLine(text, true))) {
            if (c == U' ') continue;
            INFO(text << " U+" << std::hex << static_cast<unsigned>(c));
            CHECK(fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            CHECK(fonts().title->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            ++checked;
        }
    }
    CHECK(checked > 500);
}

TEST_CASE("the joined forms of a text's characters hold every glyph the shaped text needs", "[text_direction]") {
    // The kiosk builds its fonts from the characters of its content (a list the database keeps),
    // not from the texts: arabicForms must give whatever shaping any text of these characters makes.
    REQUIRE(loadUiStrings(std::string(KIOSK_ASSETS_DIR) + "/i18n").empty());
    std::string all;
    forEachUiString([&](const std::string& text) {
        if (hasRightToLeftText(text)) all += text + "\n";
    });
    REQUIRE(!all.empty());
    std::set<char32_t> characters;
    for (char32_t c : codepoints(all)) characters.insert(c);
    std::string list;
    for (char32_t c : characters) list += kiosk::core::encodeUtf8(std::u32string(1, c));
    std::set<char32_t> atlas(characters);
    for (char32_t c : codepoints(arabicForms(list))) atlas.insert(c);
    int checked = 0;
    size_t start = 0;
    for (size_t end = all.find('\n'); end != std::string::npos; start = end + 1, end = all.find('\n', start))
        for (char32_t c : codepoints(shapeLine(all.substr(start, end - start), true))) {
            INFO(all.substr(start, end - start) << " U+" << std::hex << static_cast<unsigned>(c));
            CHECK(atlas.count(c) == 1);
            ++checked;
        }
    CHECK(checked > 500);
}

TEST_CASE("a search field's direction is that of its first letter", "[text_direction]") {
    CHECK(writtenRightToLeft("قابلة", false));
    CHECK(writtenRightToLeft("قابلة Kita", false));
    CHECK_FALSE(writtenRightToLeft("Kita قابلة", true));
    CHECK_FALSE(writtenRightToLeft("Kindergeld", true));
    CHECK(writtenRightToLeft("112 ", true));  // no letter: the screen's direction
    CHECK_FALSE(writtenRightToLeft("112 ", false));
}

TEST_CASE("every joined form of a word typed on the Arabic keyboard is among the fonts' letters", "[text_direction]") {
    REQUIRE(loadKeyboards(std::string(KIOSK_ASSETS_DIR) + "/keyboards").empty());
    const KeyboardLayout* arabic = keyboardFor("ar");
    REQUIRE(arabic);
    REQUIRE(arabic->language == "ar");
    // What the kiosk puts in the atlas for the keyboards: the letters, and them shaped.
    const std::string letters = keyboardLetters();
    std::set<char32_t> atlas;
    for (char32_t c : codepoints(letters) + codepoints(shapeLine(letters, true))) atlas.insert(c);
    std::vector<std::string> keys;
    for (const auto& row : arabic->rows)
        for (const auto& key : row)
            if (hasRightToLeftText(key)) keys.push_back(key);
    REQUIRE(keys.size() > 30);
    int missing = 0;
    for (const auto& a : keys)
        for (const auto& b : keys)
            for (char32_t c : codepoints(shapeLine(a + b + a + " " + b + b, true)))
                if (c != U' ' && !atlas.count(c)) {
                    INFO(a << b << " U+" << std::hex << static_cast<unsigned>(c));
                    CHECK(false);
                    ++missing;
                }
    CHECK(missing == 0);
}

TEST_CASE("a wrapped Arabic paragraph starts on the first line's right and every line fits", "[text_direction]") {
    ImGuiFonts imgui(24);
    REQUIRE(imgui.error.empty());
    setRightToLeft(true);
    const std::string paragraph = "تجيب أخصائية عن أسئلتك حول طفلك الرضيع. أحضر معك دفتر الفحوصات الأصفر للطفل. "
                                  "الاستشارة مجانية وتستغرق حوالي 30 دقيقة.";
    ImFont* font = fonts().body;
    const float width = 300;
    const auto& lines = displayLines(paragraph, font, font->FontSize, width);
    REQUIRE(lines.size() >= 3);
    for (const auto& line : lines) {
        INFO(line);
        CHECK(font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.c_str()).x <= width);
    }
    // The first words are on the first line, at its right end (where a right-to-left reader starts).
    const std::string first = shapeLine("تجيب أخصائية", true);
    CHECK(lines.front().size() >= first.size());
    CHECK(lines.front().substr(lines.front().size() - first.size()) == first);
    // The last words on the last line, the full stop at its left end.
    CHECK(lines.back().find(shapeLine("دقيقة", true)) != std::string::npos);
    CHECK(lines.back().find("30") != std::string::npos);
    CHECK(lines.back().front() == '.');
    setRightToLeft(false);
}

TEST_CASE("the shaped texts' caches stay bounded and are emptied when a family leaves", "[text_direction]") {
    ImGuiFonts imgui(24);
    REQUIRE(imgui.error.empty());
    ImFont* font = fonts().body;
    forgetShapedTexts();
    CHECK(shapedTextsCached() == 0);
    // Many distinct texts, as years of visits to changing content would show: never more than the bound.
    size_t most = 0;
    for (int i = 0; i < 2 * static_cast<int>(kShapedTextsBound) + 10; ++i) {
        displayLines("Angebot Nummer " + std::to_string(i), font, font->FontSize, 300);
        displayLine("مرحبا " + std::to_string(i));
        most = std::max(most, shapedTextsCached());
    }
    CHECK(most <= 2 * kShapedTextsBound);
    CHECK(most >= kShapedTextsBound);  // they do cache
    forgetShapedTexts();  // the idle reset
    CHECK(shapedTextsCached() == 0);
    // And they work as before afterwards.
    CHECK(displayLines("Kindergeld", font, font->FontSize, 300) == std::vector<std::string>{"Kindergeld"});
    CHECK(shapedTextsCached() == 1);
    forgetShapedTexts();
}
