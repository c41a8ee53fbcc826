// The website generator: the same content gives the same bytes, texts are escaped, Arabic reads right
// to left, every offer has its page at the documented address, the contact card is the kiosk's.
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/contact_card.hpp"
#include "kiosk/core/public_url.hpp"
#include "kiosk/i18n/strings.hpp"
#include "kiosk/site/site.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kLanguages{"de", "en", "tr", "ar", "uk", "ru"};

core::Catalog sampleCatalog() {
    auto source = content::loadSource(KIOSK_SAMPLE_CONTENT);
    REQUIRE(source.ok());
    return std::move(source.catalog);
}

std::map<std::string, std::string> render(const core::Catalog& catalog,
                                          core::LocalDateTime now = {{2027, 1, 11}, 9 * 60}) {
    // The tests' reference time: the sample's events (early 2027) are all still to come.
    const site::SiteInput input{&catalog, nullptr, KIOSK_SAMPLE_CONTENT, "https://familien.example.de/kiosk",
                                kLanguages, now};
    std::map<std::string, std::string> files;
    for (auto& file : site::renderSite(input)) files[file.path] = std::move(file.bytes);
    return files;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every file below `folder` with its bytes.
std::map<std::string, std::string> readTree(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) files[entry.path().lexically_relative(folder).string()] = readFile(entry.path());
    return files;
}

// A copy of the sample content whose `file` gets `edit` applied to its text.
void copySample(const fs::path& to) { fs::copy(KIOSK_SAMPLE_CONTENT, to, fs::copy_options::recursive); }
void edit(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = readFile(file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary) << text;
}

site::SiteOptions options(const fs::path& source, const fs::path& output) {
    return {source, output, KIOSK_ASSETS, {}};
}

}  // namespace

TEST_CASE("the URL scheme is the documented one and QR codes use it only with a site", "[site]") {
    CHECK(core::site_path::offer("tr", "kindergeld") == "tr/angebote/kindergeld/");
    CHECK(core::site_path::provider("ar", "caritas") == "ar/stellen/caritas/");
    CHECK(core::site_path::lifeStage("de", "baby") == "de/baby/");
    CHECK(core::site_path::contactCard("uk", "caritas") == "uk/stellen/caritas/kontakt.vcf");
    CHECK(core::siteUrl("https://x.de/kiosk/", "/de/") == "https://x.de/kiosk/de/");

    core::Catalog catalog = sampleCatalog();
    const core::Offer& offer = catalog.offers.front();
    catalog.network.siteBaseUrl = "https://familien.example.de";
    CHECK(core::offerLink(catalog, offer, "tr") == "https://familien.example.de/tr/angebote/" + offer.id + "/");
    catalog.network.siteBaseUrl.clear();
    CHECK(core::offerLink(catalog, offer, "tr") == offer.url);
}

TEST_CASE("every offer, provider and life stage has its page in every language", "[site]") {
    const core::Catalog catalog = sampleCatalog();
    const auto files = render(catalog);
    for (const auto& lang : kLanguages) {
        for (const auto& offer : catalog.offers) {
            const auto page = files.find(core::site_path::offer(lang, offer.id) + "index.html");
            REQUIRE(page != files.end());
            CHECK(page->second.find("<h1>") != std::string::npos);
        }
        for (const auto& provider : catalog.providers)
            CHECK(files.count(core::site_path::provider(lang, provider.id) + "index.html"));
        for (const auto& stage : catalog.lifeStages) CHECK(files.count(core::site_path::lifeStage(lang, stage.id) + "index.html"));
        for (const auto& path : {core::site_path::start(lang), core::site_path::urgentHelp(lang), core::site_path::map(lang),
                                 core::site_path::search(lang), core::site_path::about(lang)})
            CHECK(files.count(path + "index.html"));
    }
    CHECK(files.count("sitemap.xml"));
    CHECK(files.at("sitemap.xml").find("<loc>https://familien.example.de/kiosk/tr/angebote/") != std::string::npos);
}

