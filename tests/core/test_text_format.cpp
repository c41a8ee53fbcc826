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
    HoursWords words;
    words.days = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"};
    words.closed = "geschlossen";
    words.always = "rund um die Uhr geöffnet";
    words.holidaysClosed = "an Feiertagen geschlossen";
    words.ask = "bitte erfragen";
    words.exceptions.days = words.days;
    words.exceptions.nthInMonth = "am {} {} im Monat";
    words.exceptions.ordinals = {"1.", "2.", "3.", "4.", "5."};
    words.exceptions.closed = "geschlossen";
    words.exceptions.schoolHolidays = "in den Schulferien";
    return words;
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
    const OpeningHours hours = parsed("Mo-Fr 08:00-12:00,13:00-16:30 open \"nach Vereinbarung\"; Sa 22:00-02:00; PH off");
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

TEST_CASE("the week marks time nobody promises and then says the exceptions", "[text_format]") {
    const OpeningHours hours = parsed("Mo-Fr 09:00-12:00; Sa \"nach Vereinbarung\", Mo[1] 15:00-17:00; Dec 24 off; SH off");
    CHECK(weeklyHoursText(hours, germanWords()) ==
          "Montag: 09:00–12:00\nDienstag: 09:00–12:00\nMittwoch: 09:00–12:00\nDonnerstag: 09:00–12:00\n"
          "Freitag: 09:00–12:00\nSamstag: bitte erfragen\nSonntag: geschlossen\n"
          "am 1. Montag im Monat 15:00–17:00\n24.12. geschlossen\nin den Schulferien geschlossen\nnach Vereinbarung");
    CHECK(dayTimes(parsed("Mo 09:00-12:00 \"Telefon\""), Weekday::Monday, "zu", "fragen") == "09:00–12:00 (fragen)");
}

TEST_CASE("hours round the clock are said in one phrase", "[text_format]") {
    CHECK(weeklyHoursText(parsed("24/7"), germanWords()) == "rund um die Uhr geöffnet");
}
