// Opening hours in the OpenStreetMap `opening_hours` syntax (as opening_hours.js reads it), evaluated at
// the kiosk's local time with Baden-Württemberg's public holidays and the content's school holidays.
#pragma once

#include "kiosk/core/problem.hpp"

#include <array>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

struct LocalDateTime {
    Date date;
    int minuteOfDay = 0;  // 0..1439
};

Weekday weekdayOf(Date date);
Date addDays(Date date, int days);
int daysBetween(Date from, Date to);  // to - from, in days
int isoWeekOf(Date date);             // 1..53
Date easterSunday(int year);
std::string isoDate(Date date);                  // "2026-12-24"
std::optional<Date> parseIsoDate(std::string_view text);  // "2026-12-24", a real date or nothing

// Public holidays of Baden-Württemberg (computed, so no table runs out).
bool isPublicHolidayBW(Date date);
std::vector<Date> publicHolidaysBW(int year);

// One school holiday as the network's office publishes it ("Herbstferien", 26.10.–30.10.2026).
struct SchoolHoliday {
    std::string name;
    Date first;
    Date last;  // inclusive
    friend bool operator==(const SchoolHoliday&, const SchoolHoliday&) = default;
};

// The school year a date belongs to, named by the year it starts in (1 August).
int schoolYearOf(Date date);

// What the kiosk knows about holidays: BW's public holidays (computed) and the school holidays the
// content lists. School holidays have no formula; a date in a school year without any listed holiday
// is neither a school holiday nor a school day for the kiosk, and `SH` rules then say "unknown".
class HolidayCalendar {
public:
    HolidayCalendar() = default;
    explicit HolidayCalendar(std::vector<SchoolHoliday> schoolHolidays);

    bool isPublicHoliday(Date date) const { return isPublicHolidayBW(date); }
    std::optional<bool> isSchoolHoliday(Date date) const;  // nothing: the content lists no dates for that school year
    bool knowsSchoolYear(int firstYear) const;
    const std::vector<SchoolHoliday>& schoolHolidays() const { return m_schoolHolidays; }

private:
    std::vector<SchoolHoliday> m_schoolHolidays;  // sorted by first day
};

// The school years (current one first, then the next) around `today` for which the calendar has no
// school holidays: the content check and the staff status screen warn about them.
std::vector<int> schoolYearsWithoutHolidays(const HolidayCalendar& calendar, Date today);
std::string schoolYearName(int firstYear);  // "2026/27"

// A time span within one day, in minutes since midnight.
struct TimeRange {
    int from = 0;
    int to = 0;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// Three states, as the specification has them: a place may be open, closed, or nobody knows for sure
// ("unknown", "nach Vereinbarung", an open end, school holidays the content does not list).
enum class HoursState { Closed, Open, Unknown };

struct HoursRange {
    int from = 0;  // minutes since midnight, 0..1440, within one day
    int to = 0;
    HoursState state = HoursState::Open;  // never Closed: closed time is what the ranges leave out
    std::string comment;                  // the rule's comment ("nach Vereinbarung"), if any
    friend bool operator==(const HoursRange&, const HoursRange&) = default;
};

// "08:00-12:00,?13:00-14:00": a day's ranges as kiosk-pack hours prints them (unknown ones with '?').
std::string hoursRangesText(const std::vector<HoursRange>& ranges);

enum class HoursProblem { Empty, TooLong, AtColumn, SunTimes };
std::string_view problemDomain(HoursProblem);
std::string_view problemName(HoursProblem code);
std::string_view problemEnglish(HoursProblem code);

class OpeningHours {
public:
    // The longest value read; longer text is refused before it is looked at.
    static constexpr std::size_t kMaxLength = 1 << 20;

    // Reads a value; a problem names the column and what was expected there
    // ("column 12: expected a time like 08:00").
    static Result<OpeningHours> read(std::string_view text);
    // The same, with the problem's English words in `error` (for tools and older callers).
    static std::optional<OpeningHours> parse(std::string_view text, std::string& error);

    const std::string& source() const;

    // The day's open and unknown ranges, sorted, within 00:00..24:00 (a night past midnight shows as
    // the evening on one day and the early morning on the next).
    std::vector<HoursRange> rangesOn(Date date, const HolidayCalendar& calendar = {}) const;
    // Known-open intervals on a date (unknown time left out).
    std::vector<TimeRange> intervalsOn(Date date, const HolidayCalendar& calendar = {}) const;