TEST_CASE("the same content gives the same bytes", "[site]") {
    const core::Catalog catalog = sampleCatalog();
    CHECK(render(catalog) == render(catalog));

    test::TempFolder folder;
    std::vector<content::ContentError> errors;
    REQUIRE(site::buildSite(options(KIOSK_SAMPLE_CONTENT, folder.path() / "a"), errors));
    REQUIRE(site::buildSite(options(KIOSK_SAMPLE_CONTENT, folder.path() / "b"), errors));
    const auto a = readTree(folder.path() / "a");
    CHECK(a.size() > 100);
    CHECK(a == readTree(folder.path() / "b"));
}

TEST_CASE("a site build reads the words the program loaded, never loads its own, and says how far it is", "[site]") {
    // The editor builds a site beside its window: its own words, added to the kiosk's, must stay.
    REQUIRE(i18n::addUiStrings(KIOSK_ASSETS "/i18n/editor").empty());
    test::TempFolder folder;
    std::vector<content::ContentError> errors;
    site::SiteOptions chosen = options(KIOSK_SAMPLE_CONTENT, folder.path() / "site");
    chosen.languages = {"de", "en"};
    std::mutex mutex;  // the languages are written on two threads
    std::vector<double> progress;
    chosen.progress = [&](double fraction) {
        std::lock_guard lock(mutex);
        progress.push_back(fraction);
    };
    const auto built = site::buildSite(chosen, errors);
    REQUIRE(built);
    CHECK(i18n::tr("editor.save", "de") == "Speichern");  // a build that loaded the .po files dropped it
    CHECK(fs::exists(folder.path() / "site/en/angebote/kindergeld/index.html"));
    CHECK_FALSE(fs::exists(folder.path() / "site/tr"));
    REQUIRE(progress.size() == 3);  // each language, then done
    CHECK(std::max(progress[0], progress[1]) < 1.0);
    CHECK(progress.back() == 1.0);
}

TEST_CASE("texts are escaped in pages and in the structured data", "[site]") {
    core::Catalog catalog = sampleCatalog();
    core::Offer& offer = catalog.offers.front();
    offer.title.set("de", "Hilfe <script>alert(1)</script> & \"mehr\"");
    const auto files = render(catalog);
    const std::string& page = files.at(core::site_path::offer("de", offer.id) + "index.html");
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("<h1>Hilfe &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mehr&quot;</h1>") != std::string::npos);
    // Inside the JSON-LD the title's "</script>" cannot end the element.
    const auto json = page.find("application/ld+json");
    REQUIRE(json != std::string::npos);
    CHECK(page.find("</script>", json) == page.find("</script>\n</head>", json));
    CHECK(page.find("\\u003cscript>alert(1)\\u003c/script>") != std::string::npos);
}

