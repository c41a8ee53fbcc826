// Unit tests for the district map data: all 44 municipalities load, real places fall in the
// right one, and every sample provider lies in the municipality its address names.
#include "kiosk/content/district_geo.hpp"
#include "kiosk/content/source_loader.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace kiosk;

namespace {

const std::filesystem::path kGeo = KIOSK_ASSETS "/geo";

std::string placeOf(const core::DistrictMap& map, double latitude, double longitude) {
    const auto* m = core::municipalityAt(map, map.projection.project({latitude, longitude}));
    return m ? m->name : "(outside)";
}

}  // namespace

TEST_CASE("the district map has its 44 municipalities", "[district_geo]") {
    auto map = content::loadDistrictMap(kGeo);
    INFO((map ? "" : map.problem().logLine()));
    REQUIRE(map);
    CHECK(map->municipalities.size() == 44);
    CHECK(!map->outline.empty());
    // About 45 km east to west and 35 km north to south.
    CHECK(map->bounds.max.x - map->bounds.min.x == Approx(45).margin(8));
    CHECK(map->bounds.max.y - map->bounds.min.y == Approx(35).margin(8));
}

TEST_CASE("town halls lie in their own municipality", "[district_geo]") {
    auto map = content::loadDistrictMap(kGeo);
    REQUIRE(map);
    CHECK(placeOf(*map, 48.7406, 9.3108) == "Esslingen am Neckar");
    CHECK(placeOf(*map, 48.6267, 9.3405) == "Nürtingen");
    CHECK(placeOf(*map, 48.6485, 9.4511) == "Kirchheim unter Teck");
    CHECK(placeOf(*map, 48.6880, 9.2180) == "Filderstadt");
    CHECK(placeOf(*map, 48.7758, 9.1829) == "(outside)");  // Stuttgart
}

TEST_CASE("every sample provider lies in the municipality of its address", "[district_geo]") {
    auto map = content::loadDistrictMap(kGeo);
    REQUIRE(map);
    auto source = content::loadSource(KIOSK_SAMPLE_CONTENT);
    REQUIRE(source.ok());
    for (const auto& provider : source.catalog.providers) {
        if (!provider.location) continue;
        const auto* m = core::municipalityOf(*map, provider);
        INFO(provider.id << " at " << provider.location->latitude << "," << provider.location->longitude);
        REQUIRE(m);
        CHECK(provider.address.municipality.find(m->name) != std::string::npos);
    }
}

TEST_CASE("a missing or broken map file is a message, not a crash", "[district_geo]") {
    kiosk::test::TempFolder folder;
    const auto missing = content::loadDistrictMap(folder.path());
    REQUIRE(!missing);
    CHECK(missing.problem().detail().find("landkreis-esslingen.geojson is missing") != std::string::npos);
    std::ofstream(folder.path() / "landkreis-esslingen.geojson") << "{\"type\": \"FeatureCollection\", \"features\": [";
    std::ofstream(folder.path() / "landkreis-esslingen-gemeinden.geojson") << "{}";
    const auto broken = content::loadDistrictMap(folder.path());
    REQUIRE(!broken);
    CHECK(broken.problem().english().find("cannot be read") != std::string::npos);
}
