// Unit tests for the opening_hours parser, the BW holiday calendar and the open-now evaluation.
#include "kiosk/core/opening_hours.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {
// Readable failure output for Catch.
std::ostream& operator<<(std::ostream& out, const TimeRange& range) {
    return out << range.from << ".." << range.to;
}
std::ostream& operator<<(std::ostream& out, const Date& date) {
    return out << date.year << '-' << date.month << '-' << date.day;
}
}  // namespace kiosk::core

using namespace kiosk::core;

namespace {

constexpr int at(int hours, int minutes = 0) { return hours * 60 + minutes; }

OpeningHours parsed(std::string_view text) {
    std::string error;
    std::optional<OpeningHours> hours = OpeningHours::parse(text, error);
    INFO("parsing \"" << text << "\" failed: " << error);
    REQUIRE(hours.has_value());
    return *hours;
}

std::string parseError(std::string_view text) {
    std::string error;
    const std::optional<OpeningHours> hours = OpeningHours::parse(text, error);
    INFO("\"" << text << "\" should not parse");
    CHECK_FALSE(hours.has_value());
    return error;
}

using Ranges = std::vector<TimeRange>;

// The week of 2 March 2026 has no holidays: Monday 2 .. Sunday 8.
constexpr Date kMonday{2026, 3, 2};
constexpr Date kTuesday{2026, 3, 3};
constexpr Date kWednesday{2026, 3, 4};
constexpr Date kThursday{2026, 3, 5};
constexpr Date kFriday{2026, 3, 6};
constexpr Date kSaturday{2026, 3, 7};
constexpr Date kSunday{2026, 3, 8};

const char* const kOfficeHours = "Mo,Tu,Fr 08:00-12:00; Th 08:00-12:00,13:00-18:00; We off; PH off";

}  // namespace

TEST_CASE("weekdayOf knows the weekday of known dates", "[opening_hours][calendar]") {
    CHECK(weekdayOf({1970, 1, 1}) == Weekday::Thursday);
    CHECK(weekdayOf({2000, 1, 1}) == Weekday::Saturday);
    CHECK(weekdayOf({2024, 2, 29}) == Weekday::Thursday);
    CHECK(weekdayOf({2026, 4, 3}) == Weekday::Friday);
    CHECK(weekdayOf({2026, 12, 27}) == Weekday::Sunday);
    CHECK(weekdayOf(kMonday) == Weekday::Monday);
    CHECK(weekdayOf(kSunday) == Weekday::Sunday);
    CHECK(weekdayOf({1600, 3, 1}) == Weekday::Wednesday);  // proleptic Gregorian
}