TEST_CASE("Arabic pages read right to left, the others left to right", "[site]") {
    const core::Catalog catalog = sampleCatalog();
    const auto files = render(catalog);
    const std::string path = core::site_path::offer("{}", catalog.offers.front().id) + "index.html";
    auto page = [&](const std::string& lang) { return files.at(core::fillIn(path, {lang})); };
    CHECK(page("ar").find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
    for (const char* lang : {"de", "en", "tr", "uk", "ru"}) {
        INFO(lang);
        CHECK(page(lang).find(std::string("<html lang=\"") + lang + "\">") != std::string::npos);
        CHECK(page(lang).find("hreflang=\"ar\"") != std::string::npos);
    }
}

TEST_CASE("the provider's .vcf is the vCard of the kiosk's contact QR code", "[site]") {
    const core::Catalog catalog = sampleCatalog();
    const auto files = render(catalog);
    for (const auto& lang : kLanguages)
        for (const auto& provider : catalog.providers)
            CHECK(files.at(core::site_path::contactCard(lang, provider.id)) == core::contactCard(provider, lang));
}

TEST_CASE("an offer page has a tel: link, a weekly table and no address of another host but links", "[site]") {
    const core::Catalog catalog = sampleCatalog();
    const auto files = render(catalog);
    for (const auto& offer : catalog.offers) {
        const core::Provider* provider = catalog.provider(offer.providerId);
        const std::string& page = files.at(core::site_path::offer("de", offer.id) + "index.html");
        if (!provider->phone.empty()) CHECK(page.find("href=\"tel:") != std::string::npos);
        if (provider->hours && provider->hours->source() != "24/7") CHECK(page.find("<th scope=\"row\">Montag</th>") != std::string::npos);
        for (const char* outside : {"src=\"http", "href=\"//", "src=\"//", "@import", "url("}) CHECK(page.find(outside) == std::string::npos);
    }
}

TEST_CASE("content that fails the check writes no site, an old site is replaced whole", "[site]") {
    test::TempFolder folder;
    const fs::path output = folder.path() / "site";
    std::vector<content::ContentError> errors;
    REQUIRE(site::buildSite(options(KIOSK_SAMPLE_CONTENT, output), errors));
    std::ofstream(output / "left-over.html") << "old";

    copySample(folder.path() / "broken");
    edit(folder.path() / "broken/offers.yaml", "provider: ", "provider: no-such-");
    const auto refused = site::buildSite(options(folder.path() / "broken", output), errors);
    REQUIRE_FALSE(refused);
    CHECK(refused.problem().is(site::SiteProblem::ContentRefused));
    CHECK(errors.size() == content::loadSource(folder.path() / "broken").errors.size());
    CHECK(errors.front().toString().find("unknown provider 'no-such-") != std::string::npos);
    CHECK(fs::exists(output / "left-over.html"));  // the old site untouched

    REQUIRE(site::buildSite(options(KIOSK_SAMPLE_CONTENT, output), errors));
    CHECK_FALSE(fs::exists(output / "left-over.html"));  // replaced as a whole
    CHECK(fs::exists(output / "de/index.html"));
    for (const auto& entry : fs::directory_iterator(folder.path())) {  // beside it only the site before
        const auto name = entry.path().filename();
        CHECK((name == "site" || name == "broken" || name == ".site.previous"));
    }
    CHECK(fs::exists(folder.path() / ".site.previous" / site::kSiteMarker));
}

TEST_CASE("a rebuild reuses the site before the current one and leaves nothing of it behind", "[site]") {
    test::TempFolder folder;
    const fs::path output = folder.path() / "site";
    const fs::path previous = folder.path() / ".site.previous";
    copySample(folder.path() / "content");
    std::vector<content::ContentError> errors;
    REQUIRE(site::buildSite(options(folder.path() / "content", output), errors));
    const auto first = readTree(output);
    REQUIRE(site::buildSite(options(folder.path() / "content", output), errors));
    REQUIRE(fs::exists(previous / site::kSiteMarker));  // the first site, kept to be rewritten next time

    // The kept site is changed behind the generator's back: a stray file, a page with the same length.
    std::ofstream(previous / "de/stray.html") << "stray";
    const fs::path page = previous / core::site_path::start("de") / "index.html";
    std::string changed = readFile(page);
    changed[changed.size() / 2] = changed[changed.size() / 2] == 'x' ? 'y' : 'x';
    std::ofstream(page, std::ios::binary) << changed;

    const std::string title = "Schwangerschaftsberatung bei pro familia";
    edit(folder.path() / "content/offers.yaml", title, title + " (neu)");
    REQUIRE(site::buildSite(options(folder.path() / "content", output), errors));
    const auto third = readTree(output);
    CHECK(third.size() == first.size());  // the stray file is gone
    CHECK_FALSE(third.contains("de/stray.html"));
    CHECK(third.at("de/index.html") == first.at("de/index.html"));
    const std::string offerPage = "de/angebote/schwangerschaftsberatung-pro-familia-esslingen/index.html";
    CHECK(third.at(offerPage).find(title + " (neu)") != std::string::npos);
}

TEST_CASE("a second build of a site in the same folder at the same time is refused, nothing changed", "[site]") {
    test::TempFolder folder;
    const int held = ::open(folder.path().c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_EX) == 0);  // what a running build holds
    std::vector<content::ContentError> errors;
    const auto refused = site::buildSite(options(KIOSK_SAMPLE_CONTENT, folder.path() / "site"), errors);
    ::close(held);
    REQUIRE_FALSE(refused);
    CHECK(refused.problem().is(site::SiteProblem::Busy));
    CHECK(fs::is_empty(folder.path()));
}

