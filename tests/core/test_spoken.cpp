// Unit tests for which sound files speak a screen: named in the content, or by convention.
#include "kiosk/core/spoken.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace kiosk::core;

namespace {

Catalog twoLanguages() {
    Catalog c;
    c.lifeStages = {{"baby", "baby", {{"de", "Baby"}, {"en", "Baby"}}, {}}};
    Provider p;
    p.id = "familienkasse";
    p.name = {{"de", "Familienkasse"}};
    c.providers = {p};
    Offer o;
    o.id = "kindergeld";
    o.providerId = "familienkasse";
    o.title = {{"de", "Kindergeld"}, {"en", "Child benefit"}};
    o.audio = {{"de", "aufnahmen/kindergeld.ogg"}};
    c.offers = {o};
    return c;
}

}  // namespace

TEST_CASE("the start screen and offers keep the files the content names", "[spoken]") {
    const Catalog c = twoLanguages();
    REQUIRE(explanationAudio(c, "offer:kindergeld"));
    CHECK(explanationAudio(c, "offer:kindergeld")->get("de") == "aufnahmen/kindergeld.ogg");
    CHECK(conventionalAudioName("offer:kindergeld").empty());
    CHECK(conventionalAudioName("home").empty());
}

TEST_CASE("the other screens' files follow from their key, in every language of the content", "[spoken]") {
    const Catalog c = twoLanguages();
    const auto provider = explanationAudio(c, "provider:familienkasse");
    REQUIRE(provider);
    CHECK(provider->get("de") == "audio/de/provider-familienkasse.ogg");
    CHECK(provider->get("en") == "audio/en/provider-familienkasse.ogg");
    CHECK(!provider->has("tr"));  // no Turkish content: German plays (see playableFile)
    CHECK(explanationAudio(c, "stage:baby")->get("en") == "audio/en/stage-baby.ogg");
    for (const char* screen : {"emergencies", "about", "map", "search", "list", "languages"})
        CHECK(explanationAudio(c, screen)->get("de") == std::string("audio/de/") + screen + ".ogg");
}

TEST_CASE("an unknown screen or id has no explanation", "[spoken]") {
    const Catalog c = twoLanguages();
    CHECK(!explanationAudio(c, "provider:gibt-es-nicht"));
    CHECK(!explanationAudio(c, "stage:teenager"));
    CHECK(!explanationAudio(c, "provider:"));
    CHECK(!explanationAudio(c, "staff"));
    CHECK(!explanationAudio(c, "offer:gibt-es-nicht"));
}

TEST_CASE("every conventional explanation is listed once", "[spoken]") {
    const auto keys = conventionalExplanations(twoLanguages());
    CHECK(keys == std::vector<std::string>{"stage:baby", "emergencies", "about", "map", "search", "list",
                                           "qr", "languages", "professionals", "actors", "practices", "events",
                                           "groups", "provider:familienkasse"});
}

TEST_CASE("a missing conventional file means no button, a present one plays", "[spoken]") {
    kiosk::test::TempFolder media;
    const Catalog c = twoLanguages();
    const auto files = *explanationAudio(c, "provider:familienkasse");
    CHECK(playableFile(files, media.path(), "en").empty());
    std::filesystem::create_directories(media.path() / "audio/de");
    std::ofstream(media.path() / "audio/de/provider-familienkasse.ogg") << "x";
    CHECK(playableFile(files, media.path(), "en") == media.path() / "audio/de/provider-familienkasse.ogg");
}
