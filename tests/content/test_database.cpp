// Unit tests for the content database: a catalog survives the round trip, migrations keep old data,
// a newer file is refused, and a new file replaces the old one whole.
#include "kiosk/content/database.hpp"
#include "kiosk/content/source_loader.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

using namespace kiosk;
using namespace kiosk::content;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

using kiosk::test::TempFolder;

const fs::path kSample = KIOSK_SAMPLE_CONTENT;

SQLite::Database memoryDatabase() { return SQLite::Database(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); }

int userVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

bool hasTable(SQLite::Database& db, const std::string& name) {
    SQLite::Statement query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    query.bind(1, name);
    query.executeStep();
    return query.getColumn(0).getInt() == 1;
}

core::OpeningHours hours(std::string_view text) {
    std::string error;
    auto parsed = core::OpeningHours::parse(text, error);
    INFO(error);
    REQUIRE(parsed.has_value());
    return *parsed;
}

// A catalog with the awkward cases: ids not in alphabetical order, English written before German,
// a national provider without address or location, an untranslated life stage, keywords in two languages.
core::Catalog handMadeCatalog() {
    core::Catalog c;
    c.lifeStages = {{"toddler", "human-child", {{"en", "Toddler"}, {"de", "Kleinkind"}}, {{"de", "1–3 Jahre"}}},
                    {"baby", "baby", {{"de", "Baby"}}, {}}};
    c.topics = {{"money", "currency-eur", {{"de", "Geld"}, {"en", "Money"}}, false},
                {"emergencies", "alert-circle", {{"de", "Notfall"}, {"en", "Emergency"}}, true}};

    core::Provider local;
    local.id = "pro-familia-esslingen";
    local.name = {{"de", "pro familia Esslingen"}, {"en", "pro familia counselling centre"}};
    local.description = {{"de", "Beratung, vertraulich; kostenlos"}};
    local.address = {"Berliner Straße 27", "73728", "Esslingen am Neckar"};
    local.location = core::GeoPoint{48.7388, 9.3068};
    local.phone = "0711 350 27 41";
    local.email = "esslingen@profamilia.de";
    local.website = "https://www.profamilia.de";
    local.hours = hours("Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00; PH off");
    local.languages = {"de", "en", "tr"};
    local.accessibility = {{"de", "Stufenloser Zugang"}, {"en", "Step-free access"}};
    local.sample = true;

    core::Provider national;
    national.id = "notruf-112";
    national.name = {{"de", "Notruf 112"}, {"en", "Emergency number 112"}};
    national.phone = "112";
    national.hours = hours("24/7");
    national.languages = {"de"};
    national.national = true;
    c.providers = {local, national};

    core::Offer counselling;
    counselling.id = "schwangerschaftsberatung";
    counselling.title = {{"de", "Schwangerschaftsberatung"}, {"en", "Pregnancy counselling"}};
    counselling.summary = {{"de", "Wir beraten Sie."}, {"en", "We advise you."}};
    counselling.description = {{"de", "Lange Beschreibung"}, {"en", "Long description"}};
    counselling.lifeStages = {"toddler", "baby"};
    counselling.topics = {"money", "emergencies"};
    counselling.providerId = "pro-familia-esslingen";
    counselling.cost = {{"de", "Kostenlos"}, {"en", "Free"}};
    counselling.eligibility = {{"de", "Alle Schwangeren"}};
    counselling.url = "https://www.familienkiosk-beispiel.de/angebote/beratung?lang=de&x=1";
    counselling.languages = {"tr", "de"};
    counselling.keywords = {{"de", {"schwanger", "Beratung, kostenlos"}}, {"en", {"pregnant"}}};
    counselling.audio = {{"en", "audio/en/beratung.opus"}, {"de", "Aufnahmen/Beratung (neu).ogg"}};
    counselling.sample = true;

    core::Offer call;
    call.id = "notruf";
    call.title = {{"de", "Notruf"}, {"en", "Emergency call"}};
    call.summary = {{"de", "Rufen Sie 112."}};
    call.lifeStages = {"baby"};
    call.topics = {"emergencies"};
    call.providerId = "notruf-112";
    call.url = "https://www.112.de";

    core::Offer allowance;
    allowance.id = "anderes-angebot";
    allowance.title = {{"de", "Zuschuss"}};
    allowance.summary = {{"de", "Geld"}};
    allowance.lifeStages = {"baby", "toddler"};
    allowance.topics = {"money"};
    allowance.providerId = "pro-familia-esslingen";
    allowance.url = "https://www.example.de";
    allowance.keywords = {{"en", {"money"}}, {"de", {"Geld"}}};
    c.offers = {counselling, call, allowance};

    auto& n = c.network;
    n.name = {{"de", "Präventionsnetzwerk"}, {"en", "Prevention network"}};
    n.description = {{"de", "Wir arbeiten zusammen."}, {"en", "We work together."}};
    n.organisation = {{"de", "Landratsamt Esslingen"}};
    n.address = {"Pulverwiesen 11", "73728", "Esslingen am Neckar"};
    n.phone = "0711 3902-42650";
    n.fax = "0711 3902-52650";
    n.siteBaseUrl = "https://familien.example.de/kiosk";
    n.website = "https://www.landkreis-esslingen.de";
    n.hours = hours("Mo,Tu,Fr 08:00-12:00; We off; PH off");
    n.audio = {{"de", "audio/de/home.wav"}};
    return c;
}

