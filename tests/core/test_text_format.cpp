// Addresses, clock times and weekly hours as the screens, the slip, the voice and the website write them.
#include "kiosk/core/text_format.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace kiosk::core;

namespace {

OpeningHours parsed(std::string_view text) {
    std::string error;
    std::optional<OpeningHours> hours = OpeningHours::parse(text, error);
    INFO(error);
    REQUIRE(hours.has_value());
    return *hours;
}

HoursWords germanWords() {
    return {{"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
            "geschlossen",
            "rund um die Uhr geöffnet",
            "an Feiertagen geschlossen"};
}

}  // namespace

TEST_CASE("an address is one line as on the door, without stray commas where a part is missing", "[text_format]") {
    CHECK(oneLineAddress({"Berliner Straße 27", "73728", "Esslingen am Neckar"}) ==
          "Berliner Straße 27, 73728 Esslingen am Neckar");
    CHECK(oneLineAddress({"", "73728", "Esslingen am Neckar"}) == "73728 Esslingen am Neckar");
    CHECK(oneLineAddress({"Berliner Straße 27", "", "Esslingen am Neckar"}) == "Berliner Straße 27, Esslingen am Neckar");
    CHECK(oneLineAddress({"Berliner Straße 27", "", ""}) == "Berliner Straße 27");
    CHECK(oneLineAddress({}).empty());
}

TEST_CASE("a clock time has two digits for hours and minutes", "[text_format]") {
    CHECK(clockTime(0) == "00:00");
    CHECK(clockTime(8 * 60 + 5) == "08:05");
    CHECK(clockTime(23 * 60 + 59) == "23:59");
    CHECK(clockTime(24 * 60 + 30) == "00:30");  // the end of a night range past midnight
}

TEST_CASE("the weekly hours are a line per day, the holiday rule and the comments", "[text_format]") {
    const OpeningHours hours = parsed("Mo-Fr 08:00-12:00,13:00-16:30; Sa 22:00-02:00; PH off; \"nach Vereinbarung\"");
    CHECK(weeklyHoursText(hours, germanWords()) ==
          "Montag: 08:00–12:00, 13:00–16:30\n"
          "Dienstag: 08:00–12:00, 13:00–16:30\n"
          "Mittwoch: 08:00–12:00, 13:00–16:30\n"
          "Donnerstag: 08:00–12:00, 13:00–16:30\n"
          "Freitag: 08:00–12:00, 13:00–16:30\n"
          "Samstag: 22:00–02:00\n"
          "Sonntag: geschlossen\n"  // Saturday night's small hours belong to Saturday
          "an Feiertagen geschlossen\n"
          "nach Vereinbarung");
    const auto rows = weeklyHoursRows(hours, germanWords());
    REQUIRE(rows.size() == 7);
    CHECK(rows[6].day == "Sonntag");
    CHECK(rows[6].times == "geschlossen");
    CHECK(dayTimes(hours, Weekday::Saturday, "zu") == "22:00–02:00");
}

TEST_CASE("hours round the clock are said in one phrase", "[text_format]") {
    CHECK(weeklyHoursText(parsed("24/7"), germanWords()) == "rund um die Uhr geöffnet");
}
