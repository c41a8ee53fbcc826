// Unit tests for the catalog filters the screens show: offers per life stage and topic, emergencies, lookups.
#include "kiosk/core/catalog.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include <string>
#include <vector>

using namespace kiosk::core;

namespace {

Offer offer(std::string id, std::vector<std::string> stages, std::vector<std::string> topics, std::string provider,
            LocalizedText title) {
    Offer o;
    o.id = std::move(id);
    o.lifeStages = std::move(stages);
    o.topics = std::move(topics);
    o.providerId = std::move(provider);
    o.title = std::move(title);
    return o;
}

// A small catalog in content order; the emergency topic has offers of its own.
Catalog smallCatalog() {
    Catalog c;
    c.lifeStages = {{"pregnancy", "human-pregnant", {{"de", "Schwangerschaft"}, {"en", "Pregnancy"}}, {}},
                    {"baby", "baby", {{"de", "Baby"}, {"en", "Baby"}}, {}},
                    {"toddler", "human-child", {{"de", "Kleinkind"}, {"en", "Toddler"}}, {}}};
    c.topics = {{"counselling", "forum", {{"de", "Beratung"}, {"en", "Counselling"}}, false},
                {"money", "currency-eur", {{"de", "Geld und Leistungen"}, {"en", "Money and benefits"}}, false},
                {"health", "heart-pulse", {{"de", "Gesundheit"}, {"en", "Health"}}, false},
                {"housing", "home-variant", {{"de", "Wohnen"}, {"en", "Housing"}}, false},
                {"emergencies", "alert-circle", {{"de", "Hilfe im Notfall"}, {"en", "Help in an emergency"}}, true}};
    Provider familienkasse;
    familienkasse.id = "familienkasse";
    familienkasse.name = {{"de", "Familienkasse"}};
    familienkasse.national = true;
    Provider praxis;
    praxis.id = "kinderarztpraxis";
    praxis.name = {{"de", "Kinderarztpraxis"}};
    Provider notruf;
    notruf.id = "notruf-112";
    notruf.name = {{"de", "Notruf 112"}};
    c.providers = {familienkasse, praxis, notruf};
    c.offers = {
        offer("kindergeld", {"baby", "toddler"}, {"money"}, "familienkasse",
              {{"de", "Kindergeld"}, {"en", "Child benefit"}}),
        offer("vorsorge", {"baby"}, {"health"}, "kinderarztpraxis", {{"de", "Vorsorge"}, {"en", "Check-ups"}}),
        offer("notruf", {"pregnancy", "baby", "toddler"}, {"emergencies", "health"}, "notruf-112",
              {{"de", "Notruf"}, {"en", "Emergency call"}}),
        offer("elterngeld", {"pregnancy", "baby"}, {"money", "counselling"}, "familienkasse",
              {{"de", "Elterngeld"}, {"en", "Parental allowance"}}),
    };
    return c;
}

std::vector<std::string> ids(const std::vector<const Offer*>& offers) {
    std::vector<std::string> result;
    for (const Offer* o : offers) result.push_back(o->id);
    return result;
}

std::vector<std::string> ids(const std::vector<const Topic*>& topics) {
    std::vector<std::string> result;
    for (const Topic* t : topics) result.push_back(t->id);
    return result;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a life stage lists its offers in content order, without emergency offers", "[catalog]") {
    const Catalog c = smallCatalog();
    CHECK(ids(c.offersFor("baby")) == Ids{"kindergeld", "vorsorge", "elterngeld"});
    CHECK(ids(c.offersFor("toddler")) == Ids{"kindergeld"});
    CHECK(ids(c.offersFor("pregnancy")) == Ids{"elterngeld"});
    CHECK(c.offersFor("primary-school").empty());
}

TEST_CASE("a topic filter narrows a life stage to that topic", "[catalog]") {
    const Catalog c = smallCatalog();
    CHECK(ids(c.offersFor("baby", "money")) == Ids{"kindergeld", "elterngeld"});
    CHECK(ids(c.offersFor("baby", "health")) == Ids{"vorsorge"});
    CHECK(ids(c.offersFor("toddler", "health")).empty());
    CHECK(c.offersFor("baby", "housing").empty());
    CHECK(c.offersFor("baby", "emergencies").empty());
}

TEST_CASE("with a topic chosen, offers whose main topic it is come first", "[catalog]") {
    const Catalog c = smallCatalog();
    // Elterngeld's main topic is money, the counselling it also lists comes second.
    CHECK(ids(c.offersFor("baby", "counselling")) == Ids{"elterngeld"});
    Catalog reordered = c;
    reordered.offers[0].topics = {"counselling", "money"};  // Kindergeld now mainly counselling
    CHECK(ids(reordered.offersFor("baby", "money")) == Ids{"elterngeld", "kindergeld"});
    CHECK(ids(reordered.offersFor("baby", "counselling")) == Ids{"kindergeld", "elterngeld"});
    // Without a topic the content order stands.
    CHECK(ids(reordered.offersFor("baby")) == Ids{"kindergeld", "vorsorge", "elterngeld"});
}

TEST_CASE("a life stage offers only topics that have offers for it", "[catalog]") {
    const Catalog c = smallCatalog();
    CHECK(ids(c.topicsFor("baby")) == Ids{"counselling", "money", "health"});
    // The toddler's only health offer is an emergency one, so health is not a filter there.
    CHECK(ids(c.topicsFor("toddler")) == Ids{"money"});
    CHECK(ids(c.topicsFor("pregnancy")) == Ids{"counselling", "money"});
    CHECK(c.topicsFor("primary-school").empty());
}

TEST_CASE("emergency offers are those with an emergency topic", "[catalog]") {
    const Catalog c = smallCatalog();
    CHECK(ids(c.emergencyOffers()) == Ids{"notruf"});
    CHECK(c.isEmergency(*c.offer("notruf")));
    CHECK_FALSE(c.isEmergency(*c.offer("vorsorge")));
}

TEST_CASE("nationwide helplines come first among the emergency offers", "[catalog]") {
    Catalog c = smallCatalog();
    Offer local = c.offers[2];
    local.id = "jugendamt";
    local.providerId = "kinderarztpraxis";  // a local provider
    c.offers.insert(c.offers.begin(), local);
    for (Provider& p : c.providers)
        if (p.id == "notruf-112") p.national = true;
    CHECK(ids(c.emergencyOffers()) == Ids{"notruf", "jugendamt"});
    for (Provider& p : c.providers) p.national = false;
    CHECK(ids(c.emergencyOffers()) == Ids{"jugendamt", "notruf"});
}

TEST_CASE("a provider's page lists all of its offers", "[catalog]") {
    const Catalog c = smallCatalog();
    CHECK(ids(c.offersOf("familienkasse")) == Ids{"kindergeld", "elterngeld"});
    CHECK(ids(c.offersOf("notruf-112")) == Ids{"notruf"});
    CHECK(c.offersOf("nobody").empty());
}

TEST_CASE("lookups by id find the entry or nothing", "[catalog]") {
    const Catalog c = smallCatalog();
    REQUIRE(c.offer("elterngeld") != nullptr);
    CHECK(c.offer("elterngeld")->title.get("de") == "Elterngeld");
    REQUIRE(c.provider("kinderarztpraxis") != nullptr);
    CHECK(c.provider("kinderarztpraxis")->name.get("de") == "Kinderarztpraxis");
    REQUIRE(c.lifeStage("toddler") != nullptr);
    CHECK(c.lifeStage("toddler")->title.get("en") == "Toddler");
    REQUIRE(c.topic("emergencies") != nullptr);
    CHECK(c.topic("emergencies")->emergency);
    CHECK(c.offer("nope") == nullptr);
    CHECK(c.provider("nope") == nullptr);
    CHECK(c.lifeStage("nope") == nullptr);
    CHECK(c.topic("nope") == nullptr);
}

TEST_CASE("an untranslated text shows German in another language", "[catalog]") {
    const Catalog c = smallCatalog();
    CHECK(c.provider("familienkasse")->name.get("en") == "Familienkasse");
    CHECK(c.offer("kindergeld")->title.get("en") == "Child benefit");
    CHECK(c.offer("kindergeld")->title.get("uk") == "Kindergeld");
}

TEST_CASE("the language choice starts with German, then the content's languages", "[catalog]") {
    Catalog c = smallCatalog();
    CHECK(c.languages() == Ids{"de", "en"});

    // German stays first even when an author wrote the English title first.
    c.offers.front().title = {{"en", "Child benefit"}, {"de", "Kindergeld"}};
    CHECK(c.languages() == Ids{"de", "en"});

    CHECK(Catalog{}.languages() == Ids{"de"});
}

TEST_CASE("spoken explanations are found by their screen", "[catalog][audio]") {
    Catalog c = smallCatalog();
    c.offers[0].audio = {{"de", "audio/de/kindergeld.ogg"}};
    c.network.audio = {{"de", "audio/de/home.ogg"}};
    REQUIRE(c.explanation("offer:kindergeld"));
    CHECK(c.explanation("offer:kindergeld")->get("en") == "audio/de/kindergeld.ogg");  // German for English
    REQUIRE(c.explanation("home"));
    CHECK(c.explanation("home")->get("de") == "audio/de/home.ogg");
    CHECK(c.explanation("offer:vorsorge")->empty());
    CHECK(c.explanation("offer:unknown") == std::nullopt);
    CHECK(c.explanation("stage:baby") == std::nullopt);
}

TEST_CASE("an explanation plays in the family's language, else in German, else not at all", "[catalog][audio]") {
    const kiosk::test::TempFolder folder;
    const std::filesystem::path& media = folder.path();
    std::filesystem::create_directories(media / "de");
    std::filesystem::create_directories(media / "en");
    auto touch = [&](const char* path) { std::ofstream(media / path) << "x"; };
    const LocalizedText audio{{"de", "de/a.ogg"}, {"en", "en/a.ogg"}, {"tr", "tr/a.ogg"}};
    CHECK(playableFile(audio, media, "en").empty());  // no file at all
    touch("de/a.ogg");
    CHECK(playableFile(audio, media, "en") == media / "de/a.ogg");  // English missing: German
    CHECK(playableFile(audio, media, "tr") == media / "de/a.ogg");
    touch("en/a.ogg");
    CHECK(playableFile(audio, media, "en") == media / "en/a.ogg");
    CHECK(playableFile(audio, media, "ru") == media / "de/a.ogg");  // no Russian entry: German
    CHECK(playableFile(LocalizedText{}, media, "de").empty());
}

TEST_CASE("an indexed catalog answers as one without an index", "[catalog]") {
    const Catalog plain = smallCatalog();
    Catalog indexed = smallCatalog();
    indexed.buildIndex();
    for (const std::string stage : {"pregnancy", "baby", "toddler", "primary-school"}) {
        CHECK(ids(indexed.topicsFor(stage)) == ids(plain.topicsFor(stage)));
        for (const std::string topic : {"", "counselling", "money", "health", "housing", "emergencies", "unknown"})
            CHECK(ids(indexed.offersFor(stage, topic)) == ids(plain.offersFor(stage, topic)));
    }
    CHECK(ids(indexed.emergencyOffers()) == ids(plain.emergencyOffers()));
    CHECK(ids(indexed.offersOf("familienkasse")) == Ids{"kindergeld", "elterngeld"});
    CHECK(indexed.offersOf("nobody").empty());
    CHECK(indexed.languages() == plain.languages());
    REQUIRE(indexed.offer("vorsorge"));
    CHECK(indexed.offer("vorsorge")->providerId == "kinderarztpraxis");
    CHECK(indexed.provider("notruf-112")->name.get("de") == "Notruf 112");
    CHECK(indexed.topic("money")->icon == "currency-eur");
    CHECK(indexed.lifeStage("toddler")->icon == "human-child");
    CHECK(indexed.offer("unknown") == nullptr);
    CHECK(indexed.provider("") == nullptr);
}

TEST_CASE("an offer added after indexing is found and listed", "[catalog]") {
    Catalog c = smallCatalog();
    c.buildIndex();
    const Catalog copy = c;  // shares the index
    c.offers.push_back(offer("babyschwimmen", {"baby"}, {"health"}, "kinderarztpraxis", {{"de", "Babyschwimmen"}}));
    REQUIRE(c.offer("babyschwimmen"));
    CHECK(ids(c.offersFor("baby", "health")) == Ids{"vorsorge", "babyschwimmen"});
    CHECK(ids(c.offersOf("kinderarztpraxis")) == Ids{"vorsorge", "babyschwimmen"});
    CHECK(copy.offer("babyschwimmen") == nullptr);
    CHECK(ids(copy.offersFor("baby", "health")) == Ids{"vorsorge"});
}

TEST_CASE("an indexed catalog does not find an item by the id it had before a rename", "[catalog]") {
    Catalog c = smallCatalog();
    c.buildIndex();
    const std::string old = c.offers.front().id;
    c.offers.front().id = "renamed";  // same number of offers: the index stays, its hit is checked
    CHECK(c.offer(old) == nullptr);
    REQUIRE(c.offer(c.offers.back().id));
    CHECK(c.offer(c.offers.back().id) == &c.offers.back());
}

TEST_CASE("an offer's codes read as the texts they were given", "[catalog][codes]") {
    Offer o;
    o.languages = {"de", "en", "tr"};
    o.languages.push_back("uk");
    CHECK(o.languages.size() == 4);
    CHECK(o.languages == std::vector<std::string>{"de", "en", "tr", "uk"});
    CHECK(o.languages[2] == "tr");
    CHECK(o.languages.front() == "de");
    CHECK(o.languages.back() == "uk");
    CHECK(o.languages.contains("en"));
    CHECK_FALSE(o.languages.contains("ar"));
    CHECK(std::find(o.languages.begin(), o.languages.end(), "tr") - o.languages.begin() == 2);
    const std::vector<std::string> asVector = o.languages;
    CHECK(asVector == std::vector<std::string>{"de", "en", "tr", "uk"});
    Offer same;
    same.languages = std::vector<std::string>{"de", "en", "tr", "uk"};
    CHECK(same.languages == o.languages);
    same.languages.clear();
    CHECK(same.languages.empty());
    CHECK_FALSE(same.languages == o.languages);
    // The same text is the same number in the whole process, whoever asked first.
    CHECK(internCode("kindergarten") == internCode(std::string("kinder") + "garten"));
    CHECK(codeText(internCode("a-code-seen-once")) == "a-code-seen-once");
}

TEST_CASE("a copied text is its own: changing the copy leaves the original", "[catalog]") {
    LocalizedText original{{"de", "Hallo"}};
    LocalizedText copy = original;
    copy.set("de", "Tschüss");
    copy.set("en", "Bye");
    CHECK(original.get("de") == "Hallo");
    CHECK_FALSE(original.has("en"));
    CHECK(copy.get("en") == "Bye");
    LocalizedText empty;
    CHECK(empty.empty());
    CHECK(empty.values().empty());
    CHECK(empty.get("de").empty());
    copy = empty;
    CHECK(copy.empty());
}