// The texts of each language; the order languages were written in is not shown anywhere.
std::map<std::string, std::string> byLanguage(const core::LocalizedText& text) {
    return {text.values().begin(), text.values().end()};
}

std::string hoursSource(const std::optional<core::OpeningHours>& hours) {
    return hours ? hours->source() : std::string("(none)");
}

void checkSameAddress(const core::Address& actual, const core::Address& expected) {
    CHECK(actual.street == expected.street);
    CHECK(actual.postalCode == expected.postalCode);
    CHECK(actual.municipality == expected.municipality);
}

void checkSameCatalog(const core::Catalog& actual, const core::Catalog& expected) {
    REQUIRE(actual.lifeStages.size() == expected.lifeStages.size());
    for (size_t i = 0; i < expected.lifeStages.size(); ++i) {
        const auto& a = actual.lifeStages[i];
        const auto& e = expected.lifeStages[i];
        INFO("life stage " << e.id);
        CHECK(a.id == e.id);
        CHECK(a.icon == e.icon);
        CHECK(byLanguage(a.title) == byLanguage(e.title));
        CHECK(byLanguage(a.ages) == byLanguage(e.ages));
    }
    REQUIRE(actual.topics.size() == expected.topics.size());
    for (size_t i = 0; i < expected.topics.size(); ++i) {
        const auto& a = actual.topics[i];
        const auto& e = expected.topics[i];
        INFO("topic " << e.id);
        CHECK(a.id == e.id);
        CHECK(a.icon == e.icon);
        CHECK(byLanguage(a.title) == byLanguage(e.title));
        CHECK(a.emergency == e.emergency);
    }
    REQUIRE(actual.providers.size() == expected.providers.size());
    for (size_t i = 0; i < expected.providers.size(); ++i) {
        const auto& a = actual.providers[i];
        const auto& e = expected.providers[i];
        INFO("provider " << e.id);
        CHECK(a.id == e.id);
        CHECK(byLanguage(a.name) == byLanguage(e.name));
        CHECK(byLanguage(a.description) == byLanguage(e.description));
        checkSameAddress(a.address, e.address);
        REQUIRE(a.location.has_value() == e.location.has_value());
        if (e.location) {
            CHECK(a.location->latitude == e.location->latitude);
            CHECK(a.location->longitude == e.location->longitude);
        }
        CHECK(a.phone == e.phone);
        CHECK(a.email == e.email);
        CHECK(a.website == e.website);
        CHECK(hoursSource(a.hours) == hoursSource(e.hours));
        CHECK(a.languages == e.languages);
        CHECK(byLanguage(a.accessibility) == byLanguage(e.accessibility));
        CHECK(a.national == e.national);
        CHECK(a.sample == e.sample);
    }
    REQUIRE(actual.offers.size() == expected.offers.size());
    for (size_t i = 0; i < expected.offers.size(); ++i) {
        const auto& a = actual.offers[i];
        const auto& e = expected.offers[i];
        INFO("offer " << e.id);
        CHECK(a.id == e.id);
        CHECK(byLanguage(a.title) == byLanguage(e.title));
        CHECK(byLanguage(a.summary) == byLanguage(e.summary));
        CHECK(byLanguage(a.description) == byLanguage(e.description));
        CHECK(a.lifeStages == e.lifeStages);
        CHECK(a.topics == e.topics);
        CHECK(a.providerId == e.providerId);
        CHECK(byLanguage(a.cost) == byLanguage(e.cost));
        CHECK(byLanguage(a.eligibility) == byLanguage(e.eligibility));
        CHECK(a.url == e.url);
        CHECK(a.languages == e.languages);
        CHECK(a.keywords == e.keywords);
        CHECK(byLanguage(a.audio) == byLanguage(e.audio));
        CHECK(a.sample == e.sample);
    }
    const auto& a = actual.network;
    const auto& e = expected.network;
    INFO("network");
    CHECK(byLanguage(a.name) == byLanguage(e.name));
    CHECK(byLanguage(a.description) == byLanguage(e.description));
    CHECK(byLanguage(a.organisation) == byLanguage(e.organisation));
    checkSameAddress(a.address, e.address);
    CHECK(a.phone == e.phone);
    CHECK(a.fax == e.fax);
    CHECK(a.website == e.website);
    CHECK(a.siteBaseUrl == e.siteBaseUrl);
    CHECK(hoursSource(a.hours) == hoursSource(e.hours));
    CHECK(byLanguage(a.audio) == byLanguage(e.audio));
}

