// Unit tests for the pixel density: configured diagonal, the monitor's report and when it is ignored.
#include "kiosk/core/screen_size.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::core;

TEST_CASE("a configured diagonal wins over the monitor's report", "[screen_size]") {
    // 24" 16:9: 531 x 299 mm, so 1920 px over 531 mm.
    const PixelDensity d = pixelDensity(24, 600, 340, 1920, 1080);
    CHECK(d.source == "configuration");
    CHECK(d.pixelsPerMm == Approx(1920 / 531.3).epsilon(0.005));
    // Upright, the same screen has the same pixels.
    CHECK(pixelDensity(24, 0, 0, 1080, 1920).pixelsPerMm == Approx(d.pixelsPerMm));
}

TEST_CASE("the monitor's size is taken when it is plausible", "[screen_size]") {
    const PixelDensity d = pixelDensity(0, 527, 296, 1920, 1080);
    CHECK(d.source == "monitor");
    CHECK(d.pixelsPerMm == Approx(1920 / 527.0).epsilon(0.005));
    CHECK(pixelDensity(0, 527, 296, 1080, 1920).source == "monitor");  // turned upright, reported as mounted
}

TEST_CASE("an implausible monitor report is ignored for a 24-inch assumption", "[screen_size]") {
    CHECK(pixelDensity(0, 0, 0, 1920, 1080).source == "assumed");
    CHECK(pixelDensity(0, 120, 68, 1920, 1080).source == "assumed");    // 5.4": a phone, no kiosk
    CHECK(pixelDensity(0, 3200, 1800, 1920, 1080).source == "assumed");  // nor a 145" one
    CHECK(pixelDensity(0, 500, 500, 1920, 1080).source == "assumed");   // square: not this picture
    CHECK(pixelDensity(0, 0, 0, 1920, 1080).pixelsPerMm == Approx(pixelDensity(24, 0, 0, 1920, 1080).pixelsPerMm));
}

TEST_CASE("millimetres from pixels", "[screen_size]") {
    const PixelDensity d{4.0, "configuration"};
    CHECK(toMillimetres(48, d) == Approx(12.0));
}
