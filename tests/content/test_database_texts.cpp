// Unit tests for texts on demand: the kiosk's catalog, which reads its offers' and providers' texts
// from the database when shown, says exactly what the catalog read whole says, holds none of them
// itself, keeps only a few in its cache, and knows every character the fonts need.
#include "kiosk/content/database.hpp"
#include "kiosk/content/database_texts.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/utf8.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace kiosk;
using namespace kiosk::content;
namespace fs = std::filesystem;
using kiosk::test::TempFolder;

namespace {

const fs::path kSample = KIOSK_SAMPLE_CONTENT;
constexpr core::OfferText kOfferTexts[] = {core::OfferText::Title, core::OfferText::Summary,
                                           core::OfferText::Description, core::OfferText::Cost,
                                           core::OfferText::Eligibility, core::OfferText::Audio};
constexpr core::ProviderText kProviderTexts[] = {core::ProviderText::Name, core::ProviderText::Description,
                                                 core::ProviderText::Accessibility};

fs::path sampleDatabase(const TempFolder& folder) {
    const SourceResult source = loadSource(kSample);
    REQUIRE(source.ok());
    const fs::path path = folder.path() / "content.sqlite";
    REQUIRE(writeDatabaseFile(path, source.catalog, {"sample", "", ""}));
    return path;
}

}  // namespace

TEST_CASE("the kiosk's catalog reads the same texts on demand as the whole catalog holds", "[texts]") {
    TempFolder folder;
    SQLite::Database db(sampleDatabase(folder).string(), SQLite::OPEN_READWRITE);
    const core::Catalog whole = readCatalog(db);
    const core::Catalog lean = readCatalog(db, Texts::OnDemand);
    REQUIRE(lean.textSource);
    REQUIRE(lean.offers.size() == whole.offers.size());
    REQUIRE(lean.providers.size() == whole.providers.size());
    CHECK(lean.languages() == whole.languages());
    CHECK(whole.languages().size() == 6);
    for (size_t i = 0; i < whole.offers.size(); ++i) {
        const core::Offer& w = whole.offers[i];
        const core::Offer& l = lean.offers[i];
        CHECK(l.id == w.id);
        CHECK(l.title.empty());  // held by the database, not in memory
        CHECK(l.description.empty());
        CHECK(l.keywords.empty());
        CHECK(l.lifeStages == w.lifeStages);
        CHECK(l.topics == w.topics);
        CHECK(l.providerId == w.providerId);
        CHECK(l.url.empty());  // the link too: read when an offer's QR code or slip needs it
        CHECK(lean.url(l) == w.url);
        CHECK(lean.url(l) == lean.url(l));  // asked again (the offer screen asks every frame)
        for (core::OfferText field : kOfferTexts) {
            CHECK(lean.text(l, field).values() == whole.text(w, field).values());
            for (const std::string& language : whole.languages())
                CHECK(lean.text(l, field, language) == whole.text(w, field, language));
        }
    }
    for (size_t i = 0; i < whole.providers.size(); ++i) {
        CHECK(lean.providers[i].name.empty());
        for (core::ProviderText field : kProviderTexts)
            CHECK(lean.text(lean.providers[i], field).values() == whole.text(whole.providers[i], field).values());
    }
    // An offer's spoken explanation is found the same way.
    REQUIRE(lean.explanation("offer:kindergeld"));
    CHECK(lean.explanation("offer:kindergeld")->values() == whole.explanation("offer:kindergeld")->values());
    CHECK(!lean.text(*lean.offer("kindergeld"), core::OfferText::Audio).empty());
}

TEST_CASE("the texts' cache keeps only the offers and providers asked for last", "[texts]") {
    TempFolder folder;
    const fs::path path = sampleDatabase(folder);
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    const core::Catalog whole = readCatalog(db);
    DatabaseTexts texts(path, 4);
    for (const core::Offer& offer : whole.offers) CHECK(texts.offerText(offer.id, core::OfferText::Title).values() == offer.title.values());
    CHECK(texts.cached() == 4);
    // The first one, long given up, is read again.
    CHECK(texts.offerText(whole.offers.front().id, core::OfferText::Summary).values() == whole.offers.front().summary.values());
    CHECK(texts.cached() == 4);
    CHECK(texts.offerText("no-such-offer", core::OfferText::Title).empty());
    CHECK(texts.offerUrl(whole.offers.back().id) == whole.offers.back().url);
    CHECK(texts.offerUrl(whole.offers.front().id) == whole.offers.front().url);
    CHECK(!whole.offers.front().url.empty());
    CHECK(texts.offerUrl("no-such-offer").empty());
}

TEST_CASE("the database knows every character of its texts, also after migrating an older file", "[texts]") {
    TempFolder folder;
    const fs::path path = sampleDatabase(folder);
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    SECTION("built") {}
    SECTION("a database of schema 5 is migrated") {
        db.exec("DROP TABLE content_language; PRAGMA user_version = 5; "
                "CREATE TABLE offer_keyword(offer_id TEXT NOT NULL, language TEXT NOT NULL, keyword TEXT NOT NULL)");
    }
    const core::Catalog lean = readCatalog(db, Texts::OnDemand);
    const core::Catalog whole = readCatalog(db);
    const std::u32string characters = core::decodeUtf8(lean.textSource->characters());
    auto missing = [&](const core::LocalizedText& text) {
        for (const auto& [language, value] : text.values())
            for (char32_t c : core::decodeUtf8(value))
                if (c >= 0x80 && characters.find(c) == std::u32string::npos) return true;
        return false;
    };
    size_t checked = 0;
    for (const core::Offer& o : whole.offers)
        for (const auto* text : {&o.title, &o.summary, &o.description, &o.cost, &o.eligibility}) {
            CHECK_FALSE(missing(*text));
            ++checked;
        }
    for (const core::Provider& p : whole.providers) CHECK_FALSE(missing(p.name));
    CHECK(checked > 300);
    // Arabic, Cyrillic and the German umlauts of the sample are among them.
    for (char32_t c : {U'ä', U'ß', U'д', U'ї', U'ع', U'ş'}) CHECK(characters.find(c) != std::u32string::npos);
    CHECK(lean.languages() == whole.languages());
}

TEST_CASE("the characters counted as the texts are written are those a pass over the text table finds", "[texts]") {
    TempFolder folder;
    const fs::path path = sampleDatabase(folder);
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    auto rows = [&] {
        std::vector<std::string> result;
        SQLite::Statement query(db, "SELECT code, coalesce(position, -1), characters FROM content_language ORDER BY code");
        while (query.executeStep())
            result.push_back(query.getColumn(0).getString() + " " + query.getColumn(1).getString() + " " +
                             query.getColumn(2).getString());
        return result;
    };
    const auto built = rows();
    REQUIRE(built.size() == 6);
    // A text in a language no offer's title has (no position), characters of three and four bytes.
    db.exec("INSERT INTO text(entity, id, field, language, value) VALUES ('network', '', 'note', 'fr', 'Très – 😀')");
    writeContentLanguages(db);
    auto migrated = rows();
    const auto french = std::find(migrated.begin(), migrated.end(), "fr -1 \u00e8\u2013\U0001F600");
    CHECK(french != migrated.end());
    if (french != migrated.end()) migrated.erase(french);
    CHECK(migrated == built);
}
