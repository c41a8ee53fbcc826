// Ids proposed from titles are valid, readable and unique.
#include "kiosk/editing/content_ids.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::editing;

TEST_CASE("an id is proposed from a German title, spelt in plain letters", "[editing]") {
    CHECK(proposeId("Schwangerschaftsberatung bei pro familia", {}) == "schwangerschaftsberatung-bei-pro-familia");
    CHECK(proposeId("Frühe Hilfen – Größe & Maß!", {}) == "fruehe-hilfen-groesse-mass");
    CHECK(proposeId("  Kita-Platz (U3)  ", {}) == "kita-platz-u3");
    CHECK(isValidId(proposeId("Çocuk doktoru İstanbul'da", {})));
}

TEST_CASE("a proposed id is not one already taken", "[editing]") {
    CHECK(proposeId("Kindergeld", {"kindergeld"}) == "kindergeld-2");
    CHECK(proposeId("Kindergeld", {"kindergeld", "kindergeld-2"}) == "kindergeld-3");
}

TEST_CASE("a title without Latin letters or a very long one still gives a valid id", "[editing]") {
    CHECK(proposeId("استشارة", {}, "angebot") == "angebot");
    const std::string id = proposeId(std::string(30, 'a') + " " + std::string(30, 'b') + " " + std::string(30, 'c'), {});
    CHECK(id == std::string(30, 'a'));  // cut where a word ends, not inside one
    CHECK(id.size() <= 60);
    CHECK(isValidId(id));
    CHECK_FALSE(isValidId("Kindergeld"));
    CHECK_FALSE(isValidId(""));
    CHECK_FALSE(isValidId(std::string(81, 'a')));
}

TEST_CASE("entries are named as the content check names them", "[editing]") {
    CHECK(entryLabel("offers.yaml", "kindergeld") == "offer 'kindergeld'");
    CHECK(entryLabel("life_stages.yaml", "baby") == "life stage 'baby'");
    CHECK(entryLabel("providers.yaml", "jugendamt") == "provider 'jugendamt'");
}