TEST_CASE("a folder that is not a site is never replaced", "[site]") {
    test::TempFolder folder;
    std::ofstream(folder.path() / "important.txt") << "mine";
    std::vector<content::ContentError> errors;
    const auto refused = site::buildSite(options(KIOSK_SAMPLE_CONTENT, folder.path()), errors);
    REQUIRE_FALSE(refused);
    CHECK(refused.problem().is(site::SiteProblem::NotASite));
    CHECK(readFile(folder.path() / "important.txt") == "mine");
}

TEST_CASE("site_base_url must be an absolute https address", "[site]") {
    test::TempFolder folder;
    copySample(folder.path() / "content");
    edit(folder.path() / "content/network.yaml", "site_base_url: https://", "site_base_url: http://");
    const auto result = content::loadSource(folder.path() / "content");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors.front().toString().find("network.yaml: field 'site_base_url': 'http://") == 0);
    CHECK_FALSE(core::isSiteBaseUrl("familien.example.de"));
    CHECK_FALSE(core::isSiteBaseUrl("https://familien.example.de/?a=1"));
    CHECK(core::isSiteBaseUrl("https://familien.example.de/kiosk"));
}

TEST_CASE("an offer page plays the offer's sound file in its language, copied into the site", "[site]") {
    test::TempFolder folder;
    copySample(folder.path() / "content");
    fs::remove_all(folder.path() / "content/audio");  // the sample's made sound files, where built
    const std::string id = "schwangerschaftsberatung-pro-familia-esslingen";
    const fs::path sound = folder.path() / "content/audio/tr" / (id + ".ogg");
    fs::create_directories(sound.parent_path());
    std::ofstream(sound, std::ios::binary) << "OggS not really a sound";
    std::vector<content::ContentError> errors;
    REQUIRE(site::buildSite(options(folder.path() / "content", folder.path() / "site"), errors));
    const fs::path pageFolder = folder.path() / "site" / core::site_path::offer("tr", id);
    const std::string page = readFile(pageFolder / "index.html");
    const auto at = page.find("<audio controls preload=\"none\" src=\"");
    REQUIRE(at != std::string::npos);
    const auto start = at + std::string_view("<audio controls preload=\"none\" src=\"").size();
    const std::string href = page.substr(start, page.find('"', start) - start);
    CHECK(readFile(pageFolder / href) == "OggS not really a sound");  // the link leads to the same bytes
    // No German file either: the other languages' pages have no player.
    CHECK(readFile(folder.path() / "site" / core::site_path::offer("de", id) / "index.html").find("<audio") ==
          std::string::npos);
}

