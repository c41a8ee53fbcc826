// Unit tests for the map geometry: projection, point in polygon, camera pan and zoom, pin grouping.
#include "kiosk/core/district_map.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace kiosk::core;

namespace {

// A square 10 km across with a square hole in the middle, and an L-shaped neighbour (concave).
DistrictMap twoPlaces() {
    DistrictMap map;
    Municipality square{"Quadrat", "Gemeinde", {}, {}, {}};
    square.areas.push_back({{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}}});
    Municipality ell{"Winkel", "Stadt", {}, {}, {}};
    ell.areas.push_back({{{{10, 0}, {20, 0}, {20, 10}, {15, 10}, {15, 5}, {10, 5}}}});
    for (Municipality* m : {&square, &ell})
        for (const auto& p : m->areas.front().rings.front()) {
            m->bounds.include(p);
            map.bounds.include(p);
        }
    map.municipalities = {square, ell};
    return map;
}

}  // namespace

TEST_CASE("the projection keeps distances in kilometres and comes back", "[map]") {
    const Projection projection({48.70, 9.40});
    const PlanePoint origin = projection.project({48.70, 9.40});
    CHECK(origin.x == Approx(0).margin(1e-9));
    CHECK(origin.y == Approx(0).margin(1e-9));
    // Esslingen's town hall to Nürtingen's: about 13.4 km apart as the crow flies.
    const PlanePoint esslingen = projection.project({48.7406, 9.3108});
    const PlanePoint nuertingen = projection.project({48.6267, 9.3353});
    CHECK(std::hypot(esslingen.x - nuertingen.x, esslingen.y - nuertingen.y) == Approx(12.8).epsilon(0.03));
    CHECK(nuertingen.y > esslingen.y);  // south is further down the screen
    const GeoPoint back = projection.unproject(esslingen);
    CHECK(back.latitude == Approx(48.7406));
    CHECK(back.longitude == Approx(9.3108));
}

TEST_CASE("a point is in a municipality, not in its hole, and concave shapes are handled", "[map]") {
    const DistrictMap map = twoPlaces();
    CHECK(municipalityAt(map, {2, 2})->name == "Quadrat");
    CHECK(municipalityAt(map, {5, 5}) == nullptr);  // the hole
    CHECK(municipalityAt(map, {12, 2})->name == "Winkel");
    CHECK(municipalityAt(map, {12, 8}) == nullptr);  // the notch of the L
    CHECK(municipalityAt(map, {18, 8})->name == "Winkel");
    CHECK(municipalityAt(map, {25, 5}) == nullptr);
}

TEST_CASE("a provider is placed in the municipality of its location", "[map]") {
    DistrictMap map = twoPlaces();
    map.projection = Projection({0, 0});
    Provider inSquare;
    inSquare.location = map.projection.unproject({3, 3});
    CHECK(municipalityOf(map, inSquare)->name == "Quadrat");
    Provider national;  // no location
    CHECK(municipalityOf(map, national) == nullptr);
}

TEST_CASE("the viewport fits the district and maps both ways", "[map]") {
    const DistrictMap map = twoPlaces();  // 20 x 10 km
    const MapCamera camera{map.bounds.centre(), 1};
    const MapViewport viewport(map.bounds, camera, 100, 50, 1000, 1000);
    CHECK(viewport.pixelsPerKm() == Approx(50));  // the width limits: 1000 px / 20 km
    float x = 0, y = 0;
    viewport.toScreen({0, 0}, x, y);
    CHECK(x == Approx(100));
    CHECK(y == Approx(50 + 500 - 250));
    const PlanePoint back = viewport.toPlane(x, y);
    CHECK(back.x == Approx(0).margin(1e-6));
    CHECK(back.y == Approx(0).margin(1e-6));
}

TEST_CASE("zooming keeps the tapped point in place and stays within limits", "[map]") {
    const DistrictMap map = twoPlaces();
    const MapCamera start{map.bounds.centre(), 1};
    const PlanePoint anchor{15, 2};
    const MapCamera closer = zoomed(start, map.bounds, 2, anchor);
    CHECK(closer.zoom == 2);
    const MapViewport before(map.bounds, start, 0, 0, 1000, 500);
    const MapViewport after(map.bounds, closer, 0, 0, 1000, 500);
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    before.toScreen(anchor, x1, y1);
    after.toScreen(anchor, x2, y2);
    CHECK(x2 == Approx(x1));
    CHECK(y2 == Approx(y1));
    CHECK(zoomed(closer, map.bounds, 1000, anchor).zoom == kMaxZoom);
    // All the way out: the whole district, centred, whatever was panned before.
    const MapCamera out = zoomed(closer, map.bounds, 0.01, anchor);
    CHECK(out == start);
}

TEST_CASE("dragging moves the map with the finger, but not off the district", "[map]") {
    const DistrictMap map = twoPlaces();
    const MapCamera camera{map.bounds.centre(), 4};
    const MapCamera moved = panned(camera, map.bounds, 100, -50, 50);  // finger right and up
    CHECK(moved.centre.x == Approx(10 - 2));
    CHECK(moved.centre.y == Approx(5 + 1));
    const MapCamera far = panned(camera, map.bounds, -1e6, 0, 50);
    CHECK(far.centre.x == Approx(map.bounds.max.x));
    CHECK(panned({map.bounds.centre(), 1}, map.bounds, 300, 300, 50) == MapCamera{map.bounds.centre(), 1});
}

TEST_CASE("pins closer than the radius become one group with a count", "[map]") {
    const std::vector<ScreenPoint> points{{100, 100}, {110, 100}, {300, 300}, {105, 130}, {1000, 5}, {299, 301}};
    const auto groups = groupPins(points, 40);
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].members == std::vector<size_t>{0, 1, 3});
    CHECK(groups[0].x == Approx(105));
    CHECK(groups[0].y == Approx(110));
    CHECK(groups[1].members == std::vector<size_t>{2, 5});
    CHECK(groups[2].members == std::vector<size_t>{4});
    // Far apart, every pin is its own group; every pin is in exactly one group.
    CHECK(groupPins(points, 0.5f).size() == points.size());
    std::set<size_t> seen;
    for (const auto& g : groupPins(points, 200))
        for (size_t m : g.members) CHECK(seen.insert(m).second);
    CHECK(seen.size() == points.size());
}

TEST_CASE("grouping thousands of pins leaves no two group seeds overlapping", "[map]") {
    std::vector<ScreenPoint> points;
    for (int i = 0; i < 2000; ++i)
        points.push_back({static_cast<float>((i * 7919) % 1900), static_cast<float>((i * 104729) % 1000)});
    const auto groups = groupPins(points, 48);
    size_t members = 0;
    for (const auto& g : groups) members += g.members.size();
    CHECK(members == points.size());
    CHECK(groups.size() < points.size());
    // Each group's first pin is at least the radius away from every other group's first pin.
    for (size_t a = 0; a < groups.size(); ++a)
        for (size_t b = a + 1; b < groups.size(); ++b) {
            const ScreenPoint p = points[groups[a].members.front()], q = points[groups[b].members.front()];
            CHECK((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) >= 48 * 48);
        }
}