TEST_CASE("addDays crosses months, years and leap days", "[opening_hours][calendar]") {
    CHECK(addDays({2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(addDays({2023, 2, 28}, 1) == Date{2023, 3, 1});
    CHECK(addDays({2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(addDays({2026, 3, 1}, -1) == Date{2026, 2, 28});
    CHECK(addDays({2026, 1, 1}, 365) == Date{2027, 1, 1});
    CHECK(addDays({2024, 1, 1}, 366) == Date{2025, 1, 1});
    CHECK(addDays({2026, 4, 3}, 0) == Date{2026, 4, 3});
}

TEST_CASE("public holidays of Baden-Wuerttemberg 2026", "[opening_hours][holidays]") {
    const std::vector<Date> expected = {
        {2026, 1, 1},  {2026, 1, 6},  {2026, 4, 3},   {2026, 4, 6},   {2026, 5, 1},   {2026, 5, 14},
        {2026, 5, 25}, {2026, 6, 4},  {2026, 10, 3},  {2026, 11, 1},  {2026, 12, 25}, {2026, 12, 26},
    };
    CHECK(publicHolidaysBW(2026) == expected);
    for (const Date& date : expected) CHECK(isPublicHolidayBW(date));
    CHECK_FALSE(isPublicHolidayBW({2026, 4, 5}));   // Ostersonntag is no statutory holiday in BW
    CHECK_FALSE(isPublicHolidayBW({2026, 5, 24}));  // nor is Pfingstsonntag
    CHECK_FALSE(isPublicHolidayBW({2026, 12, 24}));
    CHECK_FALSE(isPublicHolidayBW({2026, 8, 15}));  // Mariä Himmelfahrt is Bavarian, not BW
    CHECK_FALSE(isPublicHolidayBW({2026, 10, 31})); // Reformationstag is not a BW holiday
}

TEST_CASE("public holidays of Baden-Wuerttemberg 2027 follow Easter on 28 March", "[opening_hours][holidays]") {
    const std::vector<Date> expected = {
        {2027, 1, 1},  {2027, 1, 6},  {2027, 3, 26},  {2027, 3, 29},  {2027, 5, 1},   {2027, 5, 6},
        {2027, 5, 17}, {2027, 5, 27}, {2027, 10, 3},  {2027, 11, 1},  {2027, 12, 25}, {2027, 12, 26},
    };
    CHECK(publicHolidaysBW(2027) == expected);
    CHECK_FALSE(isPublicHolidayBW({2027, 3, 28}));
    CHECK_FALSE(isPublicHolidayBW({2027, 4, 2}));  // would be Karfreitag if Easter were computed wrong
}

TEST_CASE("Easter-dependent holidays in other years", "[opening_hours][holidays]") {
    CHECK(isPublicHolidayBW({2019, 4, 19}));  // Easter 21 April 2019
    CHECK(isPublicHolidayBW({2038, 4, 26}));  // Easter 25 April 2038, the latest possible
    CHECK(isPublicHolidayBW({2285, 3, 23}));  // Easter 22 March 2285, the earliest possible
    // In 2008 Christi Himmelfahrt fell on 1 May; the date is listed once.
    const std::vector<Date> holidays2008 = publicHolidaysBW(2008);
    CHECK(holidays2008.size() == 11);
    CHECK(std::count(holidays2008.begin(), holidays2008.end(), Date{2008, 5, 1}) == 1);
}

TEST_CASE("network office hours: open now and opening later", "[opening_hours][evaluate]") {
    REQUIRE(weekdayOf(kMonday) == Weekday::Monday);
    const OpeningHours office = parsed(kOfficeHours);

    SECTION("Monday 10:00 is open until 12:00") {
        const OpeningStatus status = evaluate(office, {kMonday, at(10)});
        CHECK(status.state == OpenState::OpenNow);
        CHECK(status.until == at(12));
    }
    SECTION("Monday 12:00 is closed for the day, next opening Tuesday 08:00") {
        const OpeningStatus status = evaluate(office, {kMonday, at(12)});
        CHECK(status.state == OpenState::ClosedToday);
        CHECK(status.nextDate == kTuesday);
        CHECK(status.opensAt == at(8));
        CHECK(status.daysUntilNext == 1);
    }
    SECTION("Thursday 12:30 opens later at 13:00") {
        const OpeningStatus status = evaluate(office, {kThursday, at(12, 30)});
        CHECK(status.state == OpenState::OpensLaterToday);
        CHECK(status.opensAt == at(13));
    }
    SECTION("Thursday 17:59 is open until 18:00") {
        const OpeningStatus status = evaluate(office, {kThursday, at(17, 59)});
        CHECK(status.state == OpenState::OpenNow);
        CHECK(status.until == at(18));
    }
    SECTION("Wednesday is closed, next opening Thursday 08:00") {
        const OpeningStatus status = evaluate(office, {kWednesday, at(9)});
        CHECK(status.state == OpenState::ClosedToday);
        CHECK(status.nextDate == kThursday);
        CHECK(status.opensAt == at(8));
        CHECK(status.daysUntilNext == 1);
    }
    SECTION("Friday 07:00 opens at 08:00") {
        const OpeningStatus status = evaluate(office, {kFriday, at(7)});
        CHECK(status.state == OpenState::OpensLaterToday);
        CHECK(status.opensAt == at(8));
    }
    SECTION("Friday 08:00 sharp is open") {
        CHECK(evaluate(office, {kFriday, at(8)}).state == OpenState::OpenNow);
    }
    SECTION("Friday afternoon: next opening is Monday") {
        const OpeningStatus status = evaluate(office, {kFriday, at(15)});
        CHECK(status.state == OpenState::ClosedToday);
        CHECK(status.nextDate == Date{2026, 3, 9});
        CHECK(status.daysUntilNext == 3);
    }
}

TEST_CASE("network office hours: Karfreitag closes, next opening after Ostermontag", "[opening_hours][evaluate]") {
    const OpeningHours office = parsed(kOfficeHours);
    const Date karfreitag{2026, 4, 3};
    REQUIRE(weekdayOf(karfreitag) == Weekday::Friday);

    CHECK(office.intervalsOn(karfreitag).empty());
    CHECK(office.intervalsOn({2026, 4, 6}).empty());  // Ostermontag
    const OpeningStatus status = evaluate(office, {karfreitag, at(9)});
    CHECK(status.state == OpenState::ClosedToday);
    CHECK(status.nextDate == Date{2026, 4, 7});
    CHECK(status.opensAt == at(8));
    CHECK(status.daysUntilNext == 4);

    // Fronleichnam 2026 is a Thursday: the long Thursday is off too.
    CHECK(office.intervalsOn({2026, 6, 4}).empty());
    CHECK(office.intervalsOn({2026, 6, 11}) == Ranges{{at(8), at(12)}, {at(13), at(18)}});
}

TEST_CASE("network office hours: weekly table and holiday flag", "[opening_hours]") {
    const OpeningHours office = parsed(kOfficeHours);
    CHECK(office.regularIntervals(Weekday::Monday) == Ranges{{at(8), at(12)}});
    CHECK(office.regularIntervals(Weekday::Tuesday) == Ranges{{at(8), at(12)}});
    CHECK(office.regularIntervals(Weekday::Wednesday).empty());
    CHECK(office.regularIntervals(Weekday::Thursday) == Ranges{{at(8), at(12)}, {at(13), at(18)}});
    CHECK(office.regularIntervals(Weekday::Friday) == Ranges{{at(8), at(12)}});
    CHECK(office.regularIntervals(Weekday::Saturday).empty());
    CHECK(office.regularIntervals(Weekday::Sunday).empty());
    // A holiday Friday differs from the regular Friday.
    CHECK(office.regularIntervals(Weekday::Friday) != office.intervalsOn({2026, 4, 3}));
    CHECK(office.closedOnPublicHolidays());
    CHECK(office.comments().empty());
    CHECK(office.source() == kOfficeHours);
}

TEST_CASE("parse errors name the column and what was expected there", "[opening_hours][parse]") {
    struct Case {
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"", "empty"},
        {"   ", "empty"},
        {" ; ", "empty"},
        {"Mo-Fr 25:00-26:00", "column 7: a time range cannot start at 24:00 or later"},
        {"Mo 08:60-12:00", "column 7: expected minutes from 00 to 59"},
        {"Mo 8-12", "column 5: expected \":\" and the minutes, like 08:00, not \"-\""},
        {"Mo 0800-1200", "column 4: expected a time like 08:00, not \"0800\""},
        {"Mo 24:00-02:00", "column 4: a time range cannot start at 24:00 or later"},
        {"Mo 08:3:", "column 7: expected two digits for the minutes, like 08:30, not \"3\""},
        {"Mo 08::0-12:00", "column 7: expected two digits for the minutes, like 08:30, not \":\""},
        {"Mo 08:30:", "column 9: expected \"-\" and a closing time like 18:00, or \"+\" for an open end, not \":\""},
        {"Mo 08:30-12:00:", "column 15: expected a space or \",\" after the time, not \":\""},
        {"Mo 10:00-50:00", "column 10: a time range can run past midnight only once"},
        {"Mo-Fr 08:00", "column 12: expected \"-\" and a closing time like 18:00, or \"+\" for an open end at the end"},
        {"Mo-Xy 08:00-12:00", "column 4: expected a weekday (Mo Tu We Th Fr Sa Su), not \"Xy\""},
        {"Mo-Do 09:00-12:00", "column 4: expected a weekday (Mo Tu We Th Fr Sa Su), not \"Do\""},
        {"Mo-Fr, 10:00-12:00", "column 8: expected a weekday like Mo, or PH or SH, not \"10\""},
        {"Mo 08:00-12:00 \"offen", "column 16: the comment has no closing \""},
        {"Mo 08:00-12:00 ||", "column 18: expected a rule after \"||\" at the end"},
        {"|| Mo 08:00-12:00", "column 1: expected a rule before \"||\""},
        {"Apr 31 off", "column 5: Apr has no day 31"},
        {"Feb 30", "column 5: Feb has no day 30"},
        {"week 54", "column 6: weeks are numbered 01 to 53"},
        {"week 10-05", "column 6: the range of weeks runs backwards"},
        {"week 01-53/1", "column 12: a period of weeks from 2 to 26"},
        {"Mo[0] 10:00-11:00", "column 4: expected a number from 1 to 5 (or -1 to -5 from the end), not \"0\""},
        {"Mo[6]", "column 4: expected a number from 1 to 5 (or -1 to -5 from the end), not \"6\""},
        {"Mo[1 10:00-11:00", "column 6: expected \"]\", not \"10\""},
        {"PH +2 days", "column 5: at most 1 day can be added here"},
        {"2027-2026", "column 6: the range of years runs backwards"},
        {"Dec 24-", "column 7: expected days, times like 08:00-12:00, open/off/unknown or a \"comment\", not \"-\""},
        {"Montag 08:00-12:00", "column 1: expected a rule, like Mo-Fr 08:00-12:00, not \"Montag\""},
        {"sunrise-sunset",
         "column 1: \"sunrise\" needs the place's coordinates, which the kiosk does not use; write the time (e.g. 07:30)"},
        {"Mo 08:00-sunset",
         "column 10: \"sunset\" needs the place's coordinates, which the kiosk does not use; write the time (e.g. 07:30)"},
        {"Mo (sunrise+01:00)-12:00",
         "column 5: \"sunrise\" needs the place's coordinates, which the kiosk does not use; write the time (e.g. 07:30)"},
    };
    for (const Case& c : cases) {
        INFO("input: \"" << c.text << "\"");
        CHECK(parseError(c.text) == c.error);
    }
}

TEST_CASE("a problem carries the column as a value for the content check's message", "[opening_hours][parse]") {
    const Result<OpeningHours> hours = OpeningHours::read("Mo-Fr 08:00-12:00; Sa 9-12");
    REQUIRE_FALSE(hours.ok());
    CHECK(hours.problem().is(HoursProblem::AtColumn));
    CHECK(hours.problem().key() == "opening-hours.at-column");
    CHECK(hours.problem().values().at(0) == "24");
    CHECK(hours.problem().english() == "column 24: expected \":\" and the minutes, like 08:00, not \"-\"");
    CHECK(OpeningHours::read(std::string(OpeningHours::kMaxLength + 1, ' ')).problem().is(HoursProblem::TooLong));
}

TEST_CASE("positions in errors count characters, not UTF-8 bytes", "[opening_hours][parse]") {
    CHECK(parseError("Mo 10:00-12:00 \"Bürozeit\" Xy") ==
          "column 27: expected days, times like 08:00-12:00, open/off/unknown or a \"comment\", not \"Xy\"");
}

TEST_CASE("a successful parse clears the error", "[opening_hours][parse]") {
    std::string error = "stale";
    CHECK(OpeningHours::parse("Mo 10:00-12:00", error).has_value());
    CHECK(error.empty());
}

TEST_CASE("weekday lists and ranges", "[opening_hours][parse]") {
    const auto openDays = [](std::string_view text) {
        const OpeningHours hours = parsed(text);
        std::string days;
        for (int day = 0; day < 7; ++day)
            days += hours.regularIntervals(static_cast<Weekday>(day)).empty() ? '.' : 'x';
        return days;
    };
    CHECK(openDays("Mo-Fr 10:00-11:00") == "xxxxx..");
    CHECK(openDays("Mo,We,Fr 10:00-11:00") == "x.x.x..");
    CHECK(openDays("Mo-We,Fr 10:00-11:00") == "xxx.x..");
    CHECK(openDays("Fr-Mo 10:00-11:00") == "x...xxx");
    CHECK(openDays("Su 10:00-11:00") == "......x");
    CHECK(openDays("Sa-Su 10:00-11:00") == ".....xx");
    CHECK(openDays("08:00-18:00") == "xxxxxxx");
}

TEST_CASE("whitespace and case do not matter", "[opening_hours][parse]") {
    const OpeningHours compact = parsed("Mo-Fr 08:00-12:00,13:00-14:00;PH off");
    const OpeningHours spaced = parsed("  Mo - Fr\t08:00 - 12:00 , 13:00-14:00 ;  PH   off ; ");
    const OpeningHours lower = parsed("mo-fr 08:00-12:00,13:00-14:00; ph OFF");
    for (int day = 0; day < 7; ++day) {
        const auto weekday = static_cast<Weekday>(day);
        CHECK(spaced.regularIntervals(weekday) == compact.regularIntervals(weekday));
        CHECK(lower.regularIntervals(weekday) == compact.regularIntervals(weekday));
    }
    CHECK(spaced.closedOnPublicHolidays());
    CHECK(lower.closedOnPublicHolidays());
    CHECK(compact.regularIntervals(Weekday::Monday) == Ranges{{at(8), at(12)}, {at(13), at(14)}});
}

TEST_CASE("an en dash from a word processor reads as a dash", "[opening_hours][parse]") {
    const OpeningHours hours = parsed("Mo\xE2\x80\x93" "Fr 08:00\xE2\x80\x93" "12:00");
    CHECK(hours.regularIntervals(Weekday::Wednesday) == Ranges{{at(8), at(12)}});
}

TEST_CASE("ranges past midnight spill into the next day", "[opening_hours][midnight]") {
    const OpeningHours bar = parsed("Fr,Sa 22:00-02:00");
    // A day's intervals stay within the day; the night shows as evening and early morning.
    CHECK(bar.intervalsOn(kFriday) == Ranges{{at(22), at(24)}});
    CHECK(bar.intervalsOn(kSaturday) == Ranges{{0, at(2)}, {at(22), at(24)}});
    CHECK(bar.intervalsOn(kSunday) == Ranges{{0, at(2)}});
    CHECK(bar.intervalsOn(kThursday).empty());
    CHECK(bar.regularIntervals(Weekday::Sunday) == Ranges{{0, at(2)}});

    SECTION("Friday 23:00 is open until 02:00 the next day") {
        const OpeningStatus status = evaluate(bar, {kFriday, at(23)});
        CHECK(status.state == OpenState::OpenNow);
        CHECK(status.until == at(26));
    }
    SECTION("Saturday 01:00 is still open from Friday night") {
        const OpeningStatus status = evaluate(bar, {kSaturday, at(1)});
        CHECK(status.state == OpenState::OpenNow);
        CHECK(status.until == at(2));
    }
    SECTION("Saturday 03:00 opens again at 22:00") {
        const OpeningStatus status = evaluate(bar, {kSaturday, at(3)});
        CHECK(status.state == OpenState::OpensLaterToday);
        CHECK(status.opensAt == at(22));
    }
    SECTION("Sunday 03:00 waits for next Friday") {
        const OpeningStatus status = evaluate(bar, {kSunday, at(3)});
        CHECK(status.state == OpenState::ClosedToday);
        CHECK(status.nextDate == Date{2026, 3, 13});
        CHECK(status.opensAt == at(22));
        CHECK(status.daysUntilNext == 5);
    }
}

TEST_CASE("openings that meet at midnight chain into one", "[opening_hours][midnight]") {
    const OpeningHours hours = parsed("Mo 18:00-24:00; Tu 00:00-03:00");
    CHECK(hours.intervalsOn(kMonday) == Ranges{{at(18), at(24)}});
    const OpeningStatus status = evaluate(hours, {kMonday, at(20)});
    CHECK(status.state == OpenState::OpenNow);
    CHECK(status.until == at(24 + 3));

    // A range to 00:00 is the same as one to 24:00, and stops at midnight if nothing follows.
    const OpeningHours late = parsed("Mo 22:00-00:00");
    CHECK(late.intervalsOn(kMonday) == Ranges{{at(22), at(24)}});
    CHECK(late.intervalsOn(kTuesday).empty());
    CHECK(evaluate(late, {kMonday, at(23)}).until == at(24));

    // A long night shift is accepted; only implausibly long wraps are rejected.
    CHECK(parsed("Mo 18:00-08:00").intervalsOn(kTuesday) == Ranges{{0, at(8)}});
}

TEST_CASE("24/7", "[opening_hours]") {
    const OpeningHours always = parsed("24/7");
    CHECK(always.intervalsOn(kWednesday) == Ranges{{0, at(24)}});
    CHECK(always.intervalsOn({2026, 12, 25}) == Ranges{{0, at(24)}});
    const OpeningStatus status = evaluate(always, {kWednesday, at(3)});
    CHECK(status.state == OpenState::OpenNow);
    CHECK(status.until >= 8 * at(24));  // never closes within the look-ahead window
    CHECK_FALSE(always.closedOnPublicHolidays());

    const OpeningHours exceptHolidays = parsed("24/7; PH off");
    const Date christmasEve{2026, 12, 24};
    CHECK(evaluate(exceptHolidays, {christmasEve, at(20)}).until == at(24));
    CHECK(exceptHolidays.intervalsOn({2026, 12, 25}).empty());
    const OpeningStatus onHoliday = evaluate(exceptHolidays, {{2026, 12, 25}, at(12)});
    CHECK(onHoliday.state == OpenState::ClosedToday);
    CHECK(onHoliday.nextDate == Date{2026, 12, 27});
    CHECK(onHoliday.opensAt == 0);
    CHECK(exceptHolidays.closedOnPublicHolidays());
}

TEST_CASE("a later rule replaces the times of earlier rules for its days", "[opening_hours]") {
    const OpeningHours hours = parsed("Mo-Fr 08:00-18:00; We 08:00-12:00");
    CHECK(hours.regularIntervals(Weekday::Tuesday) == Ranges{{at(8), at(18)}});
    CHECK(hours.regularIntervals(Weekday::Wednesday) == Ranges{{at(8), at(12)}});

    // Two rules for the same day do not add up: the later one wins, as in OSM.
    const OpeningHours twice = parsed("Mo 08:00-10:00; Mo 14:00-16:00");
    CHECK(twice.regularIntervals(Weekday::Monday) == Ranges{{at(14), at(16)}});

    // A rule without days after one with days adds to it (opening_hours.js); after one without days it replaces.
    CHECK(parsed("Mo 08:00-10:00; 09:00-17:00").regularIntervals(Weekday::Monday) == Ranges{{at(8), at(17)}});
    CHECK(parsed("Mo 08:00-10:00; 09:00-17:00").regularIntervals(Weekday::Tuesday) == Ranges{{at(9), at(17)}});
    CHECK(parsed("08:00-10:00; 09:00-17:00").regularIntervals(Weekday::Monday) == Ranges{{at(9), at(17)}});

    const OpeningHours weekend = parsed("08:00-18:00; Sa,Su closed");
    CHECK(weekend.regularIntervals(Weekday::Friday) == Ranges{{at(8), at(18)}});
    CHECK(weekend.regularIntervals(Weekday::Saturday).empty());
    CHECK(weekend.regularIntervals(Weekday::Sunday).empty());
}

TEST_CASE("several ranges on one day are sorted and merged", "[opening_hours]") {
    CHECK(parsed("Mo 13:00-14:00,08:00-09:00").regularIntervals(Weekday::Monday) ==
          Ranges{{at(8), at(9)}, {at(13), at(14)}});
    CHECK(parsed("Mo 08:00-12:00,10:00-14:00,14:00-15:00").regularIntervals(Weekday::Monday) ==
          Ranges{{at(8), at(15)}});
}

TEST_CASE("off with times closes only those times", "[opening_hours]") {
    const OpeningHours hours = parsed("Mo-Fr 08:00-18:00; We 12:00-14:00 off");
    CHECK(hours.regularIntervals(Weekday::Wednesday) == Ranges{{at(8), at(12)}, {at(14), at(18)}});
    CHECK(hours.regularIntervals(Weekday::Thursday) == Ranges{{at(8), at(18)}});
}

TEST_CASE("open modifier and day-only rules mean all day", "[opening_hours]") {
    CHECK(parsed("Mo-Fr open").regularIntervals(Weekday::Monday) == Ranges{{0, at(24)}});
    CHECK(parsed("Sa").regularIntervals(Weekday::Saturday) == Ranges{{0, at(24)}});
    CHECK(parsed("Sa").regularIntervals(Weekday::Friday).empty());
    CHECK(parsed("Mo 08:00-12:00 open").regularIntervals(Weekday::Monday) == Ranges{{at(8), at(12)}});
}

TEST_CASE("PH rules with times set the hours on holidays", "[opening_hours][holidays]") {
    const OpeningHours hours = parsed("Mo-Sa 09:00-18:00; PH 10:00-12:00");
    const Date mayDay{2026, 5, 1};  // a Friday
    const Date allSaints{2026, 11, 1};  // a Sunday
    REQUIRE(weekdayOf(allSaints) == Weekday::Sunday);
    CHECK(hours.intervalsOn(mayDay) == Ranges{{at(10), at(12)}});
    CHECK(hours.intervalsOn(allSaints) == Ranges{{at(10), at(12)}});
    CHECK(hours.regularIntervals(Weekday::Friday) == Ranges{{at(9), at(18)}});
    CHECK(hours.regularIntervals(Weekday::Sunday).empty());
    CHECK_FALSE(hours.closedOnPublicHolidays());

    const OpeningStatus status = evaluate(hours, {mayDay, at(9, 30)});
    CHECK(status.state == OpenState::OpensLaterToday);
    CHECK(status.opensAt == at(10));
}

TEST_CASE("PH combined with weekdays", "[opening_hours][holidays]") {
    const Date epiphany{2026, 1, 6};  // a Tuesday
    REQUIRE(weekdayOf(epiphany) == Weekday::Tuesday);

    const OpeningHours alsoHolidays = parsed("Mo-Fr,PH 08:00-12:00");
    CHECK(alsoHolidays.intervalsOn({2026, 11, 1}) == Ranges{{at(8), at(12)}});  // Sunday holiday
    CHECK(alsoHolidays.regularIntervals(Weekday::Sunday).empty());

    const OpeningHours shop = parsed("Mo-Sa 08:00-12:00; PH,Sa off");
    CHECK(shop.intervalsOn(epiphany).empty());
    CHECK(shop.regularIntervals(Weekday::Saturday).empty());
    CHECK(shop.regularIntervals(Weekday::Tuesday) == Ranges{{at(8), at(12)}});
    CHECK(shop.closedOnPublicHolidays());

    // Without a PH rule a holiday keeps its weekday's hours.
    const OpeningHours noHolidayRule = parsed("Mo-Fr 08:00-12:00");
    CHECK(noHolidayRule.intervalsOn(epiphany) == Ranges{{at(8), at(12)}});
    CHECK_FALSE(noHolidayRule.closedOnPublicHolidays());

    // A weekday rule after "PH off" reopens holidays on that weekday, so they are not all closed.
    const OpeningHours reopened = parsed("PH off; Mo 10:00-12:00");
    CHECK(reopened.intervalsOn({2026, 4, 6}) == Ranges{{at(10), at(12)}});  // Ostermontag
    CHECK_FALSE(reopened.closedOnPublicHolidays());
}

TEST_CASE("comments make the time unknown unless a state is written", "[opening_hours][comments]") {
    using States = std::vector<HoursRange>;
    const OpeningHours withTimes = parsed("Mo-Fr 09:00-12:00 \"nach Vereinbarung\"; Sa 10:00-11:00 open \"a; b\"");
    CHECK(withTimes.comments() == std::vector<std::string>{"nach Vereinbarung", "a; b"});
    // A comment without "open": nobody promises the place is open then.
    CHECK(withTimes.regularRangesOn(Weekday::Monday) == States{{at(9), at(12), HoursState::Unknown, "nach Vereinbarung"}});
    CHECK(withTimes.regularIntervals(Weekday::Monday).empty());
    CHECK(withTimes.regularRangesOn(Weekday::Saturday) == States{{at(10), at(11), HoursState::Open, "a; b"}});

    SECTION("a comment-only rule: unknown all day, never open") {
        const OpeningHours onlyComment = parsed("\"nach telefonischer Vereinbarung\"");
        CHECK(onlyComment.rangesOn(kMonday) ==
              States{{0, at(24), HoursState::Unknown, "nach telefonischer Vereinbarung"}});
        CHECK(onlyComment.intervalsOn(kMonday).empty());
        const OpeningStatus status = evaluate(onlyComment, {kMonday, at(10)});
        CHECK(status.state == OpenState::Unknown);
        CHECK(status.comment == "nach telefonischer Vereinbarung");
    }
    SECTION("a fallback comment: open in the hours, unknown outside them") {
        const OpeningHours hours = parsed("Mo-Fr 09:00-12:00 || \"nach Vereinbarung\"");
        CHECK(hours.rangesOn(kMonday) == States{{0, at(9), HoursState::Unknown, "nach Vereinbarung"},
                                                {at(9), at(12), HoursState::Open, ""},
                                                {at(12), at(24), HoursState::Unknown, "nach Vereinbarung"}});
        CHECK(evaluate(hours, {kMonday, at(10)}).state == OpenState::OpenNow);
        CHECK(evaluate(hours, {kMonday, at(13)}).state == OpenState::Unknown);
    }
    SECTION("a day with only a comment is unknown that day") {
        const OpeningHours hours = parsed("Mo-Sa 09:00-12:00; Sa \"nach Vereinbarung\"");
        CHECK(hours.regularIntervals(Weekday::Saturday).empty());
        CHECK(hours.regularRangesOn(Weekday::Saturday) == States{{0, at(24), HoursState::Unknown, "nach Vereinbarung"}});
        CHECK(hours.regularIntervals(Weekday::Friday) == Ranges{{at(9), at(12)}});
    }
    SECTION("the unknown modifier") {
        const OpeningHours hours = parsed("Mo-Fr 08:00-12:00; We unknown");
        CHECK(hours.rangesOn(kWednesday) == States{{0, at(24), HoursState::Unknown, ""}});
        CHECK(evaluate(hours, {kWednesday, at(10)}).state == OpenState::Unknown);
    }
}

TEST_CASE("rule separators: a semicolon replaces, a comma adds, '||' falls back", "[opening_hours][rules]") {
    CHECK(parsed("Mo-Fr 09:00-17:00, Sa 09:00-12:00").regularIntervals(Weekday::Saturday) == Ranges{{at(9), at(12)}});
    CHECK(parsed("Mo-Fr 09:00-17:00, Sa 09:00-12:00").regularIntervals(Weekday::Friday) == Ranges{{at(9), at(17)}});
    CHECK(parsed("Mo-Fr 08:00-12:00, We 14:00-18:00").regularIntervals(Weekday::Wednesday) ==
          Ranges{{at(8), at(12)}, {at(14), at(18)}});
    CHECK(parsed("Mo-Fr 08:00-12:00; We 14:00-18:00").regularIntervals(Weekday::Wednesday) == Ranges{{at(14), at(18)}});
    CHECK(parsed("Mo-Fr 08:00-12:00 || Sa 10:00-11:00").regularIntervals(Weekday::Saturday) == Ranges{{at(10), at(11)}});
    CHECK(parsed("Mo-Fr 08:00-12:00,").regularIntervals(Weekday::Monday) == Ranges{{at(8), at(12)}});
    CHECK(parsed("Mo-Fr 08:00-12:00;; Sa 10:00-11:00").regularIntervals(Weekday::Saturday) == Ranges{{at(10), at(11)}});
}

TEST_CASE("times: to 24:00, equal ends, past midnight, open end", "[opening_hours][times]") {
    using States = std::vector<HoursRange>;
    CHECK(parsed("We 22:00-22:00").intervalsOn(kWednesday) == Ranges{{at(22), at(24)}});  // 24 hours
    CHECK(parsed("We 22:00-22:00").intervalsOn(kThursday) == Ranges{{0, at(22)}});
    CHECK(parsed("Mo 00:00-00:00").intervalsOn(kMonday) == Ranges{{0, at(24)}});
    CHECK(parsed("Mo 06:00-00:00").intervalsOn(kMonday) == Ranges{{at(6), at(24)}});
    CHECK(parsed("Mo 06:00-00:00").intervalsOn(kTuesday).empty());
    CHECK(parsed("Mo 06:00-24:00").intervalsOn(kMonday) == Ranges{{at(6), at(24)}});
    CHECK(parsed("Mo 20:00-26:00").intervalsOn(kTuesday) == Ranges{{0, at(2)}});
    CHECK(parsed("Mo 18:00+").rangesOn(kMonday) == States{{at(18), at(24), HoursState::Unknown, ""}});
    CHECK(parsed("Mo 18:00+").rangesOn(kTuesday) == States{{0, at(4), HoursState::Unknown, ""}});
    CHECK(parsed("Mo 10:00-16:00+").rangesOn(kMonday) ==
          States{{at(10), at(16), HoursState::Open, ""}, {at(16), at(24), HoursState::Unknown, ""}});
    CHECK(evaluate(parsed("Mo 18:00+"), {kMonday, at(19)}).state == OpenState::Unknown);
}

TEST_CASE("nth weekdays, with offsets", "[opening_hours][dates]") {
    const OpeningHours counselling = parsed("Mo[1] 15:00-17:00");
    CHECK(counselling.intervalsOn(kMonday) == Ranges{{at(15), at(17)}});  // 2 March 2026: the first Monday
    CHECK(counselling.intervalsOn({2026, 3, 9}).empty());
    CHECK(parsed("Su[-1] 10:00-12:00").intervalsOn({2026, 3, 29}) == Ranges{{at(10), at(12)}});
    CHECK(parsed("Su[-1] 10:00-12:00").intervalsOn({2026, 3, 22}).empty());
    CHECK(parsed("Mo[2-3]").intervalsOn({2026, 3, 16}) == Ranges{{0, at(24)}});
    CHECK(parsed("Mo[2-3]").intervalsOn({2026, 3, 23}).empty());
    CHECK(parsed("Mo[5]").intervalsOn({2026, 3, 30}) == Ranges{{0, at(24)}});
    CHECK(parsed("Mo[5]").intervalsOn({2026, 4, 27}).empty());  // April has only four Mondays
    // The Saturday before the last Sunday of March, and the day after the first Friday (in the next month).
    CHECK(parsed("Su[-1] -1 day").intervalsOn({2026, 3, 28}) == Ranges{{0, at(24)}});
    CHECK(parsed("Fr[-1] +1 day").intervalsOn({2026, 5, 30}) == Ranges{{0, at(24)}});
    CHECK(parsed("Fr[-1] +3 days").intervalsOn({2026, 6, 1}) == Ranges{{0, at(24)}});
}

TEST_CASE("months, dates, date ranges and easter", "[opening_hours][dates]") {
    const OpeningHours office = parsed("Mo-Fr 09:00-17:00; Dec 24 off; Dec 31 09:00-12:00; Dec 25-Jan 01 off");
    CHECK(office.intervalsOn({2026, 12, 23}) == Ranges{{at(9), at(17)}});
    CHECK(office.intervalsOn({2026, 12, 24}).empty());
    CHECK(office.intervalsOn({2026, 12, 28}).empty());
    CHECK(office.intervalsOn({2027, 1, 4}) == Ranges{{at(9), at(17)}});
    CHECK(parsed("Dec 24-26 off; 08:00-12:00").intervalsOn({2026, 12, 25}) == Ranges{{at(8), at(12)}});
    CHECK(parsed("Apr-Oct Sa 10:00-12:00").intervalsOn(kSaturday).empty());
    CHECK(parsed("Apr-Oct Sa 10:00-12:00").intervalsOn({2026, 4, 4}) == Ranges{{at(10), at(12)}});
    CHECK(parsed("Nov-Feb 10:00-12:00").intervalsOn({2027, 1, 15}) == Ranges{{at(10), at(12)}});
    CHECK(parsed("Nov-Feb 10:00-12:00").intervalsOn(kMonday).empty());
    CHECK(parsed("Jan Mo 10:00-12:00").intervalsOn({2027, 1, 4}) == Ranges{{at(10), at(12)}});
    CHECK(parsed("10:00-12:00; Dec 24-Jan 06 off").intervalsOn({2027, 1, 2}).empty());
    CHECK(parsed("10:00-12:00; Dec 24-Jan 06 off").intervalsOn({2027, 1, 7}) == Ranges{{at(10), at(12)}});
    CHECK(parsed("Dec 24,31 10:00-12:00").intervalsOn({2026, 12, 31}) == Ranges{{at(10), at(12)}});
    CHECK(parsed("Nov 01-30/2").intervalsOn({2026, 11, 3}) == Ranges{{0, at(24)}});
    CHECK(parsed("Nov 01-30/2").intervalsOn({2026, 11, 4}).empty());
    CHECK(parsed("easter 10:00-12:00").intervalsOn({2027, 3, 28}) == Ranges{{at(10), at(12)}});
    CHECK(parsed("easter -2 days").intervalsOn({2026, 4, 3}) == Ranges{{0, at(24)}});
    CHECK(parsed("2026 Dec 24 off; 10:00-11:00").intervalsOn({2027, 12, 24}) == Ranges{{at(10), at(11)}});
    CHECK(parsed("10:00-11:00; Dec 24: off").intervalsOn({2026, 12, 24}).empty());  // a readability colon
    // A rule without days after an "off" rule with days adds to it, as in opening_hours.js: order matters.
    CHECK(parsed("Dec 24 off; 10:00-11:00").intervalsOn({2026, 12, 24}) == Ranges{{at(10), at(11)}});
}

TEST_CASE("week numbers and years", "[opening_hours][dates]") {
    CHECK(isoWeekOf({2026, 12, 31}) == 53);
    CHECK(isoWeekOf({2027, 1, 4}) == 1);
    CHECK(isoWeekOf({2027, 1, 1}) == 53);
    const OpeningHours everyOther = parsed("week 01-53/2 Mo 10:00-12:00");
    CHECK(everyOther.intervalsOn(kMonday).empty());  // 2 March 2026: week 10
    CHECK(everyOther.intervalsOn({2026, 3, 9}) == Ranges{{at(10), at(12)}});  // week 11
    CHECK(parsed("2027 10:00-11:00").intervalsOn({2026, 12, 31}).empty());
    CHECK(parsed("2027 10:00-11:00").intervalsOn({2027, 1, 1}) == Ranges{{at(10), at(11)}});
    CHECK(parsed("2026-2027 10:00-11:00").intervalsOn({2028, 1, 1}).empty());
    CHECK(parsed("2027+ 10:00-11:00").intervalsOn({2040, 1, 1}) == Ranges{{at(10), at(11)}});
    CHECK(parsed("2020-2030/2 10:00-11:00").intervalsOn({2027, 1, 1}).empty());
}

TEST_CASE("PH with offsets and combined with weekdays", "[opening_hours][holidays]") {
    CHECK(parsed("PH +1 day 10:00-11:00").intervalsOn({2026, 12, 27}) == Ranges{{at(10), at(11)}});
    CHECK(parsed("PH -1 day 10:00-11:00").intervalsOn({2026, 12, 24}) == Ranges{{at(10), at(11)}});
    // "PH Mo-Fr": holidays that fall on a weekday (both), "PH,Sa": either.
    CHECK(parsed("PH Mo-Fr 10:00-11:00").intervalsOn({2026, 11, 1}).empty());  // a Sunday
    CHECK(parsed("PH Mo-Fr 10:00-11:00").intervalsOn({2026, 12, 25}) == Ranges{{at(10), at(11)}});
    CHECK(parsed("PH,Sa 10:00-11:00").intervalsOn(kSaturday) == Ranges{{at(10), at(11)}});
}

TEST_CASE("Unknown when nothing opens within the look-ahead window", "[opening_hours][evaluate]") {
    CHECK(evaluate(parsed("Mo-Su off"), {kMonday, at(10)}).state == OpenState::Unknown);
    CHECK(evaluate(parsed("Mo-Su off"), {kMonday, at(10)}).closedNow);  // but closed now for sure
    CHECK_FALSE(evaluate(parsed("\"nach Vereinbarung\""), {kMonday, at(10)}).closedNow);
    CHECK(evaluate(parsed("off"), {kMonday, at(10)}).state == OpenState::Unknown);

    // A weekly opening is always found, even a full week ahead.
    const OpeningStatus weekly = evaluate(parsed("Mo 10:00-12:00"), {kMonday, at(13)});
    CHECK(weekly.state == OpenState::ClosedToday);
    CHECK(weekly.daysUntilNext == 7);
    CHECK(weekly.nextDate == Date{2026, 3, 9});
}

TEST_CASE("OpeningHours copies and moves keep their rules", "[opening_hours]") {
    const OpeningHours original = parsed(kOfficeHours);
    OpeningHours copy = original;
    CHECK(copy.regularIntervals(Weekday::Thursday) == original.regularIntervals(Weekday::Thursday));
    OpeningHours moved = std::move(copy);
    CHECK(moved.source() == kOfficeHours);
    CHECK(moved.regularIntervals(Weekday::Thursday) == Ranges{{at(8), at(12)}, {at(13), at(18)}});
    moved = parsed("24/7");
    CHECK(moved.regularIntervals(Weekday::Wednesday) == Ranges{{0, at(24)}});
}

TEST_CASE("school holidays come from the content, without them SH is unknown, never a guess", "[opening_hours][school]") {
    using States = std::vector<HoursRange>;
    const HolidayCalendar calendar({{"Herbstferien", {2026, 10, 26}, {2026, 10, 30}},
                                    {"Weihnachtsferien", {2026, 12, 23}, {2027, 1, 9}}});
    CHECK(calendar.isSchoolHoliday({2026, 10, 27}) == std::optional<bool>(true));
    CHECK(calendar.isSchoolHoliday({2026, 11, 2}) == std::optional<bool>(false));
    CHECK(calendar.isSchoolHoliday({2027, 8, 2}) == std::nullopt);  // school year 2027/28: no dates
    CHECK(calendar.knowsSchoolYear(2026));
    CHECK_FALSE(calendar.knowsSchoolYear(2027));

    const OpeningHours club = parsed("Mo-Fr 14:00-18:00; SH off");
    CHECK(club.usesSchoolHolidays());
    CHECK(club.intervalsOn({2026, 10, 27}, calendar).empty());
    CHECK(club.intervalsOn({2026, 11, 3}, calendar) == Ranges{{at(14), at(18)}});
    // No school holidays listed for that school year: the afternoon is unknown, not open.
    CHECK(club.rangesOn({2027, 9, 7}, calendar) == States{{at(14), at(18), HoursState::Unknown, ""}});
    CHECK(evaluate(club, {{2027, 9, 7}, at(15)}, calendar).state == OpenState::Unknown);
    CHECK(club.rangesOn({2026, 11, 3}) == States{{at(14), at(18), HoursState::Unknown, ""}});  // no calendar at all
    CHECK(parsed("SH Mo-Fr 10:00-12:00").intervalsOn({2026, 12, 28}, calendar) == Ranges{{at(10), at(12)}});
}

TEST_CASE("the status screen and the content check name the school years without holidays", "[opening_hours][school]") {
    const HolidayCalendar some({{"Herbstferien", {2026, 10, 26}, {2026, 10, 30}}});
    CHECK(schoolYearsWithoutHolidays(some, {2026, 12, 4}) == std::vector<int>{2027});
    CHECK(schoolYearsWithoutHolidays(some, {2027, 8, 1}) == std::vector<int>{2027, 2028});
    CHECK(schoolYearsWithoutHolidays(HolidayCalendar(), {2026, 7, 31}) == std::vector<int>{2025, 2026});
    const HolidayCalendar both({{"Herbstferien", {2026, 10, 26}, {2026, 10, 30}}, {"Herbstferien", {2027, 11, 2}, {2027, 11, 6}}});
    CHECK(schoolYearsWithoutHolidays(both, {2026, 12, 4}).empty());
    CHECK(schoolYearName(2026) == "2026/27");
    CHECK(schoolYearName(2099) == "2099/00");
}

TEST_CASE("random bytes and random token sequences never crash or hang the parser", "[opening_hours][fuzz]") {
    // A fixed seed, so a failure repeats; each value is parsed and, when it reads, evaluated for a week.
    std::uint32_t state = 20261204;
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    const std::vector<std::string> pieces = {
        "Mo", "Tu", "Fr", "Su", "-", ",", ";", "||", " ", "[", "]", "1", "-1", "5", "08", ":", "00", "24", "+",
        "/", "2", "PH", "SH", "Dec", "Jan", "24", "easter", "day", "days", "week", "53", "2026", "2027", "off",
        "open", "unknown", "\"x\"", "24/7", "08:00-12:00", "22:00-02:00", "18:00+", "\xE2\x80\x93", "\xC3", "\""};
    std::size_t readable = 0;
    const HolidayCalendar calendar({{"Ferien", {2026, 3, 30}, {2026, 4, 11}}});
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        const std::uint32_t length = next() % 24;
        if (round % 3 == 2) {  // a real value with a few bytes changed, inserted or removed
            text = "Mo-Fr 08:00-12:00,14:00-18:00; Sa 10:00-12:00; Mo[1] 15:00-17:00; PH off; Dec 24-Jan 06 off";
            for (std::uint32_t i = 0; i < 1 + length % 4; ++i) {
                const std::size_t at = next() % text.size();
                const std::uint32_t how = next() % 3;
                if (how == 0) text[at] = static_cast<char>(next() % 256);
                if (how == 1) text.insert(at, pieces[next() % pieces.size()]);
                if (how == 2) text.erase(at, 1 + next() % 3);
            }
        }
        for (std::uint32_t i = 0; round % 3 != 2 && i < length; ++i) {
            if (round % 3 == 0)
                text += static_cast<char>(next() % 256);
            else
                text += pieces[next() % pieces.size()] + (next() % 2 ? " " : "");
        }
        const Result<OpeningHours> hours = OpeningHours::read(text);
        if (!hours) {
            INFO(text);
            CHECK_FALSE(hours.problem().english().empty());
            continue;
        }
        ++readable;
        for (int day = 0; day < 7; ++day) {
            for (const HoursRange& range : hours->rangesOn(addDays({2026, 3, 28}, day), calendar)) {
                INFO(text);
                CHECK((0 <= range.from && range.from < range.to && range.to <= 24 * 60));
            }
        }
        (void)evaluate(*hours, {{2026, 3, 28}, 600}, calendar);
    }
    CHECK(readable > 50);   // the mutated values and token sequences do reach the evaluation
}

TEST_CASE("10,000 rules are read and evaluated in one pass each", "[opening_hours][size]") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "Dec " + std::to_string(i % 28 + 1) + " 10:00-12:00, ";
    text += "Mo-Fr 08:00-09:00";
    const OpeningHours hours = parsed(text);
    CHECK(hours.intervalsOn({2026, 12, 1}) == Ranges{{at(8), at(9)}, {at(10), at(12)}});
    CHECK(hours.intervalsOn({2026, 11, 30}) == Ranges{{at(8), at(9)}});
}

TEST_CASE("rules outside the regular week are said in words", "[opening_hours][words]") {
    ExceptionWords words;
    words.days = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"};
    words.nthInMonth = "am {} {} im Monat";
    words.ordinals = {"1.", "2.", "3.", "4.", "5."};
    words.fromTheEnd = {"letzten", "vorletzten", "drittletzten", "viertletzten", "fünftletzten"};
    words.andWord = "und";
    words.publicHolidays = "an Feiertagen";
    words.dayAfterPublicHolidays = "am Tag nach einem Feiertag";
    words.dayBeforePublicHolidays = "am Tag vor einem Feiertag";
    words.schoolHolidays = "in den Schulferien";
    words.easterSunday = "am Ostersonntag";
    words.closed = "geschlossen";
    words.open = "geöffnet";
    words.ask = "Zeiten bitte erfragen";
    using Lines = std::vector<std::string>;

    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00; Mo[1] 15:00-17:00"), words) ==
          Lines{"am 1. Montag im Monat 15:00–17:00"});
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00, We[1,3,-1] 14:00-16:00 open \"Elterncafé\""), words) ==
          Lines{"am 1., 3. und letzten Mittwoch im Monat 14:00–16:00 – Elterncafé"});
    // A comment without "open" promises nothing: the time is to be asked for.
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00, We[1] 14:00-16:00 \"Elterncafé\""), words) ==
          Lines{"am 1. Mittwoch im Monat 14:00–16:00: Zeiten bitte erfragen – Elterncafé"});
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00; Dec 24 off; Dec 31 09:00-11:00; Dec 27-Jan 02 off"), words) ==
          Lines{"24.12. geschlossen", "31.12. 09:00–11:00", "27.12.–02.01. geschlossen"});
    CHECK(exceptionLines(parsed("Mo-Fr 14:00-18:00; SH off"), words) == Lines{"in den Schulferien geschlossen"});
    CHECK(exceptionLines(parsed("Mo-Fr 14:00-18:00; SH Mo-Fr 10:00-12:00"), words) ==
          Lines{"SH Mo-Fr 10:00-12:00"});  // two kinds of days: given as written
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00; PH off; PH +1 day 10:00-11:00"), words) ==
          Lines{"an Feiertagen geschlossen", "am Tag nach einem Feiertag 10:00–11:00"});
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00; PH off"), words, false).empty());
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00; 2026 Dec 24 unknown"), words) ==
          Lines{"24.12.2026 Zeiten bitte erfragen"});
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00; easter 10:00-12:00; week 01-53/2 Sa 10:00-12:00"), words) ==
          Lines{"am Ostersonntag 10:00–12:00", "week 01-53/2 Sa 10:00-12:00"});
    CHECK(exceptionLines(parsed("Mo-Fr 09:00-12:00; Sa \"nach Vereinbarung\""), words).empty());  // regular week
    CHECK(exceptionLines(parsed("Mo-Fr 22:00-02:00; Dec 24 18:00-01:00"), words) == Lines{"24.12. 18:00–01:00"});
}