TEST_CASE("the professionals' pages: entry, good practice, events to come, working groups", "[site][professionals]") {
    const core::Catalog catalog = sampleCatalog();
    const auto files = render(catalog);
    for (const auto& lang : kLanguages) {
        INFO(lang);
        for (const auto& part : {"", "gute-praxis", "termine", "arbeitsgruppen"})
            CHECK(files.count(core::site_path::professionals(lang, part) + "index.html"));
        for (const auto& practice : catalog.practices) {
            const auto page = files.find(core::site_path::practice(lang, practice.id) + "index.html");
            REQUIRE(page != files.end());
            CHECK(page->second.find(practice.title.get(lang)) != std::string::npos);
        }
        // "Über uns" leads there, as on the kiosk.
        CHECK(files.at(core::site_path::about(lang) + "index.html").find("fachkraefte/index.html\"") !=
              std::string::npos);
    }
    // The sample's events lie in 2027: each with its start and its registration address.
    const std::string& events = files.at(core::site_path::professionals("de", "termine") + "index.html");
    CHECK(events.find("<time datetime=\"2027-01-14T14:00\">") != std::string::npos);
    CHECK(events.find("https://www.beispiel-praeventionsnetzwerk.de/anmeldung/impuls-kinderarmut-erkennen") !=
          std::string::npos);
    CHECK(events.find("Impuls: Kinderarmut erkennen") < events.find("Kurzschulung: Leistungen"));  // soonest first
    const std::string& groups = files.at(core::site_path::professionals("de", "arbeitsgruppen") + "index.html");
    CHECK(groups.find("Werden Sie Teil des Netzwerks") != std::string::npos);
    CHECK(files.at("sitemap.xml").find("/de/fachkraefte/gute-praxis/lesepaten-esslingen/") != std::string::npos);
    // The map of actors: every network member, under each of its fields of work, linked to its page.
    const std::string& actors = files.at(core::site_path::professionals("de", "akteure") + "index.html");
    const auto housing = actors.find("<h2>Wohnen</h2>");
    REQUIRE(housing != std::string::npos);
    CHECK(actors.find("Fachberatungsstelle Wohnungsnotfallhilfe Esslingen", housing) != std::string::npos);
    for (const core::Provider* actor : catalog.actors({}))
        CHECK(actors.find(core::site_path::provider("de", actor->id).substr(3)) != std::string::npos);
    CHECK(files.at(core::site_path::professionals("de") + "index.html").find("akteure/index.html") != std::string::npos);
}

TEST_CASE("a practice's page shows its picture, copied into the site, with its words as alt text", "[site][professionals]") {
    test::TempFolder folder;
    std::vector<content::ContentError> errors;
    REQUIRE(site::buildSite(options(KIOSK_SAMPLE_CONTENT, folder.path() / "site"), errors));
    const core::Catalog catalog = sampleCatalog();
    const core::Practice* visits = catalog.practice("willkommensbesuche-nuertingen");
    REQUIRE(visits);
    REQUIRE(visits->image == "images/willkommensbesuche.png");
    for (const auto& lang : kLanguages) {
        INFO(lang);
        const fs::path pageFolder = folder.path() / "site" / core::site_path::practice(lang, visits->id);
        const std::string page = readFile(pageFolder / "index.html");
        const std::string start = "<img src=\"";
        const auto at = page.find(start);
        REQUIRE(at != std::string::npos);
        const std::string href = page.substr(at + start.size(), page.find('"', at + start.size()) - at - start.size());
        CHECK(href.rfind("../", 0) == 0);  // relative: the folder works from a stick too
        CHECK(readFile(pageFolder / href) == readFile(fs::path(KIOSK_SAMPLE_CONTENT) / visits->image));
        const auto alt = page.find(" alt=\"", at);
        REQUIRE(alt != std::string::npos);
        const std::string words = page.substr(alt + 6, page.find('"', alt + 6) - alt - 6);
        CHECK_FALSE(words.empty());
        CHECK(words == visits->imageAlt.get(lang));  // the sample's alt texts need no escaping
    }
    // A practice without a picture has no <img>; a picture not in the content folder is left out.
    const std::string plain =
        readFile(folder.path() / "site" / core::site_path::practice("de", "sprechstunde-im-familienzentrum") / "index.html");
    CHECK(plain.find("<img") == std::string::npos);
    test::TempFolder without;
    copySample(without.path() / "content");
    fs::remove_all(without.path() / "content/images");
    REQUIRE(site::buildSite(options(without.path() / "content", without.path() / "site"), errors));
    CHECK(readFile(without.path() / "site" / core::site_path::practice("de", visits->id) / "index.html").find("<img") ==
          std::string::npos);
}

TEST_CASE("an event that has ended when the site is built is not on it", "[site][professionals]") {
    const core::Catalog catalog = sampleCatalog();
    const auto files = render(catalog, {{2027, 1, 14}, 16 * 60});
    const std::string& events = files.at(core::site_path::professionals("de", "termine") + "index.html");
    CHECK(events.find("Impuls: Kinderarmut erkennen") == std::string::npos);
    CHECK(events.find("Kurzschulung: Leistungen") != std::string::npos);
}
