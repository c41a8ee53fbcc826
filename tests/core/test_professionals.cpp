// Unit tests for the professionals' side of the core: which events show at a time, in which order,
// the date-time format of the content, and what an event's registration QR code holds.
#include "kiosk/core/catalog.hpp"
#include "kiosk/core/professionals.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::core;

namespace {

LocalDateTime at(const char* text) {
    auto parsed = parseIsoDateTime(text);
    REQUIRE(parsed.has_value());
    return *parsed;
}

Event event(const char* id, const char* start, const char* end) {
    Event e;
    e.id = id;
    e.start = at(start);
    e.end = at(end);
    return e;
}

std::vector<std::string> ids(const std::vector<const Event*>& events) {
    std::vector<std::string> result;
    for (const Event* e : events) result.push_back(e->id);
    return result;
}

}  // namespace

TEST_CASE("past events are hidden, a running one shows first, the upcoming soonest first", "[professionals]") {
    // In content order, not in time order: the kiosk sorts.
    const std::vector<Event> events{event("march", "2027-03-10T09:00", "2027-03-10T16:00"),
                                    event("past", "2027-01-05T10:00", "2027-01-05T12:00"),
                                    event("today", "2027-01-11T08:30", "2027-01-11T10:00"),
                                    event("february", "2027-02-03T15:00", "2027-02-03T16:30"),
                                    event("tomorrow", "2027-01-12T14:00", "2027-01-12T16:00")};
    const LocalDateTime now = at("2027-01-11T09:00");
    CHECK(ids(visibleEvents(events, now)) == std::vector<std::string>{"today", "tomorrow", "february", "march"});
    CHECK(eventState(events[2], now) == EventState::Running);
    CHECK(eventState(events[1], now) == EventState::Past);
    CHECK(eventState(events[4], now) == EventState::Upcoming);
    // At its end an event is over; one minute before, it still runs.
    CHECK(eventState(events[2], at("2027-01-11T10:00")) == EventState::Past);
    CHECK(eventState(events[2], at("2027-01-11T09:59")) == EventState::Running);
    CHECK(eventState(events[2], at("2027-01-11T08:30")) == EventState::Running);
    CHECK(eventState(events[2], at("2027-01-11T08:29")) == EventState::Upcoming);
    // Later in the year only March is left; after it, nothing.
    CHECK(ids(visibleEvents(events, at("2027-02-04T00:00"))) == std::vector<std::string>{"march"});
    CHECK(visibleEvents(events, at("2027-03-10T16:00")).empty());
}

TEST_CASE("events starting together keep the content's order", "[professionals]") {
    const std::vector<Event> events{event("b", "2027-02-01T10:00", "2027-02-01T11:00"),
                                    event("a", "2027-02-01T10:00", "2027-02-01T12:00")};
    CHECK(ids(visibleEvents(events, at("2027-01-01T00:00"))) == std::vector<std::string>{"b", "a"});
}

TEST_CASE("an event's date and time reads as the content writes it", "[professionals]") {
    CHECK(isoDateTime(at("2027-01-14T14:05")) == "2027-01-14T14:05");
    CHECK(isoDateTime(at("2027-01-14 09:00")) == "2027-01-14T09:00");
    for (const char* wrong : {"2027-01-14", "14.01.2027 14:00", "2027-02-30T10:00", "2027-01-14T24:00",
                              "2027-01-14T9:00", "2027-01-14T14:60", "2027-01-14T14:00Z", ""}) {
        INFO(wrong);
        CHECK_FALSE(parseIsoDateTime(wrong).has_value());
    }
}

TEST_CASE("the registration QR code holds the web address, else an email, else the phone", "[professionals]") {
    CHECK(Registration{"0711 3902-42650", "a@b.de", "https://x.de/anmeldung"}.qrText() == "https://x.de/anmeldung");
    CHECK(Registration{"0711 3902-42650", "a@b.de", ""}.qrText() == "mailto:a@b.de");
    CHECK(Registration{"+49 711 3902-42650", "", ""}.qrText() == "tel:+49711390242650");
    CHECK(Registration{}.qrText().empty());
    CHECK(Registration{}.empty());
}

TEST_CASE("the map of actors shows network members with a place, by field of work", "[professionals]") {
    Catalog catalog;
    Provider member;
    member.id = "member";
    member.networkMember = true;
    member.location = GeoPoint{48.74, 9.31};
    member.fields = {"counselling", "money"};
    Provider elsewhere = member;
    elsewhere.id = "helpline";
    elsewhere.location.reset();  // a helpline has no place on the map
    Provider outsider = member;
    outsider.id = "outsider";
    outsider.networkMember = false;
    catalog.providers = {member, elsewhere, outsider};
    REQUIRE(catalog.actors("").size() == 1);
    CHECK(catalog.actors("").front()->id == "member");
    CHECK(catalog.actors("money").size() == 1);
    CHECK(catalog.actors("early-help").empty());
    CHECK(isFieldOfWork("transitions"));
    CHECK_FALSE(isFieldOfWork("poverty"));
}

TEST_CASE("an example of good practice may name its own spoken explanation", "[professionals]") {
    Catalog catalog;
    Practice practice;
    practice.id = "lesepaten";
    practice.audio.set("de", "audio/de/lesepaten.ogg");
    catalog.practices = {practice};
    REQUIRE(catalog.explanation("practice:lesepaten") != std::nullopt);
    CHECK(catalog.explanation("practice:lesepaten")->get("de") == "audio/de/lesepaten.ogg");
    CHECK(catalog.explanation("practice:unbekannt") == std::nullopt);
}
