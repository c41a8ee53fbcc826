// Opening hours as families read them: the status line never says "open" when nobody knows (it says
// "bitte erfragen" with the provider's note), the map's "Nur jetzt geöffnet" keeps only what is known
// to be open, and the weekly table (also the slip's and the spoken text) says the exceptions in words.
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

core::OpeningHours hours(std::string_view text) {
    auto read = core::OpeningHours::read(text);
    INFO(text);
    REQUIRE(read.ok());
    return *read;
}

const core::LocalDateTime kMondayTen{{2026, 3, 2}, 10 * 60};  // an ordinary Monday, no holidays
const core::HolidayCalendar kSchoolYear({{"Osterferien", {2026, 3, 30}, {2026, 4, 11}}});

struct Strings {
    Strings() { REQUIRE(ui::loadUiStrings(KIOSK_I18N_DIR).empty()); }
};

}  // namespace

TEST_CASE("the status line says unknown hours in words, never as open", "[hours_text]") {
    Strings strings;
    bool open = true;
    CHECK(ui::openingStatusText(hours("\"nach telefonischer Vereinbarung\""), kMondayTen, kSchoolYear, "de", &open) ==
          "Öffnungszeiten bitte erfragen – nach telefonischer Vereinbarung");
    CHECK_FALSE(open);
    open = true;
    CHECK(ui::openingStatusText(hours("Mo-Fr 09:00-12:00; Mo unknown"), kMondayTen, kSchoolYear, "en", &open) ==
          "Please ask for the opening hours");
    CHECK_FALSE(open);
    // School holidays the content does not list for that school year: unknown, not "open".
    open = true;
    CHECK(ui::openingStatusText(hours("Mo-Fr 09:00-12:00; SH off"), kMondayTen, core::HolidayCalendar(), "de", &open) ==
          "Öffnungszeiten bitte erfragen");
    CHECK_FALSE(open);
    CHECK(ui::openingStatusText(hours("Mo-Fr 09:00-12:00; SH off"), kMondayTen, kSchoolYear, "de", &open) ==
          "Jetzt geöffnet – bis 12:00");
    CHECK(open);
    CHECK(ui::openingStatusText(hours("Mo-Fr 09:00-12:00; SH off"), {{2026, 3, 30}, 600}, kSchoolYear, "de", &open) ==
          "Jetzt geschlossen");  // closed for the Easter holidays: the next opening is two weeks ahead
    CHECK(ui::openingStatusText(hours("Mo 08:00+"), kMondayTen, kSchoolYear, "ru", &open) == "Часы работы уточняйте");
    CHECK_FALSE(open);
}

TEST_CASE("the map's open-now filter keeps only places known to be open", "[hours_text]") {
    core::Provider provider;
    CHECK_FALSE(ui::knownOpenNow(provider, kMondayTen, kSchoolYear));  // no hours at all
    provider.hours = hours("Mo-Fr 09:00-12:00");
    CHECK(ui::knownOpenNow(provider, kMondayTen, kSchoolYear));
    provider.hours = hours("Mo-Fr 09:00-12:00 \"nach Vereinbarung\"");
    CHECK_FALSE(ui::knownOpenNow(provider, kMondayTen, kSchoolYear));
    provider.hours = hours("Mo-Fr 09:00-12:00 || \"nach Vereinbarung\"");
    CHECK(ui::knownOpenNow(provider, kMondayTen, kSchoolYear));
    CHECK_FALSE(ui::knownOpenNow(provider, {{2026, 3, 2}, 13 * 60}, kSchoolYear));
    provider.hours = hours("Mo-Fr 09:00-12:00; SH off");
    CHECK_FALSE(ui::knownOpenNow(provider, kMondayTen, core::HolidayCalendar()));
}

TEST_CASE("the weekly text reads the regular week first, then the exceptions in words", "[hours_text]") {
    Strings strings;
    const core::OpeningHours counselling =
        hours("Mo-Fr 09:00-12:00; Sa \"nach Vereinbarung\", Mo[1] 15:00-17:00; Dec 24 off; SH off; PH off");
    CHECK(core::weeklyHoursText(counselling, ui::hoursWords("de")) ==
          "Montag: 09:00–12:00\nDienstag: 09:00–12:00\nMittwoch: 09:00–12:00\nDonnerstag: 09:00–12:00\n"
          "Freitag: 09:00–12:00\nSamstag: bitte erfragen\nSonntag: geschlossen\n"
          "An Feiertagen geschlossen\n"
          "am 1. Montag im Monat 15:00–17:00\n24.12. geschlossen\nin den Schulferien geschlossen\n"
          "nach Vereinbarung");
    const std::string english = core::weeklyHoursText(counselling, ui::hoursWords("en"));
    CHECK(english.find("on the 1st Monday of the month 15:00–17:00") != std::string::npos);
    CHECK(english.find("in the school holidays closed") != std::string::npos);
    for (const char* language : {"tr", "ar", "uk", "ru"}) {
        INFO(language);
        const std::string text = core::weeklyHoursText(counselling, ui::hoursWords(language));
        CHECK(text.find("15:00–17:00") != std::string::npos);
        CHECK(text.find("24.12.") != std::string::npos);
        CHECK(text.find("hours.") == std::string::npos);  // no key without words
    }
    // Times nobody promises are marked in the table.
    CHECK(core::weeklyHoursText(hours("Mo 09:00-12:00 \"Telefonsprechzeit\""), ui::hoursWords("de")).starts_with(
        "Montag: 09:00–12:00 (bitte erfragen)\n"));
    CHECK(core::weeklyHoursText(hours("Mo 09:00-12:00 open \"Telefonsprechzeit\""), ui::hoursWords("de")).starts_with("Montag: 09:00–12:00\n"));
}