const ContentInfo kInfo{"/srv/kiosk/content", "offers.yaml:1234:5678;", "2026-03-02T09:30:00Z"};

// The version-1 schema exactly as the first kiosk release created it.
constexpr const char* kSchemaVersion1 = R"sql(
    CREATE TABLE life_stage(id TEXT PRIMARY KEY, position INTEGER NOT NULL, icon TEXT NOT NULL);
    CREATE TABLE topic(id TEXT PRIMARY KEY, position INTEGER NOT NULL, icon TEXT NOT NULL,
                       emergency INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE provider(id TEXT PRIMARY KEY, position INTEGER NOT NULL, street TEXT, postal_code TEXT,
                          municipality TEXT, latitude REAL, longitude REAL, phone TEXT, email TEXT, website TEXT,
                          opening_hours TEXT, languages TEXT, national INTEGER NOT NULL DEFAULT 0,
                          sample INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE offer(id TEXT PRIMARY KEY, position INTEGER NOT NULL,
                       provider_id TEXT NOT NULL REFERENCES provider(id), url TEXT NOT NULL, languages TEXT,
                       sample INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE offer_life_stage(offer_id TEXT NOT NULL REFERENCES offer(id),
                                  life_stage_id TEXT NOT NULL REFERENCES life_stage(id),
                                  position INTEGER NOT NULL, PRIMARY KEY(offer_id, life_stage_id));
    CREATE TABLE offer_topic(offer_id TEXT NOT NULL REFERENCES offer(id), topic_id TEXT NOT NULL REFERENCES topic(id),
                             position INTEGER NOT NULL, PRIMARY KEY(offer_id, topic_id));
    CREATE TABLE network(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE text(entity TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, language TEXT NOT NULL,
                      value TEXT NOT NULL, PRIMARY KEY(entity, id, field, language));
    PRAGMA user_version = 1;
)sql";

// What a version-1 kiosk wrote: one offer of one provider, with its texts.
constexpr const char* kVersion1Content = R"sql(
    INSERT INTO life_stage(id, position, icon) VALUES ('baby', 0, 'baby');
    INSERT INTO topic(id, position, icon, emergency) VALUES ('money', 0, 'currency-eur', 0);
    INSERT INTO provider(id, position, street, postal_code, municipality, latitude, longitude, phone, email,
                         website, opening_hours, languages, national, sample)
        VALUES ('familienkasse', 0, '', '', '', NULL, NULL, '0800 4 5555 30', '', 'https://www.arbeitsagentur.de',
                'Mo-Fr 08:00-18:00; PH off', 'de,en', 1, 0);
    INSERT INTO offer(id, position, provider_id, url, languages, sample)
        VALUES ('kindergeld', 0, 'familienkasse', 'https://www.arbeitsagentur.de/kindergeld', 'de,en', 0);
    INSERT INTO offer_life_stage(offer_id, life_stage_id, position) VALUES ('kindergeld', 'baby', 0);
    INSERT INTO offer_topic(offer_id, topic_id, position) VALUES ('kindergeld', 'money', 0);
    INSERT INTO network(key, value) VALUES ('phone', '0711 3902-42650');
    INSERT INTO text(entity, id, field, language, value) VALUES
        ('life_stage', 'baby', 'title', 'de', 'Baby'),
        ('topic', 'money', 'title', 'de', 'Geld'),
        ('provider', 'familienkasse', 'name', 'de', 'Familienkasse'),
        ('offer', 'kindergeld', 'title', 'de', 'Kindergeld'),
        ('offer', 'kindergeld', 'title', 'en', 'Child benefit'),
        ('offer', 'kindergeld', 'summary', 'de', 'Geld für jedes Kind');
)sql";

}  // namespace

TEST_CASE("a new database gets the current schema version", "[database]") {
    auto db = memoryDatabase();
    REQUIRE(userVersion(db) == 0);
    migrate(db);
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK(kSchemaVersion == 7);
    CHECK(hasTable(db, "content_language"));
    CHECK(hasTable(db, "event"));
    CHECK(hasTable(db, "offer"));
    CHECK_FALSE(hasTable(db, "offer_keyword"));  // since version 7 the keywords are texts
    CHECK(hasTable(db, "content_info"));
}

TEST_CASE("migrating a current database again changes nothing", "[database]") {
    auto db = memoryDatabase();
    writeCatalog(db, handMadeCatalog(), kInfo);
    migrate(db);
    CHECK(userVersion(db) == kSchemaVersion);
    checkSameCatalog(readCatalog(db), handMadeCatalog());
}

TEST_CASE("a catalog comes back from the database as it was written", "[database]") {
    auto db = memoryDatabase();
    const core::Catalog written = handMadeCatalog();
    writeCatalog(db, written, kInfo);
    const core::Catalog read = readCatalog(db);
    checkSameCatalog(read, written);

    // Spot checks of what a family would see, so a broken comparison cannot hide a loss.
    REQUIRE(read.offers.size() == 3);
    CHECK(read.offers[0].id == "schwangerschaftsberatung");
    CHECK(read.offers[2].id == "anderes-angebot");
    CHECK(read.offers[0].title.get("en") == "Pregnancy counselling");
    CHECK(read.offers[0].lifeStages == std::vector<std::string>{"toddler", "baby"});
    CHECK(read.offers[0].keywords[0].second == std::vector<std::string>{"schwanger", "Beratung, kostenlos"});
    CHECK(read.offers[1].summary.get("en") == "Rufen Sie 112.");
    REQUIRE(read.provider("notruf-112") != nullptr);
    CHECK(read.provider("notruf-112")->national);
    CHECK_FALSE(read.provider("notruf-112")->location.has_value());
    CHECK(read.provider("notruf-112")->address.empty());
    CHECK(read.topic("emergencies")->emergency);
    CHECK(read.network.fax == "0711 3902-52650");
}

TEST_CASE("school holidays come back from the database as written", "[database][school]") {
    auto db = memoryDatabase();
    core::Catalog written = handMadeCatalog();
    written.network.schoolHolidays = {{"Herbstferien", {2026, 10, 26}, {2026, 10, 30}},
                                      {"Weihnachtsferien", {2026, 12, 23}, {2027, 1, 9}}};
    writeCatalog(db, written, kInfo);
    CHECK(readCatalog(db).network.schoolHolidays == written.network.schoolHolidays);
    writeCatalog(db, handMadeCatalog(), kInfo);
    CHECK(readCatalog(db).network.schoolHolidays.empty());
}

TEST_CASE("sound file paths come back as written, per language", "[database]") {
    auto db = memoryDatabase();
    writeCatalog(db, handMadeCatalog(), kInfo);
    const core::Catalog read = readCatalog(db);
    const core::Offer* counselling = read.offer("schwangerschaftsberatung");
    REQUIRE(counselling != nullptr);
    CHECK(counselling->audio.get("de") == "Aufnahmen/Beratung (neu).ogg");
    CHECK(counselling->audio.get("en") == "audio/en/beratung.opus");
    CHECK_FALSE(counselling->audio.has("tr"));
    CHECK(read.offer("notruf")->audio.empty());
    CHECK(read.network.audio.get("de") == "audio/de/home.wav");
    CHECK_FALSE(read.network.audio.has("en"));
    // Kept as texts of field 'audio': no new table, no new schema version.
    CHECK(db.execAndGet("SELECT count(*) FROM text WHERE field = 'audio'").getInt() == 3);
}

TEST_CASE("the sample content comes back from the database as it was loaded", "[database]") {
    const SourceResult source = loadSource(kSample);
    REQUIRE(source.ok());
    auto db = memoryDatabase();
    writeCatalog(db, source.catalog, kInfo);
    const core::Catalog read = readCatalog(db);
    checkSameCatalog(read, source.catalog);
    // The language button cycles in the content's order (de, en, tr, ar, uk, ru), not alphabetically.
    CHECK(read.languages() == source.catalog.languages());
    CHECK(read.languages() == std::vector<std::string>{"de", "en", "tr", "ar", "uk", "ru"});
}

namespace {

// Every word of the search index with its row, column and place, the words' row counts and the
// typo index's words: what a search can find, independent of how the index's pages are laid out.
std::string searchIndexContent(SQLite::Database& db) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_instances USING fts5vocab(main, search, instance)");
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.trigram_terms USING fts5vocab(main, search_trigrams, row)");
    std::string content;
    for (const char* query : {"SELECT term, doc, col, offset FROM temp.search_instances",
                              "SELECT term, title_rows, tag_rows, rows FROM search_word ORDER BY term",
                              "SELECT term, doc FROM temp.trigram_terms", "SELECT code, number FROM search_language"}) {
        SQLite::Statement rows(db, query);
        while (rows.executeStep()) {
            for (int column = 0; column < rows.getColumnCount(); ++column)
                content += rows.getColumn(column).getString() + "|";
            content += "\n";
        }
    }
    return content;
}

}  // namespace

