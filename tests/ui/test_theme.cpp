// Every text colour of every theme against what it is drawn on: WCAG 2.2 contrast of at least 7:1.
#include "kiosk/ui/theme.hpp"

#include <catch2/catch.hpp>

#include <cstdio>

using namespace kiosk::ui;

TEST_CASE("the contrast ratio is WCAG's", "[theme]") {
    CHECK(contrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) == Approx(4.48).epsilon(0.01));
    CHECK(contrastRatio(IM_COL32(0x12, 0x34, 0x56, 255), IM_COL32(0x12, 0x34, 0x56, 255)) == Approx(1.0));
    // Order does not matter; red weighs less than green.
    CHECK(contrastRatio(IM_COL32(255, 0, 0, 255), IM_COL32(0, 0, 0, 255)) ==
          Approx(contrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 0, 0, 255))));
    CHECK(contrastRatio(IM_COL32(255, 0, 0, 255), IM_COL32(0, 0, 0, 255)) <
          contrastRatio(IM_COL32(0, 255, 0, 255), IM_COL32(0, 0, 0, 255)));
}

TEST_CASE("every text colour pair of every theme has a contrast of at least 7:1", "[theme]") {
    for (Theme theme : {Theme::Standard, Theme::HighContrast}) {
        const char* name = theme == Theme::Standard ? "standard" : "high contrast";
        const auto pairs = textColourPairs(palette(theme));
        CHECK(pairs.size() >= 16);
        double lowest = 21;
        for (const auto& pair : pairs) {
            const double ratio = contrastRatio(pair.text, pair.background);
            INFO(name << ": " << pair.what << " " << ratio << ":1");
            CHECK(ratio >= 7.0);
            lowest = std::min(lowest, ratio);
        }
        std::printf("%s theme: lowest text contrast %.2f:1\n", name, lowest);
    }
}

TEST_CASE("the high-contrast theme is light on dark, the standard one dark on light", "[theme]") {
    auto lighter = [](ImU32 a, ImU32 b) {
        return contrastRatio(a, IM_COL32(0, 0, 0, 255)) > contrastRatio(b, IM_COL32(0, 0, 0, 255));
    };
    CHECK(lighter(palette(Theme::Standard).background, palette(Theme::Standard).text));
    CHECK(lighter(palette(Theme::HighContrast).text, palette(Theme::HighContrast).background));
    // And stronger than the standard one where it matters most.
    CHECK(contrastRatio(palette(Theme::HighContrast).text, palette(Theme::HighContrast).background) >
          contrastRatio(palette(Theme::Standard).text, palette(Theme::Standard).background));
}
