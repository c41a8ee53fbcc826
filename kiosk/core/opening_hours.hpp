// Opening hours in the OpenStreetMap `opening_hours` syntax, evaluated at the kiosk's local time.
#pragma once

#include <optional>
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

// Public holidays of Baden-Württemberg (computed, so no table runs out).
bool isPublicHolidayBW(Date date);
std::vector<Date> publicHolidaysBW(int year);

// A time span within one day, in minutes since midnight; `to` may exceed 1440
// when a range runs past midnight (e.g. 22:00-02:00 gives 1320..1560).
struct TimeRange {
    int from = 0;
    int to = 0;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

class OpeningHours {
public:
    // Parses the subset of the OSM syntax families' offers need: rule sequences
    // separated by ';', weekday lists and ranges (Mo-Fr, Mo,We), PH, several time
    // ranges per day (08:00-12:00,13:00-18:00), 24/7, off/closed, and "comments".
    // On failure returns nothing and sets `error` to a message naming what is wrong.
    static std::optional<OpeningHours> parse(std::string_view text, std::string& error);

    const std::string& source() const { return m_source; }

    // Open intervals on a date, sorted and merged; PH rules apply on BW holidays.
    std::vector<TimeRange> intervalsOn(Date date) const;
    // Open intervals on an ordinary (non-holiday) week day, for a weekly table.
    std::vector<TimeRange> regularIntervals(Weekday day) const;
    // Whether PH rules say the place is closed on public holidays.
    bool closedOnPublicHolidays() const;
    // Comments from the rules ("nach Vereinbarung"), in order of appearance.
    std::vector<std::string> comments() const;

    struct Rule;  // defined in the .cpp
    ~OpeningHours();
    OpeningHours(const OpeningHours&);
    OpeningHours& operator=(const OpeningHours&);
    OpeningHours(OpeningHours&&) noexcept;
    OpeningHours& operator=(OpeningHours&&) noexcept;

private:
    OpeningHours();
    std::string m_source;
    std::vector<Rule> m_rules;
};

enum class OpenState {
    OpenNow,          // open; `until` says when it closes
    OpensLaterToday,  // closed now, opens later today at `opensAt`
    ClosedToday,      // no more opening today; next opening on `nextDate` at `opensAt`
    Unknown           // no opening within the next 8 days (or no rules)
};

struct OpeningStatus {
    OpenState state = OpenState::Unknown;
    int until = 0;     // OpenNow: minute of day it closes (may be >= 1440: past midnight)
    int opensAt = 0;   // OpensLaterToday / ClosedToday: minute of day of the next opening
    Date nextDate;     // ClosedToday: day of the next opening
    int daysUntilNext = 0;  // ClosedToday: 1 = tomorrow, ...
};

OpeningStatus evaluate(const OpeningHours& hours, LocalDateTime now);

// A weekday's row of a weekly table: its regular intervals without the morning end of a night range
// begun the day before (that one belongs to the day it starts). Screens and the website share it.
std::vector<TimeRange> weeklyTableIntervals(const OpeningHours& hours, Weekday day);

}  // namespace kiosk::core
