// Unit tests for reading the YAML content source: the sample loads cleanly, and each kind of authoring
// mistake is reported with the file, entry and field an author needs to find it.
#include "kiosk/content/source_loader.hpp"
#include "kiosk/content/yaml_tree.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::content {
// Readable failure output for Catch.
std::ostream& operator<<(std::ostream& out, const ContentError& error) { return out << error.toString(); }
}  // namespace kiosk::content

using namespace kiosk;
using namespace kiosk::content;
namespace fs = std::filesystem;

namespace {

const fs::path kSample = KIOSK_SAMPLE_CONTENT;

// A copy of the sample content in a folder of its own, removed again at the end of the test.
class SourceCopy {
public:
    SourceCopy() {
        std::random_device random;
        do {
            m_root = fs::temp_directory_path() /
                     ("kiosk-test-source-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
        } while (!fs::create_directory(m_root));
        fs::copy(kSample, folder());
    }
    ~SourceCopy() {
        std::error_code ignored;
        fs::remove_all(m_root, ignored);
    }
    SourceCopy(const SourceCopy&) = delete;
    SourceCopy& operator=(const SourceCopy&) = delete;

    fs::path folder() const { return m_root / "content"; }

    std::string read(const std::string& file) const {
        std::ifstream in(folder() / file, std::ios::binary);
        REQUIRE(in);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    void write(const std::string& file, const std::string& text) const {
        std::ofstream out(folder() / file, std::ios::binary | std::ios::trunc);
        out << text;
        REQUIRE(out);
    }
    // Replaces the first `from` after `anchor` (an entry's "- id: ..." line, or "" for the file start).
    void edit(const std::string& file, const std::string& anchor, const std::string& from,
              const std::string& to) const {
        std::string text = read(file);
        auto start = text.find(anchor);
        INFO(file << " has no \"" << anchor << "\"");
        REQUIRE(start != std::string::npos);
        auto at = text.find(from, start);
        INFO(file << " has no \"" << from << "\" after \"" << anchor << "\"");
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        write(file, text);
    }
    void append(const std::string& file, const std::string& text) const { write(file, read(file) + text); }

private:
    fs::path m_root;
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every language text of `text`, for the completeness checks.
// The sample's languages: German, English and the four most asked for in the district.
const std::vector<std::string> kSampleLanguages{"de", "en", "tr", "ar", "uk", "ru"};

bool inEveryLanguage(const core::LocalizedText& text) {
    return std::all_of(kSampleLanguages.begin(), kSampleLanguages.end(),
                       [&](const std::string& language) { return text.has(language); });
}

struct Expected {
    std::string file;
    std::string entry;
    std::string field;
    std::string keyword;  // a word the message must contain
};

const ContentError* find(const std::vector<ContentError>& errors, const Expected& expected) {
    auto it = std::find_if(errors.begin(), errors.end(), [&](const ContentError& e) {
        return e.file == expected.file && e.entry == expected.entry && e.field == expected.field &&
               contains(e.message, expected.keyword);
    });
    return it == errors.end() ? nullptr : &*it;
}

std::string listed(const std::vector<ContentError>& errors) {
    std::string text;
    for (const auto& e : errors) text += "\n  " + e.toString();
    return text;
}

// One authoring mistake: how it is made, and the error an author must get for it.
struct BrokenVariant {
    std::string name;
    std::string file;     // the file that is edited
    std::string anchor;   // where in it
    std::string from;     // text replaced ...
    std::string to;       // ... by this; an empty `from` appends `to` to the file
    Expected expected;
    size_t errorCount;    // how many errors in total; 0: not checked (the mistake has follow-on errors)
};

const std::string kKindergeld = "- id: kindergeld\n";
const std::string kProFamilia = "- id: pro-familia-esslingen\n";
const std::string kFamilienkasse = "- id: familienkasse\n";
const std::string kWillkommen = "- id: willkommensbesuche-nuertingen\n";
const std::string kImpuls = "- id: impuls-kinderarmut-erkennen\n";
const std::string kAgBeratung = "- id: ag-beratung\n";

const std::vector<BrokenVariant> kBrokenVariants{
    {"missing German title", "offers.yaml", kKindergeld, "    de: \"Kindergeld\"\n", "",
     {"offers.yaml", "offer 'kindergeld'", "title", "German"}, 1},
    {"missing title altogether", "offers.yaml", kKindergeld,
     "  title:\n    de: \"Kindergeld\"\n    en: \"Child benefit (Kindergeld)\"\n    tr: \"Çocuk parası (Kindergeld)\"\n"
     "    ar: \"إعانة الأطفال (Kindergeld)\"\n    uk: \"Допомога на дитину (Kindergeld)\"\n"
     "    ru: \"Детское пособие (Kindergeld)\"\n",
     "",
     {"offers.yaml", "offer 'kindergeld'", "title", "missing"}, 1},
    {"unknown life stage", "offers.yaml", kKindergeld, "life_stages: [baby, toddler,", "life_stages: [baby, teenager,",
     {"offers.yaml", "offer 'kindergeld'", "life_stages", "teenager"}, 1},
    {"offer pointing at an unknown provider", "offers.yaml", kKindergeld, "provider: familienkasse",
     "provider: familienkase", {"offers.yaml", "offer 'kindergeld'", "provider", "unknown provider 'familienkase'"}, 1},
    {"unknown topic", "offers.yaml", kKindergeld, "topics: [money]", "topics: [geld]",
     {"offers.yaml", "offer 'kindergeld'", "topics", "unknown topic 'geld'"}, 1},
    {"malformed opening hours", "providers.yaml", kFamilienkasse, "\"Mo-Fr 08:00-18:00; PH off\"",
     "\"Mo-Fr 8 bis 18 Uhr\"", {"providers.yaml", "provider 'familienkasse'", "opening_hours", "opening hours"}, 1},
    {"school holiday with a German date", "network.yaml", "school_holidays:", "from: 2026-10-26", "from: 26.10.2026",
     {"network.yaml", "", "school_holidays[1]", "dates like 2026-10-26"}, 1},
    {"school holiday ending before it starts", "network.yaml", "school_holidays:", "to: 2026-10-30", "to: 2026-10-20",
     {"network.yaml", "", "school_holidays[1]", "ends before it starts"}, 1},
    {"school holiday without a name", "network.yaml", "school_holidays:", "name: Herbstferien, ", "",
     {"network.yaml", "", "school_holidays[1].name", "missing"}, 1},
    {"opening hours with a one-digit minute", "providers.yaml", kFamilienkasse, "\"Mo-Fr 08:00-18:00; PH off\"",
     "\"Mo-Fr 08:00-18:3; PH off\"", {"providers.yaml", "provider 'familienkasse'", "opening_hours",
     "column 16: expected two digits for the minutes, like 08:30"}, 1},
    {"web address without https://", "offers.yaml", kKindergeld,
     "url: https://www.arbeitsagentur.de/familie-und-kinder/kindergeld",
     "url: www.arbeitsagentur.de/familie-und-kinder/kindergeld",
     {"offers.yaml", "offer 'kindergeld'", "url", "web address"}, 1},
    {"web address without a host", "providers.yaml", kFamilienkasse, "website: https://www.arbeitsagentur.de",
     "website: https://arbeitsagentur", {"providers.yaml", "provider 'familienkasse'", "website", "web address"}, 1},
    {"duplicate offer id", "offers.yaml", "", "", R"(
- id: kindergeld
  title: {de: "Kindergeld doppelt", en: "Child benefit again"}
  summary: {de: "Noch einmal", en: "Once more"}
  life_stages: [baby]
  topics: [money]
  provider: familienkasse
  url: https://www.arbeitsagentur.de/kindergeld
)",
     {"offers.yaml", "offer 'kindergeld'", "id", "twice"}, 1},
    {"duplicate topic id", "topics.yaml", "", "", "\n- id: money\n  icon: cash\n  title: {de: \"Geld\", en: \"Money\"}\n",
     {"topics.yaml", "topic 'money'", "id", "twice"}, 1},
    {"misspelt field", "offers.yaml", kKindergeld, "  title:\n", "  titel:\n",
     {"offers.yaml", "offer 'kindergeld'", "titel", "unknown field"}, 2},
    {"misspelt address field", "providers.yaml", kProFamilia, "    postal_code:", "    postcode:",
     {"providers.yaml", "provider 'pro-familia-esslingen'", "address.postcode", "unknown field"}, 2},
    {"invalid YAML syntax", "life_stages.yaml", "- id: baby\n", "  icon: baby\n", "  icon: baby: broken\n",
     {"life_stages.yaml", "line 20", "", "not valid YAML"}, 0},
    {"bad postal code", "providers.yaml", kProFamilia, "postal_code: \"73728\"", "postal_code: \"7372\"",
     {"providers.yaml", "provider 'pro-familia-esslingen'", "address.postal_code", "postal code"}, 1},
    {"location with one coordinate", "providers.yaml", kProFamilia, "location: [48.7388, 9.3068]",
     "location: [48.7388]", {"providers.yaml", "provider 'pro-familia-esslingen'", "location", "latitude"}, 1},
    {"location that is not a number", "providers.yaml", kProFamilia, "location: [48.7388, 9.3068]",
     "location: [48.7388, Esslingen]", {"providers.yaml", "provider 'pro-familia-esslingen'", "location", "latitude"},
     1},
    {"location out of range", "providers.yaml", kProFamilia, "location: [48.7388, 9.3068]",
     "location: [487.388, 9.3068]", {"providers.yaml", "provider 'pro-familia-esslingen'", "location", "range"}, 1},
    {"location with latitude and longitude swapped", "providers.yaml", kProFamilia, "location: [48.7388, 9.3068]",
     "location: [9.3068, 48.7388]",
     {"providers.yaml", "provider 'pro-familia-esslingen'", "location", "outside the district of Esslingen"}, 1},
    {"missing location of a local provider", "providers.yaml", kProFamilia, "  location: [48.7388, 9.3068]\n", "",
     {"providers.yaml", "provider 'pro-familia-esslingen'", "location", "missing"}, 1},
    {"bad language code in a list", "providers.yaml", kProFamilia, "languages: [de, en, tr, fr]",
     "languages: [de, english, tr, fr]",
     {"providers.yaml", "provider 'pro-familia-esslingen'", "languages", "'english'"}, 1},
    {"bad language code of a text", "offers.yaml", kKindergeld, "    en: \"Child benefit (Kindergeld)\"",
     "    eng: \"Child benefit (Kindergeld)\"", {"offers.yaml", "offer 'kindergeld'", "title", "'eng'"}, 1},
    {"bad phone number", "providers.yaml", kFamilienkasse, "phone: \"0800 4 5555 30\"", "phone: \"kostenlos\"",
     {"providers.yaml", "provider 'familienkasse'", "phone", "phone number"}, 1},
    {"id with capital letters", "offers.yaml", kKindergeld, "- id: kindergeld\n", "- id: Kindergeld\n",
     {"offers.yaml", "offer 'Kindergeld'", "id", "a-z"}, 1},
    {"keyword that is not a word", "offers.yaml", kKindergeld, "de: [Kindergeld, Familienkasse,",
     "de: [Kindergeld: Antrag, Familienkasse,", {"offers.yaml", "offer 'kindergeld'", "keywords", "single word"}, 1},
    {"field name that is a list", "topics.yaml", "", "", "\n- id: weird\n  ? [a, b]\n  : c\n",
     {"topics.yaml", "topic 'weird'", "", "wrong form"}, 2},  // and its title is missing
    // What a hostile test found the check let through (each passed before):
    {"a NUL in a text (YAML's \\0 escape)", "offers.yaml", kKindergeld, "    de: \"Kindergeld\"",
     "    de: \"Kinder\\0geld\"", {"offers.yaml", "offer 'kindergeld'", "title", "control character"}, 1},
    {"an escape character in a phone number", "providers.yaml", kProFamilia, "phone: \"0711 350 27 41\"",
     "phone: \"0711\\e350 27 41\"", {"providers.yaml", "provider 'pro-familia-esslingen'", "phone", "control character"}, 0},
    {"coordinates that are not numbers", "providers.yaml", kProFamilia, "location: [48.7388, 9.3068]",
     "location: [.nan, .nan]", {"providers.yaml", "provider 'pro-familia-esslingen'", "location", "not .nan"}, 1},
    {"a field written twice", "offers.yaml", kKindergeld, "  title:\n", "  summary: {de: \"Zweimal\"}\n  title:\n",
     {"offers.yaml", "offer 'kindergeld'", "summary", "written twice"}, 1},
    {"a web address with a user part", "providers.yaml", kFamilienkasse, "website: https://www.arbeitsagentur.de",
     "website: https://www.arbeitsagentur.de@evil.example/login",
     {"providers.yaml", "provider 'familienkasse'", "website", "user part"}, 1},
    {"a web address of 5,000 characters", "providers.yaml", kFamilienkasse, "website: https://www.arbeitsagentur.de",
     "website: https://www.arbeitsagentur.de/" + std::string(5000, 'x'),
     {"providers.yaml", "provider 'familienkasse'", "website", "at most 500 characters"}, 1},
    {"an id of 100 letters", "topics.yaml", "", "", "\n- id: " + std::string(100, 'a') + "\n  title: {de: \"Lang\"}\n",
     {"topics.yaml", "entry 10", "id", "at most 80"}, 1},
    {"entry without id", "topics.yaml", "", "", "\n- icon: cash\n  title: {de: \"Geld\", en: \"Money\"}\n",
     {"topics.yaml", "entry 10", "id", "missing"}, 1},
    {"sound file with an absolute path", "offers.yaml", kKindergeld, "de: audio/de/kindergeld.ogg",
     "de: /home/kiosk/kindergeld.ogg", {"offers.yaml", "offer 'kindergeld'", "audio", "inside the content folder"}, 1},
    {"sound file outside the content folder", "offers.yaml", kKindergeld, "en: audio/en/kindergeld.ogg",
     "en: audio/../../kindergeld.ogg", {"offers.yaml", "offer 'kindergeld'", "audio", "'..'"}, 1},
    {"sound file of a format the kiosk cannot play", "offers.yaml", kKindergeld, "de: audio/de/kindergeld.ogg",
     "de: audio/de/kindergeld.mp3", {"offers.yaml", "offer 'kindergeld'", "audio", ".ogg, .opus or .wav"}, 1},
    {"German sound file without a name", "offers.yaml", kKindergeld, "de: audio/de/kindergeld.ogg", "de: \"\"",
     {"offers.yaml", "offer 'kindergeld'", "audio", "German"}, 1},
    {"sound files without a German one", "offers.yaml", kKindergeld, "    de: audio/de/kindergeld.ogg\n", "",
     {"offers.yaml", "offer 'kindergeld'", "audio", "German"}, 1},
    {"sound file of the home screen with an absolute path", "network.yaml", "", "de: audio/de/home.ogg",
     "de: /audio/de/home.ogg", {"network.yaml", "", "audio", "inside the content folder"}, 1},
    {"sound file of the home screen outside the content folder", "network.yaml", "", "en: audio/en/home.ogg",
     "en: ../home.ogg", {"network.yaml", "", "audio", "'..'"}, 1},
    {"sound file of the home screen in a wrong format", "network.yaml", "", "en: audio/en/home.ogg",
     "en: audio/en/home.txt", {"network.yaml", "", "audio", ".ogg, .opus or .wav"}, 1},
    // For professionals: providers' membership, practices, events and working groups.
    {"a field of work the kiosk does not know", "providers.yaml", kProFamilia, "fields: [counselling, health]",
     "fields: [counseling, health]", {"providers.yaml", "provider 'pro-familia-esslingen'", "fields",
     "unknown field of work 'counseling'"}, 1},
    {"network membership that is not true or false", "providers.yaml", kProFamilia, "network_member: true",
     "network_member: vielleicht", {"providers.yaml", "provider 'pro-familia-esslingen'", "network_member",
     "true or false"}, 1},
    {"a practice naming an unknown provider", "practices.yaml", kWillkommen,
     "providers: [fruehe-hilfen-landkreis-esslingen,", "providers: [fruehe-hilfe-landkreis,",
     {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "providers", "unknown provider 'fruehe-hilfe-landkreis'"}, 1},
    {"a practice without a field of work", "practices.yaml", kWillkommen, "  fields: [early-help, counselling]\n", "",
     {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "fields", "missing"}, 1},
    {"a practice without a summary", "practices.yaml", kWillkommen, "  summary:\n", "  summari:\n",
     {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "summary", "missing"}, 2},
    {"a practice's contact with a wrong email", "practices.yaml", kWillkommen,
     "email: \"fruehe-hilfen@beispiel-landkreis.de\"}", "email: \"fruehe-hilfen beispiel-landkreis.de\"}",
     {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "contact.email", "not an email address"}, 1},
    {"a practice's contact with a wrong phone", "practices.yaml", kWillkommen, "phone: \"07022 9332-100\"",
     "phone: \"bitte anrufen\"", {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "contact.phone",
     "not a phone number"}, 1},
    {"a practice without any contact", "practices.yaml", kWillkommen,
     "  contact: {name: \"Frau Beispiel (Frühe Hilfen)\", phone: \"07022 9332-100\", email: \"fruehe-hilfen@beispiel-landkreis.de\"}\n",
     "", {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "contact", "missing"}, 1},
    {"a practice starting on a German date", "practices.yaml", kWillkommen, "since: 2023-03-01", "since: 01.03.2023",
     {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "since", "date like"}, 1},
    {"a practice's picture in a format the kiosk cannot show", "practices.yaml", kWillkommen,
     "  image: images/willkommensbesuche.png\n", "  image: images/besuch.gif\n",
     {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "image", ".png or .jpg"}, 1},
    {"a practice's picture outside the content folder", "practices.yaml", kWillkommen,
     "  image: images/willkommensbesuche.png\n", "  image: ../besuch.png\n",
     {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "image", "inside the content folder"}, 1},
    {"an event ending before it starts", "events.yaml", kImpuls, "end: 2027-01-14T16:00", "end: 2027-01-14T12:00",
     {"events.yaml", "event 'impuls-kinderarmut-erkennen'", "end", "before the start 2027-01-14T14:00"}, 1},
    {"an event on a German date", "events.yaml", kImpuls, "start: 2027-01-14T14:00", "start: 14.01.2027 14:00",
     {"events.yaml", "event 'impuls-kinderarmut-erkennen'", "start", "date and time like"}, 1},
    {"an event without an end", "events.yaml", kImpuls, "  end: 2027-01-14T16:00\n", "",
     {"events.yaml", "event 'impuls-kinderarmut-erkennen'", "end", "missing"}, 1},
    {"an event at an unknown provider", "events.yaml", "- id: schulung-leistungen-fuer-familien\n",
     "place: caritas-esslingen", "place: caritas-eslingen",
     {"events.yaml", "event 'schulung-leistungen-fuer-familien'", "place", "unknown provider 'caritas-eslingen'"}, 1},
    {"an event at an address without a postal code", "events.yaml", kImpuls, "postal_code: \"73728\", ", "",
     {"events.yaml", "event 'impuls-kinderarmut-erkennen'", "place.postal_code", "missing"}, 1},
    {"an event without a place", "events.yaml", kImpuls,
     "  place: {street: \"Pulverwiesen 11\", postal_code: \"73728\", municipality: \"Esslingen am Neckar\"}\n", "",
     {"events.yaml", "event 'impuls-kinderarmut-erkennen'", "place", "missing"}, 1},
    {"an event's registration address without https://", "events.yaml", kImpuls,
     "url: https://www.beispiel-praeventionsnetzwerk.de/anmeldung/impuls-kinderarmut-erkennen",
     "url: www.beispiel-praeventionsnetzwerk.de/anmeldung", {"events.yaml", "event 'impuls-kinderarmut-erkennen'",
     "register.url", "web address"}, 1},
    {"an event's registration with a misspelt way", "events.yaml", kImpuls, "    url: https://", "    link: https://",
     {"events.yaml", "event 'impuls-kinderarmut-erkennen'", "register.link", "unknown field"}, 1},
    {"a working group without a purpose", "working_groups.yaml", kAgBeratung, "  purpose:\n", "  zweck:\n",
     {"working_groups.yaml", "working group 'ag-beratung'", "purpose", "missing"}, 2},
    {"a working group of an unknown field of work", "working_groups.yaml", kAgBeratung, "fields: [counselling]",
     "fields: [beratung]", {"working_groups.yaml", "working group 'ag-beratung'", "fields", "unknown field of work"}, 1},
    {"a working group used twice", "working_groups.yaml", "", "",
     "\n- id: ag-beratung\n  title: {de: \"Doppelt\"}\n  purpose: {de: \"Noch einmal\"}\n  contact: {phone: \"0711 1\"}\n",
     {"working_groups.yaml", "working group 'ag-beratung'", "id", "twice"}, 1},
};

}  // namespace

TEST_CASE("the sample content loads without errors", "[source_loader]") {
    SourceCopy source;
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    REQUIRE(result.ok());

    const core::Catalog& catalog = result.catalog;
    CHECK(catalog.offers.size() >= 40);
    CHECK(catalog.providers.size() >= 20);
    CHECK_FALSE(catalog.emergencyOffers().empty());
    CHECK(catalog.network.name.get("de") == "Präventionsnetzwerk gegen Kinderarmut im Landkreis Esslingen");
    CHECK(catalog.network.hours.has_value());

    std::vector<std::string> stages;
    for (const auto& stage : catalog.lifeStages) stages.push_back(stage.id);
    CHECK(stages == std::vector<std::string>{"pregnancy", "baby", "toddler", "kindergarten", "primary-school"});
    for (const auto& stage : catalog.lifeStages) {
        INFO("life stage " << stage.id);
        CHECK_FALSE(catalog.offersFor(stage.id).empty());
        CHECK_FALSE(catalog.topicsFor(stage.id).empty());
    }

    const core::Offer* kindergeld = catalog.offer("kindergeld");
    REQUIRE(kindergeld != nullptr);
    CHECK(kindergeld->title.get("en") == "Child benefit (Kindergeld)");
    CHECK(kindergeld->providerId == "familienkasse");
    CHECK(kindergeld->lifeStages == std::vector<std::string>{"baby", "toddler", "kindergarten", "primary-school"});
    CHECK(kindergeld->url == "https://www.arbeitsagentur.de/familie-und-kinder/kindergeld");
    REQUIRE(kindergeld->keywords.size() == 6);  // de, en, tr, ar, uk, ru
    CHECK(kindergeld->keywords[0].first == "de");
    CHECK(kindergeld->keywords[1].second.front() == "child benefit");

    const core::Provider* proFamilia = catalog.provider("pro-familia-esslingen");
    REQUIRE(proFamilia != nullptr);
    CHECK(proFamilia->address.postalCode == "73728");
    REQUIRE(proFamilia->location.has_value());
    CHECK(proFamilia->location->latitude == Approx(48.7388));
    CHECK(proFamilia->hours.has_value());

    const core::Provider* notruf = catalog.provider("notruf-112");
    REQUIRE(notruf != nullptr);
    CHECK(notruf->national);
    CHECK(notruf->address.empty());
    CHECK_FALSE(notruf->location.has_value());
}

TEST_CASE("every text of the sample is in German, English, Turkish, Arabic, Ukrainian and Russian",
          "[source_loader]") {
    SourceCopy source;
    const SourceResult result = loadSource(source.folder());
    REQUIRE(result.ok());
    const auto& catalog = result.catalog;
    for (const auto& offer : catalog.offers) {
        INFO("offer " << offer.id);
        CHECK(inEveryLanguage(offer.title));
        CHECK(inEveryLanguage(offer.summary));
        for (const auto* optional : {&offer.description, &offer.cost, &offer.eligibility})
            if (!optional->empty()) CHECK(inEveryLanguage(*optional));
        std::vector<std::string> keywordLanguages;
        for (const auto& [language, words] : offer.keywords)
            if (!words.empty()) keywordLanguages.push_back(language);
        CHECK(keywordLanguages == kSampleLanguages);
    }
    for (const auto& provider : catalog.providers) {
        INFO("provider " << provider.id);
        CHECK(inEveryLanguage(provider.name));
        for (const auto* optional : {&provider.description, &provider.accessibility})
            if (!optional->empty()) CHECK(inEveryLanguage(*optional));
    }
    for (const auto& stage : catalog.lifeStages) {
        INFO("life stage " << stage.id);
        CHECK(inEveryLanguage(stage.title));
        CHECK(inEveryLanguage(stage.ages));
    }
    for (const auto& topic : catalog.topics) {
        INFO("topic " << topic.id);
        CHECK(inEveryLanguage(topic.title));
    }
    CHECK(inEveryLanguage(catalog.network.name));
    CHECK(inEveryLanguage(catalog.network.description));
    CHECK(inEveryLanguage(catalog.network.organisation));
    // The language button offers them in this order.
    CHECK(catalog.languages() == kSampleLanguages);
}

TEST_CASE("the sample's translations are not German or English copied", "[source_loader]") {
    SourceCopy source;
    const SourceResult result = loadSource(source.folder());
    REQUIRE(result.ok());
    for (const auto& offer : result.catalog.offers) {
        INFO("offer " << offer.id);
        for (const std::string language : {"tr", "ar", "uk", "ru"}) {
            INFO("language " << language);
            CHECK(offer.summary.get(language) != offer.summary.get("de"));
            CHECK(offer.summary.get(language) != offer.summary.get("en"));
        }
        CHECK(offer.summary.get("uk") != offer.summary.get("ru"));  // two languages, not one text twice
    }
}

TEST_CASE("every offer and the home screen of the sample name a spoken explanation in German and English",
          "[source_loader]") {
    SourceCopy source;
    const SourceResult result = loadSource(source.folder());
    REQUIRE(result.ok());
    for (const auto& offer : result.catalog.offers) {
        INFO("offer " << offer.id);
        CHECK(offer.audio.get("de") == "audio/de/" + offer.id + ".ogg");
        CHECK(offer.audio.get("en") == "audio/en/" + offer.id + ".ogg");
    }
    CHECK(result.catalog.network.audio.get("de") == "audio/de/home.ogg");
    CHECK(result.catalog.network.audio.get("en") == "audio/en/home.ogg");
}

TEST_CASE("a sound file that is not there yet is not an error", "[source_loader]") {
    SourceCopy source;
    source.edit("offers.yaml", kKindergeld, "de: audio/de/kindergeld.ogg", "de: aufnahmen/kindergeld-neu.ogg");
    REQUIRE_FALSE(fs::exists(source.folder() / "aufnahmen"));
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    REQUIRE(result.ok());
    CHECK(result.catalog.offer("kindergeld")->audio.get("de") == "aufnahmen/kindergeld-neu.ogg");
}

namespace {

// The sample with its pictures (SourceCopy copies no sub-folders), one of them replaced by `bytes`
// unless they are empty; the errors of loading it.
std::vector<ContentError> pictureErrors(const SourceCopy& source, const std::string& bytes = {}) {
    fs::copy(kSample / "images", source.folder() / "images");
    if (!bytes.empty()) std::ofstream(source.folder() / "images/willkommensbesuche.png", std::ios::binary | std::ios::trunc) << bytes;
    return loadSource(source.folder()).errors;
}

const Expected kImageError{"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "image", ""};

Expected imageError(const std::string& keyword) {
    Expected expected = kImageError;
    expected.keyword = keyword;
    return expected;
}

}  // namespace

TEST_CASE("a practice's picture is a PNG or JPEG the kiosk can show, described in every language", "[source_loader][professionals]") {
    SourceCopy source;
    const auto errors = pictureErrors(source);
    INFO("errors:" << listed(errors));
    REQUIRE(errors.empty());
    const SourceResult result = loadSource(source.folder());
    REQUIRE(result.ok());
    const core::Practice* visits = result.catalog.practice("willkommensbesuche-nuertingen");
    REQUIRE(visits);
    CHECK(visits->image == "images/willkommensbesuche.png");
    CHECK(inEveryLanguage(visits->imageAlt));
    CHECK(pictureWarnings(result.catalog, source.folder()).empty());
    for (const auto& practice : result.catalog.practices)
        if (!practice.image.empty()) CHECK(inEveryLanguage(practice.imageAlt));
}

TEST_CASE("a practice's picture that is too large, of another type or damaged is an error", "[source_loader][professionals]") {
    const std::string png((std::istreambuf_iterator<char>(std::ifstream(kSample / "images/willkommensbesuche.png", std::ios::binary).rdbuf())),
                          std::istreambuf_iterator<char>());
    REQUIRE(png.size() > 100);
    SECTION("more than 1 MiB") {
        SourceCopy source;
        const auto errors = pictureErrors(source, png + std::string(1024 * 1024, '\0'));
        INFO("errors:" << listed(errors));
        CHECK(find(errors, imageError("bytes; at most 1048576")) != nullptr);
        CHECK(errors.size() == 1);
    }
    SECTION("a GIF named .png") {
        SourceCopy source;
        const auto errors = pictureErrors(source, std::string("GIF89a\x01\x00\x01\x00\x00\x00\x00", 13));
        INFO("errors:" << listed(errors));
        CHECK(find(errors, imageError("is not a PNG picture")) != nullptr);
        CHECK(errors.size() == 1);
    }
    SECTION("cut short") {
        SourceCopy source;
        const auto errors = pictureErrors(source, png.substr(0, png.size() / 2));
        INFO("errors:" << listed(errors));
        CHECK(find(errors, imageError("damaged or cut short")) != nullptr);
        CHECK(errors.size() == 1);
    }
}

TEST_CASE("a picture needs words for what it shows, words need a picture", "[source_loader][professionals]") {
    SECTION("a picture without image_alt") {
        SourceCopy source;
        std::string text = source.read("practices.yaml");
        const auto at = text.find("  image_alt:\n", text.find(kWillkommen));
        REQUIRE(at != std::string::npos);
        text.erase(at, text.find("  sample:", at) - at);
        source.write("practices.yaml", text);
        const auto errors = pictureErrors(source);
        INFO("errors:" << listed(errors));
        CHECK(find(errors, {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "image_alt", "is missing"}) != nullptr);
        CHECK(errors.size() == 1);
    }
    SECTION("image_alt without a picture") {
        SourceCopy source;
        source.edit("practices.yaml", kWillkommen, "  image: images/willkommensbesuche.png\n", "");
        const auto errors = pictureErrors(source);
        INFO("errors:" << listed(errors));
        CHECK(find(errors, {"practices.yaml", "practice 'willkommensbesuche-nuertingen'", "image_alt", "no 'image'"}) != nullptr);
        CHECK(errors.size() == 1);
    }
}

TEST_CASE("a picture that is not there yet is a warning, not an error", "[source_loader][professionals]") {
    SourceCopy source;  // without images/
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    REQUIRE(result.ok());
    const auto warnings = pictureWarnings(result.catalog, source.folder());
    CHECK(warnings.size() == 3);
    CHECK(find(warnings, imageError("'images/willkommensbesuche.png' is not there")) != nullptr);
}

TEST_CASE("sound files may be Ogg Vorbis, Opus or WAV, and one file alone is the German one", "[source_loader]") {
    SourceCopy source;
    std::string files = "  audio:\n";
    for (const char* language : {"de", "en", "tr", "ar", "uk", "ru"})
        files += fmt::format("    {0}: audio/{0}/kindergeld.ogg\n", language);
    source.edit("offers.yaml", kKindergeld, files, "  audio: Aufnahmen/Kindergeld.WAV\n");
    source.edit("network.yaml", "", "en: audio/en/home.ogg", "en: audio/en/home.opus");
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    REQUIRE(result.ok());
    const core::LocalizedText& kindergeld = result.catalog.offer("kindergeld")->audio;
    CHECK(kindergeld.values().size() == 1);
    CHECK(kindergeld.get("de") == "Aufnahmen/Kindergeld.WAV");
    CHECK(result.catalog.network.audio.get("en") == "audio/en/home.opus");
}

TEST_CASE("each authoring mistake is reported with its file, entry and field", "[source_loader]") {
    const BrokenVariant variant = GENERATE(from_range(kBrokenVariants));
    INFO("variant: " << variant.name);
    SourceCopy source;
    if (variant.from.empty())
        source.append(variant.file, variant.to);
    else
        source.edit(variant.file, variant.anchor, variant.from, variant.to);

    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    CHECK_FALSE(result.ok());
    CHECK(find(result.errors, variant.expected) != nullptr);
    if (variant.errorCount != 0) CHECK(result.errors.size() == variant.errorCount);
}

TEST_CASE("a missing file is reported by name", "[source_loader]") {
    SourceCopy source;
    fs::remove(source.folder() / "providers.yaml");
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    const ContentError* error = find(result.errors, {"providers.yaml", "", "", "missing"});
    CHECK(error != nullptr);
    // Every offer now names an unknown provider: the author sees that too.
    CHECK(find(result.errors, {"offers.yaml", "offer 'kindergeld'", "provider", "unknown provider"}) != nullptr);
}

TEST_CASE("a missing network file is reported by name", "[source_loader]") {
    SourceCopy source;
    fs::remove(source.folder() / "network.yaml");
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    CHECK(find(result.errors, {"network.yaml", "", "", "missing"}) != nullptr);
    CHECK(result.errors.size() == 1);
}

TEST_CASE("a folder that does not exist is not taken for content", "[source_loader]") {
    SourceCopy source;
    const fs::path nowhere = source.folder() / "nowhere";
    const SourceResult result = loadSource(nowhere);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors.front().file == nowhere.string());
    CHECK(contains(result.errors.front().message, "not a content folder"));
}

TEST_CASE("a file that is not a list of entries is refused", "[source_loader]") {
    SourceCopy source;
    source.write("topics.yaml", "id: money\ntitle: Geld\n");
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    CHECK(find(result.errors, {"topics.yaml", "", "", "list of entries"}) != nullptr);
}

TEST_CASE("several mistakes are all reported, not just the first", "[source_loader]") {
    SourceCopy source;
    source.edit("offers.yaml", kKindergeld, "provider: familienkasse", "provider: familienkase");
    source.edit("offers.yaml", kKindergeld, "  title:\n", "  titel:\n");
    source.edit("providers.yaml", kProFamilia, "postal_code: \"73728\"", "postal_code: \"7372\"");
    source.edit("providers.yaml", kFamilienkasse, "\"Mo-Fr 08:00-18:00; PH off\"", "\"Mo-Fr 8 bis 18 Uhr\"");
    source.edit("network.yaml", "", "website: https://www.landkreis-esslingen.de", "website: landkreis-esslingen");

    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    CHECK(find(result.errors, {"offers.yaml", "offer 'kindergeld'", "provider", "familienkase"}) != nullptr);
    CHECK(find(result.errors, {"offers.yaml", "offer 'kindergeld'", "titel", "unknown field"}) != nullptr);
    CHECK(find(result.errors, {"offers.yaml", "offer 'kindergeld'", "title", "missing"}) != nullptr);
    CHECK(find(result.errors, {"providers.yaml", "provider 'pro-familia-esslingen'", "address.postal_code",
                               "postal code"}) != nullptr);
    CHECK(find(result.errors, {"providers.yaml", "provider 'familienkasse'", "opening_hours", "opening hours"}) !=
          nullptr);
    CHECK(find(result.errors, {"network.yaml", "", "website", "web address"}) != nullptr);
    CHECK(result.errors.size() == 6);
}

namespace {

// The sample's offers.yaml and 800 copies of its Kindergeld entry (ids kindergeld-1 ...) after it:
// 4 MB, which loadSource parses in parts on two threads (yaml_parts.hpp). `change` edits copy `n`.
std::string longOffers(const SourceCopy& source, const std::function<std::string(int, std::string)>& change) {
    std::string text = source.read("offers.yaml");
    const auto start = text.find(kKindergeld);
    REQUIRE(start != std::string::npos);
    const auto end = text.find("\n- id: ", start);
    const std::string entry = text.substr(start, end == std::string::npos ? std::string::npos : end + 1 - start);
    if (!text.ends_with("\n")) text += "\n";
    for (int n = 1; n <= 800; ++n)
        text += change(n, "- id: kindergeld-" + std::to_string(n) + "\n" + entry.substr(kKindergeld.size()));
    return text;
}

// The line (1-based) where the `count`th `part` in `text` starts.
int lineOf(const std::string& text, const std::string& part, int count = 1) {
    std::size_t at = std::string::npos;
    for (int i = 0; i < count; ++i) {
        at = text.find(part, at + 1);
        REQUIRE(at != std::string::npos);
    }
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("a long offers.yaml, read in parts, says where its mistakes are as one read whole", "[source_loader]") {
    SourceCopy source;
    const int sampleOffers = static_cast<int>(loadSource(source.folder()).catalog.offers.size());
    // An id used twice, one missing, a key written twice and one of the wrong form in the last part:
    // the entries and lines of the whole file.
    const std::string text = longOffers(source, [](int n, std::string entry) {
        if (n == 300) entry.replace(0, entry.find('\n'), "- id: kindergeld-1");
        if (n == 500) entry.replace(0, entry.find('\n'), "- id:");
        if (n == 799) entry.replace(entry.find("  title:\n"), 0, "  summary: {de: \"Zweimal\"}\n");
        if (n == 800) entry.replace(entry.find("  url: "), 0, "  ? [a, b]\n  : c\n");
        return entry;
    });
    source.write("offers.yaml", text);
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    CHECK(result.catalog.offers.size() == static_cast<std::size_t>(sampleOffers + 800));
    CHECK(find(result.errors, {"offers.yaml", "offer 'kindergeld-1'", "id", "used twice"}) != nullptr);
    CHECK(find(result.errors, {"offers.yaml", fmt::format("entry {}", sampleOffers + 500), "id", "missing"}) != nullptr);
    // The second summary, after the one added: the sample's own.
    CHECK(find(result.errors, {"offers.yaml", "offer 'kindergeld-799'", "summary",
                               fmt::format("written twice (line {})", lineOf(text, "  summary:\n", 63 + 799))}) != nullptr);
    CHECK(find(result.errors, {"offers.yaml", "offer 'kindergeld-800'", "",
                               fmt::format("wrong form (line {})", lineOf(text, "  ? [a, b]"))}) != nullptr);
    CHECK(result.errors.size() == 4);
}

TEST_CASE("a long offers.yaml with an alias to an anchor in another part loads as one read whole", "[source_loader]") {
    SourceCopy source;
    source.write("offers.yaml", longOffers(source, [](int n, std::string entry) {
        if (n == 2) entry.replace(entry.find("provider: "), 10, "provider: &kasse ");
        if (n == 790) entry.replace(entry.find("provider: familienkasse"), 23, "provider: *kasse");
        return entry;
    }));
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    CHECK(result.ok());
    REQUIRE(result.catalog.offer("kindergeld-790"));
    CHECK(result.catalog.offer("kindergeld-790")->providerId == "familienkasse");
}

TEST_CASE("a long offers.yaml that is not YAML in a late part is refused at its line, nothing else", "[source_loader]") {
    SourceCopy source;
    const std::string text = longOffers(source, [](int n, std::string entry) {
        if (n == 5) entry.replace(entry.find("provider: familienkasse"), 23, "provider: nowhere");  // not reached
        if (n == 700) entry.replace(entry.find("  title:\n"), 9, "  title: [\n");
        return entry;
    });
    source.write("offers.yaml", text);
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    REQUIRE(result.errors.size() == 1);
    const auto whole = parseYamlTree(text, (source.folder() / "offers.yaml").string());
    REQUIRE_FALSE(whole);
    CHECK(result.errors.front().entry == "line " + whole.problem().values().at(1));
    CHECK(whole.problem().values().at(1) != "1");
    CHECK(contains(result.errors.front().message, "not valid YAML"));
    CHECK(result.catalog.offers.empty());
}

TEST_CASE("an error reads as file, entry, field and message", "[source_loader]") {
    const ContentError error{"offers.yaml", "offer 'kindergeld'", "provider", "unknown provider 'xyz'"};
    CHECK(error.toString() == "offers.yaml: offer 'kindergeld': field 'provider': unknown provider 'xyz'");
    CHECK(ContentError{"topics.yaml", "", "", "the file is missing or cannot be read"}.toString() ==
          "topics.yaml: the file is missing or cannot be read");
    CHECK(describe({error, error}) == error.toString() + "\n" + error.toString() + "\n");
}

TEST_CASE("school holidays come from network.yaml, a school year without any is a warning", "[source_loader][school]") {
    const SourceResult sample = loadSource(kSample);
    REQUIRE(sample.ok());
    const auto& holidays = sample.catalog.network.schoolHolidays;
    REQUIRE(holidays.size() == 12);
    CHECK(holidays[1] == core::SchoolHoliday{"Weihnachtsferien", {2026, 12, 23}, {2027, 1, 9}});
    // The sample lists 2026/27 and 2027/28: nothing to say in December 2026, a warning for 2028/29 a year later.
    CHECK(schoolHolidayWarnings(sample.catalog, {2026, 12, 4}).empty());
    const auto later = schoolHolidayWarnings(sample.catalog, {2027, 12, 4});
    REQUIRE(later.size() == 1);
    CHECK(later[0].toString() ==
          "network.yaml: field 'school_holidays': warning: no school holidays for the school year 2028/29: opening hours "
          "with SH show \"please ask\" then (add the dates the ministry publishes)");
    CHECK(schoolHolidayWarnings(core::Catalog(), {2026, 12, 4}).size() == 2);
}

TEST_CASE("a content file that is not text, not a file, or a pipe is refused without opening it", "[source_loader]") {
    {
        SourceCopy source;
        source.append("topics.yaml", "\n# Kinder\xff\xfegeld\n");
        const SourceResult result = loadSource(source.folder());
        INFO("errors:" << listed(result.errors));
        REQUIRE_FALSE(result.errors.empty());
        CHECK(result.errors[0].file == "topics.yaml");
        CHECK(result.errors[0].entry.starts_with("line "));
        CHECK(contains(result.errors[0].message, "not valid UTF-8"));
    }
    {
        SourceCopy source;  // a folder named offers.yaml once ended the check with std::ios_failure
        fs::remove(source.folder() / "offers.yaml");
        fs::create_directory(source.folder() / "offers.yaml");
        const SourceResult result = loadSource(source.folder());
        INFO("errors:" << listed(result.errors));
        CHECK(find(result.errors, {"offers.yaml", "", "", "not a plain file"}) != nullptr);
    }
    {
        SourceCopy source;  // a named pipe once hung the check for ever
        fs::remove(source.folder() / "offers.yaml");
        REQUIRE(::mkfifo((source.folder() / "offers.yaml").c_str(), 0600) == 0);
        const SourceResult result = loadSource(source.folder());
        INFO("errors:" << listed(result.errors));
        CHECK(find(result.errors, {"offers.yaml", "", "", "not a plain file"}) != nullptr);
    }
}

TEST_CASE("the sample has practices, upcoming events and working groups for professionals, in six languages",
          "[source_loader][professionals]") {
    const SourceResult result = loadSource(kSample);
    REQUIRE(result.ok());
    const auto& catalog = result.catalog;
    CHECK(catalog.practices.size() >= 8);
    CHECK(catalog.workingGroups.size() >= 4);
    // The tests' reference time (--now 2027-01-11T09:00): at least six are still to come.
    CHECK(core::visibleEvents(catalog.events, {{2027, 1, 11}, 9 * 60}).size() >= 6);
    for (const auto& p : catalog.practices) {
        INFO("practice " << p.id);
        CHECK(inEveryLanguage(p.title));
        CHECK(inEveryLanguage(p.summary));
        // Every longer text too (the kiosk offers a language only where the content has its texts).
        for (const auto* optional : {&p.description, &p.status, &p.imageAlt})
            if (!optional->empty()) CHECK(inEveryLanguage(*optional));
        CHECK(p.description.get("tr") != p.description.get("de"));
        CHECK(p.sample);
    }
    for (const auto& e : catalog.events) {
        INFO("event " << e.id);
        CHECK(inEveryLanguage(e.title));
        CHECK(inEveryLanguage(e.audience));
        for (const auto* optional : {&e.description, &e.cost, &e.capacity})
            if (!optional->empty()) CHECK(inEveryLanguage(*optional));
        CHECK_FALSE(e.registration.empty());
        CHECK(e.sample);
    }
    for (const auto& g : catalog.workingGroups) {
        INFO("working group " << g.id);
        CHECK(inEveryLanguage(g.title));
        CHECK(inEveryLanguage(g.purpose));
        for (const auto* optional : {&g.meets, &g.join})
            if (!optional->empty()) CHECK(inEveryLanguage(*optional));
        CHECK(g.sample);
    }
    CHECK(catalog.actors("").size() >= 15);
    CHECK(professionalWarnings(catalog).empty());
}

TEST_CASE("the professionals' files are optional: a content folder without them loads", "[source_loader][professionals]") {
    SourceCopy source;
    for (const char* file : {"practices.yaml", "events.yaml", "working_groups.yaml"}) fs::remove(source.folder() / file);
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    CHECK(result.ok());
    CHECK(result.catalog.events.empty());
}

TEST_CASE("an event without any way to register is a warning, not an error", "[source_loader][professionals]") {
    SourceCopy source;
    source.edit("events.yaml", kImpuls,
                "  register:\n    url: https://www.beispiel-praeventionsnetzwerk.de/anmeldung/impuls-kinderarmut-erkennen\n",
                "");
    const SourceResult result = loadSource(source.folder());
    INFO("errors:" << listed(result.errors));
    REQUIRE(result.ok());
    const auto warnings = professionalWarnings(result.catalog);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings.front().toString() ==
          "events.yaml: event 'impuls-kinderarmut-erkennen': field 'register': warning: no way to register (phone, "
          "email or url): the kiosk shows no QR code for it");
}

TEST_CASE("an event may be online, at a provider or at an address", "[source_loader][professionals]") {
    const SourceResult result = loadSource(kSample);
    REQUIRE(result.ok());
    const auto* online = result.catalog.event("online-impuls-armutssensible-sprache");
    const auto* atProvider = result.catalog.event("schulung-leistungen-fuer-familien");
    const auto* atAddress = result.catalog.event("impuls-kinderarmut-erkennen");
    REQUIRE(online);
    REQUIRE(atProvider);
    REQUIRE(atAddress);
    CHECK(online->place.online);
    CHECK(atProvider->place.provider == "caritas-esslingen");
    CHECK(atAddress->place.street == "Pulverwiesen 11");
    CHECK(core::isoDateTime(atAddress->start) == "2027-01-14T14:00");
}
