// Unit tests for the search on the sample content: the offer each query must find first, typos,
// synonyms, prefixes while typing, both languages, and a database of an older kiosk.
#include "kiosk/content/database.hpp"
#include "kiosk/content/search.hpp"
#include "kiosk/content/source_loader.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <fstream>

using namespace kiosk;
using namespace kiosk::content;
namespace fs = std::filesystem;

namespace {

const fs::path kSample = KIOSK_SAMPLE_CONTENT;

// The sample content built into a database file of its own.
struct SampleDatabase {
    kiosk::test::TempFolder folder{"kiosk-test-search"};
    fs::path file = folder.path() / "content.sqlite";
    SampleDatabase() {
        auto source = loadSource(kSample);
        REQUIRE(source.ok());
        REQUIRE(writeDatabaseFile(file, source.catalog, {"sample", "", ""}));
    }
};

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("search words are folded as the index folds them", "[search]") {
    CHECK(searchWords("Kinder-Geld für  MÜTTER!") == std::vector<std::string>{"kinder", "geld", "fur", "mutter"});
    CHECK(searchWords("Çocuk parası ŞİMDİ") == std::vector<std::string>{"cocuk", "parası", "simdi"});
    CHECK(searchWords("Детские ДЕНЬГИ") == std::vector<std::string>{"детские", "деньги"});
    CHECK(searchWords("„Mama“ – ?").size() == 1);
    CHECK(searchWords(" \t ").empty());
    CHECK(searchWords("١١٢ ۱۱۷") == std::vector<std::string>{"112", "117"});  // Arabic keyboard's digits
}

TEST_CASE("edit distance counts a swap of neighbours as one edit", "[search]") {
    CHECK(editDistance("kindergeld", "kindergeld") == 0);
    CHECK(editDistance("kindergled", "kindergeld") == 1);
    CHECK(editDistance("hebame", "hebamme") == 1);
    CHECK(editDistance("schwnager", "schwanger") == 1);
    CHECK(editDistance("geld", "wald") == 2);
    CHECK(editDistance("деньги", "деньга") == 1);  // in letters, not bytes
}

TEST_CASE("each query finds its offer first", "[search]") {
    SampleDatabase sample;
    Search search(sample.file);
    REQUIRE(search.ready());
    // query, language, the offer that must come first
    const std::vector<std::tuple<std::string, std::string, std::string>> table = {
        {"Kindergeld", "de", "kindergeld"},
        {"kindergeld", "de", "kindergeld"},
        {"Kindergled", "de", "kindergeld"},              // two letters swapped
        {"Kindrgeld", "de", "kindergeld"},               // a letter missing
        {"Hebame", "de", "hebammensuche-fildern"},       // typo, found by its title
        {"Tafel Kirchheim", "de", "tafelladen-kirchheim"},
        {"Wohngeld", "de", "wohngeld-esslingen"},
        {"Elterngeld", "de", "elterngeld"},
        {"Kinderzuschlag", "de", "kinderzuschlag"},
        {"Unterhalt", "de", "unterhaltsvorschuss"},      // the start of a word
        {"Schulden", "de", "schuldnerberatung-nuertingen"},
        {"Notruf", "de", "notruf-112"},
        {"Deutschkurs", "de", "deutschkurs-muetter-filderstadt"},
        {"Kinderturnen", "de", "kinderturnen-wendlingen"},
        {"Stillcafe", "de", "stillcafe-esslingen"},      // without the accent
        {"Bildung und Teilhabe", "de", "bildung-und-teilhabe"},
        {"child benefit", "en", "kindergeld"},
        {"midwife", "en", "hebammensuche-fildern"},
        {"food bank Kirchheim", "en", "tafelladen-kirchheim"},
    };
    for (const auto& [query, language, first] : table) {
        auto ids = search.find(query, language);
        INFO(query << " (" << language << ")");
        REQUIRE(!ids.empty());
        CHECK(ids.front() == first);
    }
}

TEST_CASE("results come while the family types", "[search]") {
    SampleDatabase sample;
    Search search(sample.file);
    CHECK(contains(search.find("Kin", "de"), "kindergeld"));
    CHECK(contains(search.find("Kinderg", "de"), "kindergeld"));
    CHECK(contains(search.find("Kindergel", "de"), "kindergeld"));
    CHECK(search.find("Kindergeld", "de").size() < search.find("Kin", "de").size());
}

TEST_CASE("a synonym of the content finds what the word itself does not", "[search]") {
    SampleDatabase sample;
    Search search(sample.file);
    const auto money = search.find("Geld", "de");
    CHECK(contains(money, "kindergeld"));
    CHECK(contains(money, "kinderzuschlag"));
    CHECK(contains(money, "bildung-und-teilhabe"));
    CHECK(contains(money, "wohngeld-esslingen"));
    CHECK(contains(search.find("Arzt", "de"), "u-untersuchungen"));
    CHECK(contains(search.find("money", "en"), "kindergeld"));
}

TEST_CASE("a search finds the municipality and the provider of an offer", "[search]") {
    SampleDatabase sample;
    Search search(sample.file);
    const auto nuertingen = search.find("Nürtingen", "de");
    CHECK(contains(nuertingen, "kleiderladen-nuertingen"));
    CHECK(contains(search.find("Nurtingen", "de"), "kleiderladen-nuertingen"));
    CHECK(contains(search.find("Caritas", "de"), "schwangerschaftsberatung-caritas-esslingen"));
}

TEST_CASE("numbers typed on the Arabic keyboard find the content's digits", "[search]") {
    SampleDatabase sample;
    Search search(sample.file);
    const auto ids = search.find("١١٢", "ar");
    REQUIRE(!ids.empty());
    CHECK(ids.front() == "notruf-112");
}

TEST_CASE("a search in English also finds the German words", "[search]") {
    SampleDatabase sample;
    Search search(sample.file);
    CHECK(search.find("Kindergeld", "en").front() == "kindergeld");
    CHECK(search.find("midwife", "de").empty());  // German alone: no English rows
}

TEST_CASE("nonsense and search syntax find nothing and break nothing", "[search]") {
    SampleDatabase sample;
    Search search(sample.file);
    CHECK(search.find("xqzvvw", "de").empty());
    CHECK(search.find("", "de").empty());
    CHECK(search.find("\" OR * NEAR( AND", "de").empty());
    CHECK(contains(search.find("\"Kindergeld\"", "de"), "kindergeld"));
    CHECK(!search.find("Kindergeld", "de").empty());  // the statements still work after a bad query
}

TEST_CASE("a missing database gives a search that finds nothing", "[search]") {
    kiosk::test::TempFolder folder;
    Search search(folder.path() / "none.sqlite");
    CHECK(!search.ready());
    CHECK(search.find("Kindergeld", "de").empty());
}

// What schema versions 5 and 6 added (the professionals' tables, the texts' languages and
// characters) taken out again, and the keywords' table that version 7 removed put back, to fake an
// older file.
const std::string kWithoutVersion5 = "DROP TABLE content_language; DROP TABLE practice; DROP TABLE event; DROP TABLE working_group; "
                                     "ALTER TABLE provider DROP COLUMN network_member; "
                                     "ALTER TABLE provider DROP COLUMN fields; "
                                     "CREATE TABLE offer_keyword(offer_id TEXT NOT NULL, language TEXT NOT NULL, "
                                     "keyword TEXT NOT NULL); ";

TEST_CASE("a database of schema version 2 becomes searchable when migrated", "[search]") {
    SampleDatabase sample;
    {
        SQLite::Database db(sample.file.string(), SQLite::OPEN_READWRITE);
        db.exec("DROP TABLE search_columns; DROP TABLE search_word; DROP TABLE search_trigrams; DROP TABLE search_terms; "
                "DROP TABLE search; DROP TABLE synonym; DROP TABLE search_language; " + kWithoutVersion5 +
                "PRAGMA user_version = 2");
        migrate(db);
    }
    Search search(sample.file);
    CHECK(search.find("Kindergeld", "de").front() == "kindergeld");
}

TEST_CASE("a database of schema version 3 is re-indexed when migrated", "[search]") {
    SampleDatabase sample;
    {
        // Version 3 numbered the index's rows offer position * 64 + language and had no word table.
        SQLite::Database db(sample.file.string(), SQLite::OPEN_READWRITE);
        db.exec("DROP TABLE search_columns; DROP TABLE search_word; INSERT INTO search(search) VALUES ('delete-all'); " +
                kWithoutVersion5 + "PRAGMA user_version = 3");
        migrate(db);
        CHECK(db.execAndGet("SELECT count(*) FROM search_word WHERE term = 'kindergeld'").getInt() == 1);
    }
    Search search(sample.file);
    CHECK(search.find("Kindergeld", "de").front() == "kindergeld");
    CHECK(search.find("Kindergeld", "en").front() == "kindergeld");
}

TEST_CASE("in large content a title match behind many text matches comes first", "[search]") {
    // 400 offers whose texts all say "Beratung" (the first rows every query sees), and one far
    // behind them with it in its title: that one must come first.
    auto source = loadSource(kSample);
    REQUIRE(source.ok());
    core::Catalog catalog = source.catalog;
    const core::Offer model = catalog.offers.front();
    std::vector<core::Offer> offers;
    for (int i = 0; i < 400; ++i) {
        core::Offer o = model;
        o.id = "filler-" + std::to_string(i);
        o.title.set("de", "Angebot " + std::to_string(i));
        o.summary.set("de", "Mit Beratung und Begleitung.");
        o.keywords.clear();
        offers.push_back(std::move(o));
    }
    core::Offer wanted = model;
    wanted.id = "wanted";
    wanted.title.set("de", "Beratung für Familien");
    wanted.keywords.clear();
    offers.push_back(wanted);
    catalog.offers = offers;
    kiosk::test::TempFolder folder{"kiosk-test-search"};
    REQUIRE(writeDatabaseFile(folder.path() / "large.sqlite", catalog, {"large", "", ""}));
    Search search(folder.path() / "large.sqlite");
    for (const char* typed : {"B", "Be", "Ber", "Bera", "Beratu", "Beratung"}) {
        const auto ids = search.find(typed, "de");
        INFO(typed);
        REQUIRE(!ids.empty());
        CHECK(ids.front() == "wanted");
    }
}

TEST_CASE("synonyms.yaml is optional, and its mistakes are named", "[search]") {
    kiosk::test::TempFolder folder;
    const fs::path content = folder.path() / "content";
    fs::copy(kSample, content, fs::copy_options::recursive);
    fs::remove(content / "synonyms.yaml");
    CHECK(loadSource(content).ok());
    CHECK(loadSource(content).catalog.synonyms.empty());

    std::ofstream(content / "synonyms.yaml") << "de:\n  Geld: Kindergeld\n  Miete: []\ndeutsch:\n  Arzt: [Kinderarzt]\n";
    auto result = loadSource(content);
    REQUIRE(result.errors.size() == 3);
    CHECK(result.errors[0].toString() ==
          "synonyms.yaml: de: 'Geld': must be a list of words or phrases, e.g. Geld: [Kindergeld, Wohngeld]");
    CHECK(result.errors[1].toString().find("de: 'Miete'") != std::string::npos);
    CHECK(result.errors[2].toString() ==
          "synonyms.yaml: 'deutsch': must list words per language, e.g. de: {Geld: [Kindergeld, Wohngeld]}");
}