    // The regular week, for a weekly table: only rules whose days are plain weekdays (or none) count;
    // holidays, months, dates, weeks, years and nth weekdays are exceptions (see exceptions()).
    std::vector<HoursRange> regularRangesOn(Weekday day) const;
    std::vector<TimeRange> regularIntervals(Weekday day) const;
    // Whether public holidays are closed on every weekday.
    bool closedOnPublicHolidays() const;
    // Comments from the rules ("nach Vereinbarung"), in order of appearance.
    std::vector<std::string> comments() const;
    bool usesSchoolHolidays() const;

    // The rules that are not part of the regular week, for words beside the weekly table.
    struct Exception {
        enum class Days { PublicHoliday, SchoolHoliday, NthWeekday, Date, DateRange, Easter, Months, Weeks, Years, Other };
        Days days = Days::Other;
        bool dayAfter = false, dayBefore = false;  // PH +1 day / PH -1 day
        Weekday weekday = Weekday::Monday;         // NthWeekday
        std::vector<int> nth;                      // NthWeekday: 1, 2, -1 ...
        int offsetDays = 0;                        // NthWeekday / Easter offset
        Date from, to;                             // Date(Range) (year 0 = every year), Months (month only)
        std::vector<TimeRange> times;              // empty = the whole day
        HoursState state = HoursState::Open;       // Closed for off/closed
        std::string comment;
        std::string text;                          // the rule as written, for anything words cannot say
    };
    std::vector<Exception> exceptions() const;

    struct Rule;  // defined in the .cpp
    ~OpeningHours();
    OpeningHours(const OpeningHours&);
    OpeningHours& operator=(const OpeningHours&);
    OpeningHours(OpeningHours&&) noexcept;
    OpeningHours& operator=(OpeningHours&&) noexcept;

private:
    OpeningHours();
    // Shared by copies, as written and parsed: they never change, and providers with the same hours
    // (common in large content) need them once.
    std::shared_ptr<const std::string> m_source;
    std::shared_ptr<const std::vector<Rule>> m_rules;
};

// The words that say a rule outside the regular week, in the reader's language (the UI fills them in
// from the .po files): "am 1. Montag im Monat 15:00–17:00", "24.12. geschlossen", "in den Schulferien
// geschlossen".
struct ExceptionWords {
    std::array<std::string, 7> days;         // "Montag" … "Sonntag" (as the ordinals need them)
    std::string nthInMonth;                  // "am {} {} im Monat": the ordinals, then the day
    std::array<std::string, 5> ordinals;     // "1." … "5."
    std::array<std::string, 5> fromTheEnd;   // "letzten", "vorletzten", …
    std::string andWord;                     // "und"
    std::string publicHolidays;              // "an Feiertagen"
    std::string dayAfterPublicHolidays;      // "am Tag nach einem Feiertag"
    std::string dayBeforePublicHolidays;     // "am Tag vor einem Feiertag"
    std::string schoolHolidays;              // "in den Schulferien"
    std::string easterSunday;                // "am Ostersonntag"
    std::string closed;                      // "geschlossen"
    std::string open;                        // "geöffnet"
    std::string ask;                         // "Zeiten bitte erfragen"
};

// One line for each rule outside the regular week, in the order written; a rule the words cannot say
// is given as written ("week 01-53/2 Mo 10:00-12:00"). Public-holiday rules are left out when
// `withPublicHolidays` is false (the weekly table says "An Feiertagen geschlossen" itself).
std::vector<std::string> exceptionLines(const OpeningHours& hours, const ExceptionWords& words,
                                        bool withPublicHolidays = true);

enum class OpenState {
    OpenNow,          // open; `until` says when it closes
    OpensLaterToday,  // closed now, opens later today at `opensAt`
    ClosedToday,      // no more opening today; next opening on `nextDate` at `opensAt`
    Unknown           // nobody can say: unknown now (see `comment`), or no known opening within 8 days
};

struct OpeningStatus {
    OpenState state = OpenState::Unknown;
    int until = 0;     // OpenNow: minute of day it closes (may be >= 1440: past midnight)
    int opensAt = 0;   // OpensLaterToday / ClosedToday: minute of day of the next opening
    Date nextDate;     // ClosedToday: day of the next opening
    int daysUntilNext = 0;  // ClosedToday: 1 = tomorrow, ...
    std::string comment;    // Unknown: the rule's comment ("nach Vereinbarung"), if any
    bool closedNow = false; // Unknown: closed now for sure, only the next opening is beyond the window
};

OpeningStatus evaluate(const OpeningHours& hours, LocalDateTime now, const HolidayCalendar& calendar = {});

// A weekday's row of a weekly table: its regular intervals without the morning end of a night range
// begun the day before (that one belongs to the day it starts). Screens and the website share it.
std::vector<TimeRange> weeklyTableIntervals(const OpeningHours& hours, Weekday day);

}  // namespace kiosk::core