TEST_CASE("the search index made from the catalog is the one made from the tables", "[database][search]") {
    // writeCatalog makes the index's rows from the catalog in memory; migrating from before version 4
    // makes them from the tables with one query. Both must index the same words in the same places.
    const SourceResult source = loadSource(kSample);
    REQUIRE(source.ok());
    auto db = memoryDatabase();
    writeCatalog(db, source.catalog, kInfo);
    const std::string fromCatalog = searchIndexContent(db);
    CHECK(fromCatalog.size() > 100000);
    rebuildSearchIndex(db);
    const std::string fromTables = searchIndexContent(db);
    CHECK(fromCatalog == fromTables);
}

namespace {

// The definitions of every table and index, by name: equal strings mean the same schema.
std::string schema(SQLite::Database& db) {
    std::string out;
    SQLite::Statement rows(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY name");
    while (rows.executeStep())
        out += rows.getColumn(0).getString() + " " + rows.getColumn(1).getString() + ": " + rows.getColumn(2).getString() + "\n";
    return out;
}

// The text table's rows, each text's languages in their order (the content's).
std::string textRows(SQLite::Database& db) {
    std::string out;
    SQLite::Statement rows(db, "SELECT entity, id, field, language, value FROM text ORDER BY entity, id, field, rowid");
    while (rows.executeStep()) {
        for (int column = 0; column < rows.getColumnCount(); ++column) out += rows.getColumn(column).getString() + "|";
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("a database of schema version 6 is migrated: search index without prefix indexes, same texts and words",
          "[database][search]") {
    const SourceResult source = loadSource(kSample);
    REQUIRE(source.ok());
    auto current = memoryDatabase();
    writeCatalog(current, source.catalog, kInfo);
    // Version 6 as that kiosk made it: the text table's key its primary key, a row per keyword in
    // offer_keyword, the index with the prefix indexes of 2 and 3 letters.
    auto db = memoryDatabase();
    writeCatalog(db, source.catalog, kInfo);
    db.exec(R"sql(
        DROP TABLE search;
        CREATE VIRTUAL TABLE search USING fts5(title, keywords, place, topics, body, content = '',
                                               tokenize = "unicode61 remove_diacritics 2", prefix = '2 3');
    )sql");
    rebuildSearchIndex(db);  // from the keywords still in the text table
    db.exec(R"sql(
        CREATE TABLE offer_keyword(offer_id TEXT NOT NULL REFERENCES offer(id), language TEXT NOT NULL,
                                   keyword TEXT NOT NULL);
        CREATE INDEX offer_keyword_offer ON offer_keyword(offer_id);
        INSERT INTO offer_keyword SELECT t.id, t.language, j.value FROM text t, json_each(t.value) j
        WHERE t.field = 'keywords' ORDER BY t.rowid, j.key;
        DELETE FROM text WHERE field = 'keywords';
        DROP INDEX text_key;
        CREATE TABLE text_6(entity TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, language TEXT NOT NULL,
                            value TEXT NOT NULL, PRIMARY KEY(entity, id, field, language));
        INSERT INTO text_6(rowid, entity, id, field, language, value) SELECT rowid, * FROM text ORDER BY rowid;
        DROP TABLE text;
        ALTER TABLE text_6 RENAME TO text;
        PRAGMA user_version = 6;
    )sql");
    REQUIRE_THAT(db.execAndGet("SELECT sql FROM sqlite_master WHERE name = 'search'").getString(), Contains("prefix"));
    REQUIRE(db.execAndGet("SELECT count(*) FROM offer_keyword").getInt() > 100);
    REQUIRE(searchIndexContent(db) == searchIndexContent(current));

    migrate(db);
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK(schema(db) == schema(current));
    CHECK(textRows(db) == textRows(current));
    CHECK(searchIndexContent(db) == searchIndexContent(current));
    checkSameCatalog(readCatalog(db), source.catalog);
    // The sample's texts are found by a typed start of two letters without the prefix index.
    CHECK(db.execAndGet("SELECT count(*) FROM search WHERE search MATCH 'ki*'").getInt() > 0);
}

TEST_CASE("keywords come back as written: quotes, backslashes, line breaks, a language listed twice", "[database]") {
    core::Catalog written = handMadeCatalog();
    written.offers[0].keywords = {{"de", {"\"Tafel\"", "a\\b", "zwei\nZeilen\tTab", "Kinder, Geld"}},
                                  {"en", {}},
                                  {"tr", {"çocuk"}},
                                  {"de", {"Nachtrag"}}};
    auto db = memoryDatabase();
    writeCatalog(db, written, kInfo);
    const core::Catalog read = readCatalog(db);
    using Keywords = std::vector<std::pair<std::string, std::vector<std::string>>>;
    CHECK(read.offers[0].keywords ==
          Keywords{{"de", {"\"Tafel\"", "a\\b", "zwei\nZeilen\tTab", "Kinder, Geld", "Nachtrag"}}, {"tr", {"çocuk"}}});
    // The search finds them, from the catalog and from the tables alike.
    const auto found = [&](const char* word) {
        SQLite::Statement query(db, "SELECT count(*) FROM search WHERE search MATCH ?");
        query.bind(1, std::string("keywords : ") + word);
        query.executeStep();
        return query.getColumn(0).getInt();
    };
    CHECK(found("nachtrag") == 1);
    CHECK(found("zeilen") == 1);
    const std::string fromCatalog = searchIndexContent(db);
    rebuildSearchIndex(db);
    CHECK(searchIndexContent(db) == fromCatalog);
}

TEST_CASE("a new database file has the schema of a migrated one, its tables' indexes included", "[database]") {
    // writeDatabaseFile creates the text table's key and the keywords' index after their rows.
    TempFolder folder;
    const fs::path path = folder.path() / "content.sqlite";
    REQUIRE(writeDatabaseFile(path, handMadeCatalog(), kInfo));
    SQLite::Database written(path.string(), SQLite::OPEN_READONLY);
    auto migrated = memoryDatabase();
    migrate(migrated);
    CHECK(schema(written) == schema(migrated));
    CHECK_THAT(schema(written), Contains("CREATE UNIQUE INDEX text_key"));
    checkSameCatalog(readCatalog(written), handMadeCatalog());
}

TEST_CASE("where the content came from is kept with it", "[database]") {
    auto db = memoryDatabase();
    writeCatalog(db, handMadeCatalog(), kInfo);
    const ContentInfo info = readContentInfo(db);
    CHECK(info.source == kInfo.source);
    CHECK(info.fingerprint == kInfo.fingerprint);
    CHECK(info.builtAt == kInfo.builtAt);
}

TEST_CASE("writing a catalog replaces the previous one entirely", "[database]") {
    auto db = memoryDatabase();
    writeCatalog(db, handMadeCatalog(), kInfo);

    core::Catalog smaller = handMadeCatalog();
    smaller.offers.erase(smaller.offers.begin());
    smaller.offers.front().title = {{"de", "Notruf neu"}};
    smaller.providers.erase(smaller.providers.begin());
    smaller.offers.pop_back();  // its provider is gone
    const ContentInfo newer{"/srv/kiosk/content", "offers.yaml:99:99;", "2026-04-01T08:00:00Z"};
    writeCatalog(db, smaller, newer);

    const core::Catalog read = readCatalog(db);
    checkSameCatalog(read, smaller);
    CHECK(read.offer("schwangerschaftsberatung") == nullptr);
    CHECK(read.offer("notruf")->title.get("en") == "Notruf neu");
    CHECK(readContentInfo(db).builtAt == "2026-04-01T08:00:00Z");
}

TEST_CASE("upgrade from version 1 keeps the content and adds keywords and content info", "[database]") {
    auto db = memoryDatabase();
    db.exec(kSchemaVersion1);
    db.exec(kVersion1Content);
    REQUIRE(userVersion(db) == 1);
    REQUIRE_FALSE(hasTable(db, "offer_keyword"));

    migrate(db);
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK_FALSE(hasTable(db, "offer_keyword"));  // version 2 added it, version 7 made its rows texts
    CHECK(hasTable(db, "content_info"));
    // Version 3: the old content is searchable at once; version 4: with its words' row counts.
    CHECK(db.execAndGet("SELECT count(*) FROM search WHERE search MATCH 'kindergeld'").getInt() == 1);
    CHECK(db.execAndGet("SELECT rows FROM search_word WHERE term = 'kindergeld'").getInt() == 1);
    CHECK(db.execAndGet("SELECT title_rows FROM search_word WHERE term = 'kindergeld'").getInt() == 1);

    const core::Catalog catalog = readCatalog(db);
    REQUIRE(catalog.offers.size() == 1);
    const core::Offer& offer = catalog.offers.front();
    CHECK(offer.id == "kindergeld");
    CHECK(offer.title.get("de") == "Kindergeld");
    CHECK(offer.title.get("en") == "Child benefit");
    CHECK(offer.summary.get("de") == "Geld für jedes Kind");
    CHECK(offer.lifeStages == std::vector<std::string>{"baby"});
    CHECK(offer.topics == std::vector<std::string>{"money"});
    CHECK(offer.url == "https://www.arbeitsagentur.de/kindergeld");
    CHECK(offer.keywords.empty());
    REQUIRE(catalog.providers.size() == 1);
    CHECK(catalog.providers.front().name.get("de") == "Familienkasse");
    CHECK(catalog.providers.front().national);
    CHECK(hoursSource(catalog.providers.front().hours) == "Mo-Fr 08:00-18:00; PH off");
    CHECK(catalog.network.phone == "0711 3902-42650");
    CHECK(readContentInfo(db).fingerprint.empty());  // so the next start rebuilds from the source

    // The upgraded file takes new content with keywords.
    writeCatalog(db, handMadeCatalog(), kInfo);
    checkSameCatalog(readCatalog(db), handMadeCatalog());
}

TEST_CASE("a failed upgrade leaves the version-1 database as it was", "[database]") {
    auto db = memoryDatabase();
    db.exec(kSchemaVersion1);
    db.exec(kVersion1Content);
    db.exec("CREATE TABLE content_info(clash TEXT)");  // makes step 2 fail half-way

    CHECK_THROWS(migrate(db));
    CHECK(userVersion(db) == 1);
    CHECK_FALSE(hasTable(db, "offer_keyword"));
    CHECK(db.execAndGet("SELECT count(*) FROM offer").getInt() == 1);
}

TEST_CASE("a database from a newer kiosk is refused", "[database]") {
    auto db = memoryDatabase();
    db.exec("PRAGMA user_version = 99");
    CHECK_THROWS_WITH(migrate(db), Contains("newer"));
    CHECK_THROWS_WITH(readCatalog(db), Contains("newer"));
    CHECK_THROWS_WITH(writeCatalog(db, handMadeCatalog(), kInfo), Contains("newer"));
    CHECK(userVersion(db) == 99);
    CHECK_FALSE(hasTable(db, "offer"));
}

TEST_CASE("a database file is written whole and leaves no staging file behind", "[database]") {
    TempFolder folder;
    const fs::path path = folder.path() / "data" / "content.sqlite";
    const fs::path staging = folder.path() / "data" / "content.sqlite.new";

    REQUIRE(writeDatabaseFile(path, handMadeCatalog(), kInfo));
    CHECK(fs::is_regular_file(path));
    CHECK_FALSE(fs::exists(staging));
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        CHECK(userVersion(db) == kSchemaVersion);
        checkSameCatalog(readCatalog(db), handMadeCatalog());
        CHECK(readContentInfo(db).builtAt == kInfo.builtAt);
    }

    // A staging file left by a power cut does not get in the way of the next build.
    std::ofstream(staging) << "half-written";
    core::Catalog changed = handMadeCatalog();
    changed.offers.front().title.set("de", "Beratung für Schwangere");
    REQUIRE(writeDatabaseFile(path, changed, kInfo));
    CHECK_FALSE(fs::exists(staging));
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(readCatalog(db).offer("schwangerschaftsberatung")->title.get("de") == "Beratung für Schwangere");
}

namespace {

bool sameTime(core::LocalDateTime a, core::LocalDateTime b) { return a.date == b.date && a.minuteOfDay == b.minuteOfDay; }

bool sameText(const core::LocalizedText& a, const core::LocalizedText& b) { return a.values() == b.values(); }

bool sameContact(const core::ContactPerson& a, const core::ContactPerson& b) {
    return a.name == b.name && a.phone == b.phone && a.email == b.email;
}

}  // namespace

TEST_CASE("practices, events, working groups and the network's members come back as loaded", "[database][professionals]") {
    const SourceResult source = loadSource(kSample);
    REQUIRE(source.ok());
    const core::Catalog& loaded = source.catalog;
    REQUIRE(loaded.practices.size() >= 8);
    REQUIRE(loaded.practice("willkommensbesuche-nuertingen")->imageAlt.has("ar"));  // so the round trip has one to keep
    auto db = memoryDatabase();
    writeCatalog(db, loaded, kInfo);
    const core::Catalog read = readCatalog(db);
    REQUIRE(read.practices.size() == loaded.practices.size());
    for (size_t i = 0; i < loaded.practices.size(); ++i) {
        const auto& a = read.practices[i];
        const auto& e = loaded.practices[i];
        INFO("practice " << e.id);
        CHECK(a.id == e.id);
        CHECK(sameText(a.title, e.title));
        CHECK(sameText(a.summary, e.summary));
        CHECK(sameText(a.description, e.description));
        CHECK(sameText(a.status, e.status));
        CHECK(a.image == e.image);
        CHECK(sameText(a.imageAlt, e.imageAlt));  // the picture's words, in every language
        CHECK(a.fields == e.fields);
        CHECK(a.municipality == e.municipality);
        CHECK(a.providers == e.providers);
        CHECK(sameContact(a.contact, e.contact));
        CHECK(a.started == e.started);
        CHECK(a.sample == e.sample);
    }
    REQUIRE(read.events.size() == loaded.events.size());
    for (size_t i = 0; i < loaded.events.size(); ++i) {
        const auto& a = read.events[i];
        const auto& e = loaded.events[i];
        INFO("event " << e.id);
        CHECK(a.id == e.id);
        CHECK(sameText(a.title, e.title));
        CHECK(sameText(a.audience, e.audience));
        CHECK(sameText(a.cost, e.cost));
        CHECK(sameText(a.capacity, e.capacity));
        CHECK(sameTime(a.start, e.start));
        CHECK(sameTime(a.end, e.end));
        CHECK(a.place.provider == e.place.provider);
        CHECK(a.place.street == e.place.street);
        CHECK(a.place.municipality == e.place.municipality);
        CHECK(a.place.online == e.place.online);
        CHECK(a.registration.qrText() == e.registration.qrText());
        CHECK(a.registration.phone == e.registration.phone);
    }
    REQUIRE(read.workingGroups.size() == loaded.workingGroups.size());
    for (size_t i = 0; i < loaded.workingGroups.size(); ++i) {
        const auto& a = read.workingGroups[i];
        const auto& e = loaded.workingGroups[i];
        INFO("working group " << e.id);
        CHECK(sameText(a.purpose, e.purpose));
        CHECK(sameText(a.meets, e.meets));
        CHECK(sameText(a.join, e.join));
        CHECK(a.fields == e.fields);
        CHECK(sameContact(a.contact, e.contact));
    }
    for (size_t i = 0; i < loaded.providers.size(); ++i) {
        INFO("provider " << loaded.providers[i].id);
        CHECK(read.providers[i].networkMember == loaded.providers[i].networkMember);
        CHECK(read.providers[i].fields == loaded.providers[i].fields);
    }
    CHECK(read.actors("early-help").size() == loaded.actors("early-help").size());
}

TEST_CASE("a database of schema version 4 gains the professionals' tables when migrated", "[database][professionals]") {
    auto db = memoryDatabase();
    writeCatalog(db, handMadeCatalog(), kInfo);
    db.exec("DROP TABLE content_language; DROP TABLE practice; DROP TABLE event; DROP TABLE working_group; "
            "ALTER TABLE provider DROP COLUMN network_member; ALTER TABLE provider DROP COLUMN fields; "
            "CREATE TABLE offer_keyword(offer_id TEXT NOT NULL, language TEXT NOT NULL, keyword TEXT NOT NULL); "
            "PRAGMA user_version = 4");
    migrate(db);
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK(hasTable(db, "practice"));
    CHECK(hasTable(db, "event"));
    CHECK(hasTable(db, "working_group"));
    const core::Catalog read = readCatalog(db);
    CHECK(read.providers.size() == 2);
    CHECK_FALSE(read.providers[0].networkMember);
    CHECK(read.events.empty());
}
