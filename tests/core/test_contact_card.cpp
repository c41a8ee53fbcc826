// Unit tests for the provider vCard a phone saves from the QR code.
#include "kiosk/core/contact_card.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace kiosk::core;

namespace {

Provider proFamilia() {
    Provider p;
    p.id = "pro-familia-esslingen";
    p.name = {{"de", "pro familia Beratungsstelle Esslingen"}, {"en", "pro familia counselling centre Esslingen"}};
    p.address = {"Berliner Straße 27", "73728", "Esslingen am Neckar"};
    p.location = GeoPoint{48.7388, 9.3068};
    p.phone = "0711 350 27 41";
    p.email = "esslingen@profamilia.de";
    p.website = "https://www.profamilia.de";
    return p;
}

Provider familienkasse() {
    Provider p;
    p.id = "familienkasse";
    p.name = {{"de", "Familienkasse der Bundesagentur für Arbeit"}};
    p.phone = "0800 4 5555 30";
    p.website = "https://www.arbeitsagentur.de/familie-und-kinder";
    p.national = true;
    return p;
}

// The card's lines; vCard lines end in CRLF, so a bare LF would be a broken card.
std::vector<std::string> lines(const std::string& card) {
    std::vector<std::string> result;
    size_t start = 0;
    while (start < card.size()) {
        size_t end = card.find("\r\n", start);
        REQUIRE(end != std::string::npos);  // the last line ends in CRLF too
        std::string line = card.substr(start, end - start);
        INFO("line: " << line);
        CHECK(line.find('\n') == std::string::npos);
        result.push_back(std::move(line));
        start = end + 2;
    }
    return result;
}

std::vector<std::string> linesStartingWith(const std::vector<std::string>& all, const std::string& prefix) {
    std::vector<std::string> result;
    std::copy_if(all.begin(), all.end(), std::back_inserter(result),
                 [&](const std::string& line) { return line.rfind(prefix, 0) == 0; });
    return result;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a provider's card is a complete vCard 3.0", "[contact_card]") {
    const auto card = lines(contactCard(proFamilia(), "de"));
    REQUIRE(card.size() >= 4);
    CHECK(card.front() == "BEGIN:VCARD");
    CHECK(card[1] == "VERSION:3.0");
    CHECK(card.back() == "END:VCARD");
}

TEST_CASE("the card holds the provider's name, phone, email, address and website", "[contact_card]") {
    const auto card = lines(contactCard(proFamilia(), "de"));
    CHECK(linesStartingWith(card, "FN:") == Lines{"FN:pro familia Beratungsstelle Esslingen"});
    CHECK(linesStartingWith(card, "ORG:") == Lines{"ORG:pro familia Beratungsstelle Esslingen"});
    CHECK(linesStartingWith(card, "TEL") == Lines{"TEL;TYPE=WORK,VOICE:0711 350 27 41"});
    CHECK(linesStartingWith(card, "EMAIL") == Lines{"EMAIL;TYPE=INTERNET:esslingen@profamilia.de"});
    // ADR fields: post box; extended; street; municipality; region; postal code; country.
    CHECK(linesStartingWith(card, "ADR") ==
          Lines{"ADR;TYPE=WORK:;;Berliner Straße 27;Esslingen am Neckar;;73728;Deutschland"});
    CHECK(linesStartingWith(card, "URL:") == Lines{"URL:https://www.profamilia.de"});
}

TEST_CASE("the card names the provider in the chosen language, else in German", "[contact_card]") {
    CHECK(linesStartingWith(lines(contactCard(proFamilia(), "en")), "FN:") ==
          Lines{"FN:pro familia counselling centre Esslingen"});
    CHECK(linesStartingWith(lines(contactCard(familienkasse(), "en")), "FN:") ==
          Lines{"FN:Familienkasse der Bundesagentur für Arbeit"});
}

TEST_CASE("commas and semicolons in names and addresses are escaped", "[contact_card]") {
    Provider p = proFamilia();
    p.name = {{"de", "Beratung für Eltern, Kinder; Jugendliche"}};
    p.address.street = "Hof 3, Eingang B";
    const auto card = lines(contactCard(p, "de"));
    CHECK(linesStartingWith(card, "FN:") == Lines{"FN:Beratung für Eltern\\, Kinder\\; Jugendliche"});
    CHECK(linesStartingWith(card, "ORG:") == Lines{"ORG:Beratung für Eltern\\, Kinder\\; Jugendliche"});
    CHECK(linesStartingWith(card, "ADR") ==
          Lines{"ADR;TYPE=WORK:;;Hof 3\\, Eingang B;Esslingen am Neckar;;73728;Deutschland"});
}

TEST_CASE("a national service without an address has no address line", "[contact_card]") {
    const auto card = lines(contactCard(familienkasse(), "de"));
    CHECK(linesStartingWith(card, "ADR").empty());
    CHECK(linesStartingWith(card, "EMAIL").empty());
    CHECK(linesStartingWith(card, "TEL") == Lines{"TEL;TYPE=WORK,VOICE:0800 4 5555 30"});
    CHECK(linesStartingWith(card, "URL:") == Lines{"URL:https://www.arbeitsagentur.de/familie-und-kinder"});
}

TEST_CASE("a provider without phone or website gets no empty lines for them", "[contact_card]") {
    Provider p = proFamilia();
    p.phone.clear();
    p.website.clear();
    const auto card = lines(contactCard(p, "de"));
    CHECK(linesStartingWith(card, "TEL").empty());
    CHECK(linesStartingWith(card, "URL").empty());
    CHECK(linesStartingWith(card, "FN:").size() == 1);
}
