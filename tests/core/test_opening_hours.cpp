// Unit tests for the opening_hours parser, the BW holiday calendar and the open-now evaluation.
#include "kiosk/core/opening_hours.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
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

TEST_CASE("parse errors name the offending part and its position", "[opening_hours][parse]") {
    struct Case {
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"", "empty"},
        {"   ", "empty"},
        {"Jan Mo 10:00-12:00", "unexpected \"Jan\" at position 1"},
        {"Mo-Fr 25:00-26:00", "bad time \"25:00\" at position 7"},
        {"Mo 08:60-12:00", "bad time \"08:60\" at position 4"},
        {"Mo 8-12", "bad time \"8\" at position 4"},
        {"Mo 24:00-02:00", "bad time \"24:00\" at position 4"},
        {"Mo 12:00-08:00", "time range end before start \"12:00-08:00\" at position 4"},
        {"Mo 08:00-08:00", "empty time range \"08:00-08:00\" at position 4"},
        {"Mo-Fr 08:00-12:00 || \"nach Vereinbarung\"", "unexpected \"||\" at position 19"},
        {"sunrise-sunset", "unexpected \"sunrise\" at position 1"},
        {"week 01-10 Mo 10:00-12:00", "unexpected \"week\" at position 1"},
        {"Mo-Fr 08:00-12:00; Dec 24 off", "unexpected \"Dec\" at position 20"},
        {"Mo[1] 10:00-12:00", "unexpected \"[\" at position 3"},
        {"Mo-Fr 08:00", "unexpected end of text at position 12"},
        {"Mo-Xy 08:00-12:00", "unexpected \"Xy\" at position 4"},
        {"Mo 08:00-12:00 13:00-14:00", "unexpected \"13:00\" at position 16"},
        {"Mo 08:00-12:00;; Tu 08:00-12:00", "empty rule at position 16"},
        {"Mo 08:00-12:00 \"offen", "unterminated comment at position 16"},
        {"Mo 12:00+", "bad time \"12:00+\" at position 4"},
        {"Mo-Fr 08:00-12:00 unknown", "unexpected \"unknown\" at position 19"},
        {"Sa 10:00-12:00 Su", "unexpected \"Su\" at position 16"},
    };
    for (const Case& c : cases) {
        INFO("input: \"" << c.text << "\"");
        CHECK(parseError(c.text) == c.error);
    }
}

TEST_CASE("positions in errors count characters, not UTF-8 bytes", "[opening_hours][parse]") {
    CHECK(parseError("Mo 10:00-12:00 \"Bürozeit\" Jan") == "unexpected \"Jan\" at position 27");
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
    CHECK(bar.intervalsOn(kFriday) == Ranges{{at(22), at(26)}});
    CHECK(bar.intervalsOn(kSaturday) == Ranges{{0, at(2)}, {at(22), at(26)}});
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

    // A rule without days replaces everything before it.
    CHECK(parsed("Mo 08:00-10:00; 09:00-17:00").regularIntervals(Weekday::Monday) == Ranges{{at(9), at(17)}});

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

TEST_CASE("comments", "[opening_hours][comments]") {
    const OpeningHours withTimes = parsed("Mo-Fr 09:00-12:00 \"nach Vereinbarung\"; Sa 10:00-11:00 \"a; b\"");
    CHECK(withTimes.comments() == std::vector<std::string>{"nach Vereinbarung", "a; b"});
    CHECK(withTimes.regularIntervals(Weekday::Monday) == Ranges{{at(9), at(12)}});
    CHECK(withTimes.regularIntervals(Weekday::Saturday) == Ranges{{at(10), at(11)}});

    SECTION("a comment-only rule means no fixed hours: Unknown") {
        const OpeningHours onlyComment = parsed("\"nach telefonischer Vereinbarung\"");
        CHECK(onlyComment.comments() == std::vector<std::string>{"nach telefonischer Vereinbarung"});
        CHECK(onlyComment.intervalsOn(kMonday).empty());
        CHECK_FALSE(onlyComment.closedOnPublicHolidays());
        CHECK(evaluate(onlyComment, {kMonday, at(10)}).state == OpenState::Unknown);
    }
    SECTION("a trailing comment-only rule keeps the fixed hours before it") {
        const OpeningHours hours = parsed("Mo 09:00-12:00; \"zusätzlich nach Vereinbarung\"");
        CHECK(hours.regularIntervals(Weekday::Monday) == Ranges{{at(9), at(12)}});
        CHECK(hours.comments() == std::vector<std::string>{"zusätzlich nach Vereinbarung"});
    }
    SECTION("a day with only a comment has no fixed hours that day") {
        const OpeningHours hours = parsed("Mo-Sa 09:00-12:00; Sa \"nach Vereinbarung\"");
        CHECK(hours.regularIntervals(Weekday::Saturday).empty());
        CHECK(hours.regularIntervals(Weekday::Friday) == Ranges{{at(9), at(12)}});
    }
}

TEST_CASE("Unknown when nothing opens within the look-ahead window", "[opening_hours][evaluate]") {
    CHECK(evaluate(parsed("Mo-Su off"), {kMonday, at(10)}).state == OpenState::Unknown);
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
