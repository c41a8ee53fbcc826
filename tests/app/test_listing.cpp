// Unit tests for `--list`: `speech` names every spoken explanation of a language with the text to speak,
// which scripts/make-audio turns into sound files.
#include "kiosk/app/listing.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/spoken.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace kiosk;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const fs::path kSample = KIOSK_SAMPLE_CONTENT;

std::vector<std::string> listing(const core::Catalog& catalog, const std::string& what, const std::string& language) {
    char* buffer = nullptr;
    size_t size = 0;
    std::FILE* out = ::open_memstream(&buffer, &size);
    REQUIRE(out != nullptr);
    app::printListing(catalog, what, language, out);
    std::fclose(out);
    std::istringstream text(std::string(buffer, size));
    std::free(buffer);
    std::vector<std::string> lines;
    for (std::string line; std::getline(text, line);) lines.push_back(line);
    return lines;
}

// Sound file path -> text to speak.
std::map<std::string, std::string> speech(const core::Catalog& catalog, const std::string& language) {
    std::map<std::string, std::string> result;
    for (const auto& line : listing(catalog, "speech", language)) {
        auto tab = line.find('\t');
        INFO("line: " << line);
        REQUIRE(tab != std::string::npos);
        CHECK(line.find('\t', tab + 1) == std::string::npos);
        CHECK(result.emplace(line.substr(0, tab), line.substr(tab + 1)).second);
    }
    return result;
}

core::Catalog sample() {
    auto result = content::loadSource(kSample);
    REQUIRE(result.ok());
    return result.catalog;
}

}  // namespace

// The listing's entries that are not an offer's or the home screen's: the other screens' by convention.
std::vector<std::string> screenFiles(const core::Catalog& catalog, const std::string& language) {
    std::vector<std::string> files;
    for (const auto& key : core::conventionalExplanations(catalog))
        files.push_back("audio/" + language + "/" + core::conventionalAudioName(key) + ".ogg");
    return files;
}

TEST_CASE("the speech listing names every offer of the sample, the home screen and the other screens, in German and English",
          "[listing]") {
    const core::Catalog catalog = sample();
    for (const std::string language : {"de", "en"}) {
        INFO("language " << language);
        const auto lines = speech(catalog, language);
        const auto screens = screenFiles(catalog, language);
        CHECK(lines.size() == catalog.offers.size() + 1 + screens.size());
        for (const auto& file : screens) {
            INFO("screen file " << file);
            const auto line = lines.find(file);
            REQUIRE(line != lines.end());
            CHECK_FALSE(line->second.empty());
        }
        const auto home = lines.find("audio/" + language + "/home.ogg");
        REQUIRE(home != lines.end());
        CHECK(home->second == catalog.network.description.get(language));
        for (const auto& offer : catalog.offers) {
            INFO("offer " << offer.id);
            const auto line = lines.find("audio/" + language + "/" + offer.id + ".ogg");
            REQUIRE(line != lines.end());
            CHECK_THAT(line->second, StartsWith(offer.title.get(language)) &&
                                         Contains(" " + offer.summary.get(language)));
        }
    }
    CHECK(listing(catalog, "speech", "de").front().starts_with("audio/de/home.ogg\t"));  // home first, then offers
}

TEST_CASE("the speech listing is empty for a language the content names no sound files in", "[listing]") {
    CHECK(listing(sample(), "speech", "fr").empty());
}

TEST_CASE("the sample's home screen and key offers speak Turkish, Arabic, Ukrainian and Russian in that language",
          "[listing]") {
    const core::Catalog catalog = sample();
    for (const std::string language : {"tr", "ar", "uk", "ru"}) {
        INFO("language " << language);
        const auto lines = speech(catalog, language);
        const auto home = lines.find("audio/" + language + "/home.ogg");
        REQUIRE(home != lines.end());
        CHECK(home->second == catalog.network.description.get(language));
        const auto offer = catalog.offer("kinderzuschlag");
        REQUIRE(offer != nullptr);
        const auto line = lines.find("audio/" + language + "/kinderzuschlag.ogg");
        REQUIRE(line != lines.end());
        CHECK_THAT(line->second, StartsWith(offer->title.get(language) + ". " + offer->summary.get(language)));
        CHECK(line->second.find(offer->summary.get("de")) == std::string::npos);  // not German in a foreign voice
    }
}

TEST_CASE("the text to speak is the offer's title, summary and description in that language", "[listing]") {
    core::Catalog catalog;
    core::Offer offer;
    offer.id = "kindergeld";
    offer.title = {{"de", "Kindergeld"}, {"en", "Child benefit"}};
    offer.summary = {{"de", "Geld für jedes Kind."}, {"en", "Money for every child?"}};
    offer.description = {{"de", "Den Antrag stellen Sie\nbei der Familienkasse."}};
    offer.audio = {{"de", "audio/de/kindergeld.ogg"}, {"en", "audio/en/kindergeld.ogg"}, {"tr", "tr/kindergeld.wav"}};
    catalog.offers.push_back(offer);

    const auto german = speech(catalog, "de");
    CHECK(german.at("audio/de/kindergeld.ogg") ==
          "Kindergeld. Geld für jedes Kind. Den Antrag stellen Sie bei der Familienkasse.");
    CHECK(german.size() == 1 + screenFiles(catalog, "de").size());  // besides the offer: the other screens
    // An English voice does not read the untranslated German description.
    const auto english = speech(catalog, "en");
    CHECK(english.at("audio/en/kindergeld.ogg") == "Child benefit. Money for every child?");
    CHECK(english.size() == 1 + screenFiles(catalog, "en").size());
    // A language with a sound file but no texts of its own: the German texts are what there is to say.
    CHECK(speech(catalog, "tr").at("tr/kindergeld.wav") ==
          "Kindergeld. Geld für jedes Kind. Den Antrag stellen Sie bei der Familienkasse.");
    CHECK(speech(catalog, "uk").empty());
}
