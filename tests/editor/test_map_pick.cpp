// A tap on the editor's district map gives the place drawn under the finger, in the right municipality.
#include "kiosk/content/district_geo.hpp"
#include "kiosk/editing/map_pick.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace kiosk;

TEST_CASE("a tap on the district map gives back the place drawn there, in its municipality", "[editing][map]") {
    const auto map = content::loadDistrictMap(KIOSK_ASSETS "/geo");
    REQUIRE(map);
    const core::MapViewport viewport(map->bounds, {map->bounds.centre(), 1}, 10, 20, 400, 300);
    int tapped = 0;
    for (const core::Municipality& place : map->municipalities) {
        if (core::municipalityAt(*map, place.label) != &place) continue;  // a label outside a concave place
        float x = 0, y = 0;
        viewport.toScreen(place.label, x, y);
        const auto picked = editing::locationAt(*map, viewport, x, y);
        REQUIRE(picked);
        core::Provider provider;
        provider.location = picked;
        const core::Municipality* found = core::municipalityOf(*map, provider);
        REQUIRE(found);
        CHECK(found->name == place.name);
        // Drawn again, the pin is where the finger was (five decimals: within a pixel at this size).
        float backX = 0, backY = 0;
        viewport.toScreen(map->projection.project(*picked), backX, backY);
        CHECK(std::abs(backX - x) < 1.0f);
        CHECK(std::abs(backY - y) < 1.0f);
        CHECK(picked->latitude * 1e5 == Approx(std::round(picked->latitude * 1e5)).margin(1e-6));
        ++tapped;
    }
    CHECK(tapped > 30);  // the district's 44 towns and villages, nearly all
}

TEST_CASE("a tap beside the district sets no place", "[editing][map]") {
    const auto map = content::loadDistrictMap(KIOSK_ASSETS "/geo");
    REQUIRE(map);
    const core::MapViewport viewport(map->bounds, {map->bounds.centre(), 1}, 0, 0, 400, 300);
    float x = 0, y = 0;
    viewport.toScreen(map->bounds.min, x, y);  // the corner of the box around the district
    CHECK_FALSE(editing::locationAt(*map, viewport, x - 5, y - 5));
}
