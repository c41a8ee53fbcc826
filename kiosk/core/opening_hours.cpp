// Parses the OSM opening_hours subset used by family services and answers "open now?" with Baden-Württemberg holidays.
#include "kiosk/core/opening_hours.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <exception>
#include <string>
#include <utility>

namespace kiosk::core {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
// A range ending before it starts is read as running past midnight, but only up to this
// length: longer spans are nearly always a reversed daytime range ("12:00-08:00").
constexpr int kLongestPastMidnightSpan = 16 * 60;
// How far evaluate() looks ahead for the next opening, and for a chain across midnights.
constexpr int kLookAheadDays = 8;

std::chrono::sys_days toSysDays(Date date) {
    using namespace std::chrono;
    // year_month_day rolls an out-of-range day over into the next month, like addDays would.
    return sys_days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                    day{static_cast<unsigned>(date.day)}};
}

Date fromSysDays(std::chrono::sys_days days) {
    const std::chrono::year_month_day ymd{days};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
Date easterSunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int n = h + l - 7 * m + 114;
    return {year, n / 31, n % 31 + 1};
}

std::vector<TimeRange> merged(std::vector<TimeRange> ranges) {
    std::sort(ranges.begin(), ranges.end(),
              [](const TimeRange& a, const TimeRange& b) { return a.from < b.from; });
    std::vector<TimeRange> result;
    for (const TimeRange& range : ranges) {
        // Touching ranges merge too, so 08:00-12:00,12:00-14:00 reads as one opening.
        if (!result.empty() && range.from <= result.back().to)
            result.back().to = std::max(result.back().to, range.to);
        else
            result.push_back(range);
    }
    return result;
}

std::vector<TimeRange> subtracted(const std::vector<TimeRange>& ranges,
                                  const std::vector<TimeRange>& holes) {
    std::vector<TimeRange> result = ranges;
    for (const TimeRange& hole : holes) {
        std::vector<TimeRange> next;
        for (const TimeRange& range : result) {
            if (hole.to <= range.from || hole.from >= range.to) {
                next.push_back(range);
                continue;
            }
            if (range.from < hole.from) next.push_back({range.from, hole.from});
            if (hole.to < range.to) next.push_back({hole.to, range.to});
        }
        result = std::move(next);
    }
    return result;
}

}  // namespace

Weekday weekdayOf(Date date) {
    const unsigned iso = std::chrono::weekday{toSysDays(date)}.iso_encoding();  // Monday = 1
    return static_cast<Weekday>(iso - 1);
}

Date addDays(Date date, int days) {
    return fromSysDays(toSysDays(date) + std::chrono::days{days});
}

std::vector<Date> publicHolidaysBW(int year) {
    const Date easter = easterSunday(year);
    std::vector<Date> days = {
        {year, 1, 1},            // Neujahr
        {year, 1, 6},            // Heilige Drei Könige
        addDays(easter, -2),     // Karfreitag
        addDays(easter, 1),      // Ostermontag
        {year, 5, 1},            // Tag der Arbeit
        addDays(easter, 39),     // Christi Himmelfahrt
        addDays(easter, 50),     // Pfingstmontag
        addDays(easter, 60),     // Fronleichnam
        {year, 10, 3},           // Tag der Deutschen Einheit
        {year, 11, 1},           // Allerheiligen
        {year, 12, 25},          // 1. Weihnachtstag
        {year, 12, 26},          // 2. Weihnachtstag
    };
    std::sort(days.begin(), days.end());
    // Himmelfahrt can fall on 1 May (2008); a date is listed once.
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

bool isPublicHolidayBW(Date date) {
    const Date normal = addDays(date, 0);
    const std::vector<Date> days = publicHolidaysBW(normal.year);
    return std::binary_search(days.begin(), days.end(), normal);
}

// ---------------------------------------------------------------------------------------
// Rules

struct OpeningHours::Rule {
    enum class Action {
        Set,       // replaces the day's times with `times` (empty = closed)
        Subtract,  // "off" with times: closes only those times
        Annotate,  // a comment alone, without days: no fixed hours, keeps other rules
    };
    std::array<bool, 7> weekdays{};
    bool publicHoliday = false;
    Action action = Action::Set;
    std::vector<TimeRange> times;
    std::string comment;

    bool hasDaySelector() const {
        return publicHoliday || std::find(weekdays.begin(), weekdays.end(), true) != weekdays.end();
    }
    bool matches(Weekday day, bool holiday) const {
        if (!hasDaySelector()) return true;
        return weekdays[static_cast<std::size_t>(day)] || (holiday && publicHoliday);
    }
};

namespace {

using Rule = OpeningHours::Rule;

// The day's own intervals (not what spills in from the day before), OSM style: the last
// matching rule decides.
std::vector<TimeRange> ownIntervals(const std::vector<Rule>& rules, Weekday day, bool holiday) {
    std::vector<TimeRange> times;
    for (const Rule& rule : rules) {
        if (!rule.matches(day, holiday)) continue;
        switch (rule.action) {
            case Rule::Action::Set: times = rule.times; break;
            case Rule::Action::Subtract: times = subtracted(times, rule.times); break;
            case Rule::Action::Annotate: break;
        }
    }
    return merged(std::move(times));
}

std::vector<TimeRange> withSpillFrom(std::vector<TimeRange> today,
                                     const std::vector<TimeRange>& dayBefore) {
    for (const TimeRange& range : dayBefore)
        if (range.to > kMinutesPerDay) today.push_back({0, range.to - kMinutesPerDay});
    return merged(std::move(today));
}

// ---------------------------------------------------------------------------------------
// Tokenizer and recursive-descent parser

enum class TokenKind { Word, Semicolon, Comma, Dash, Comment, Other, End };

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    int position = 0;  // 1-based, in characters, for error messages
};

bool isWordChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == ':' || c == '/' || c == '+' || c == '.';
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::string_view kEnDash = "\xE2\x80\x93";  // editors like to turn '-' into this

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    bool parse(std::vector<Rule>& rules) {
        if (!tokenize()) return false;
        if (current().kind == TokenKind::End) return fail("empty");
        while (true) {
            Rule rule;
            if (!parseRule(rule)) return false;
            rules.push_back(std::move(rule));
            if (current().kind == TokenKind::End) return true;
            if (current().kind != TokenKind::Semicolon) return unexpected();
            advance();
            if (current().kind == TokenKind::End) return true;  // a trailing ';' is harmless
        }
    }

    const std::string& error() const { return m_error; }

private:
    std::string_view m_text;
    std::vector<Token> m_tokens;
    std::size_t m_index = 0;
    std::string m_error;

    int positionOf(std::size_t byte) const {
        int position = 1;
        for (std::size_t i = 0; i < byte && i < m_text.size(); ++i)
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++position;  // UTF-8 lead
        return position;
    }

    bool tokenize() {
        std::size_t i = 0;
        while (true) {
            while (i < m_text.size() && isSpace(m_text[i])) ++i;
            Token token;
            token.position = positionOf(i);
            if (i >= m_text.size()) {
                m_tokens.push_back(token);
                return true;
            }
            const std::size_t start = i;
            const char c = m_text[i];
            if (c == ';' || c == ',' || c == '-') {
                token.kind = c == ';' ? TokenKind::Semicolon
                                      : c == ',' ? TokenKind::Comma : TokenKind::Dash;
                ++i;
            } else if (m_text.substr(i, kEnDash.size()) == kEnDash) {
                token.kind = TokenKind::Dash;
                i += kEnDash.size();
            } else if (c == '"') {
                const std::size_t close = m_text.find('"', i + 1);
                if (close == std::string_view::npos)
                    return fail("unterminated comment at position " + std::to_string(token.position));
                token.kind = TokenKind::Comment;
                token.text = std::string(m_text.substr(i + 1, close - i - 1));
                m_tokens.push_back(std::move(token));
                i = close + 1;
                continue;
            } else if (isWordChar(c)) {
                token.kind = TokenKind::Word;
                while (i < m_text.size() && isWordChar(m_text[i])) ++i;
            } else {
                token.kind = TokenKind::Other;
                while (i < m_text.size() && !isSpace(m_text[i]) && !isWordChar(m_text[i]) &&
                       std::string_view(";,-\"").find(m_text[i]) == std::string_view::npos)
                    ++i;
            }
            if (token.text.empty()) token.text = std::string(m_text.substr(start, i - start));
            m_tokens.push_back(std::move(token));
        }
    }

    const Token& current() const { return m_tokens[m_index]; }
    void advance() {
        if (m_index + 1 < m_tokens.size()) ++m_index;
    }

    bool fail(std::string message) {
        m_error = std::move(message);
        return false;
    }
    bool unexpected() {
        const Token& token = current();
        const std::string where = " at position " + std::to_string(token.position);
        if (token.kind == TokenKind::End) return fail("unexpected end of text" + where);
        return fail("unexpected \"" + token.text + "\"" + where);
    }

    static bool equalsIgnoringCase(std::string_view a, std::string_view b) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
    }
    bool currentIs(std::string_view word) const {
        return current().kind == TokenKind::Word && equalsIgnoringCase(current().text, word);
    }
    std::optional<int> currentWeekday() const {
        static constexpr std::array<std::string_view, 7> kNames = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
        for (std::size_t i = 0; i < kNames.size(); ++i)
            if (currentIs(kNames[i])) return static_cast<int>(i);
        return std::nullopt;
    }
    bool atDayItem() const { return currentWeekday().has_value() || currentIs("PH"); }
    bool atTime() const {
        return current().kind == TokenKind::Word && current().text[0] >= '0' && current().text[0] <= '9';
    }

    bool parseRule(Rule& rule) {
        const Token first = current();
        bool hasTimes = false, hasModifier = false;
        bool off = false;
        if (atDayItem() && !parseDaySelector(rule)) return false;
        if (currentIs("24/7")) {
            rule.times.push_back({0, kMinutesPerDay});
            hasTimes = true;
            advance();
        } else if (atTime()) {
            if (!parseTimeList(rule.times)) return false;
            hasTimes = true;
        }
        if (currentIs("off") || currentIs("closed") || currentIs("open")) {
            off = !currentIs("open");
            hasModifier = true;
            advance();
        }
        const bool hasComment = current().kind == TokenKind::Comment;
        if (hasComment) {
            rule.comment = current().text;
            advance();
        }
        if (!rule.hasDaySelector() && !hasTimes && !hasModifier && !hasComment) {
            if (current().kind == TokenKind::Semicolon)
                return fail("empty rule at position " + std::to_string(first.position));
            return unexpected();
        }

        if (off) {
            rule.action = hasTimes ? Rule::Action::Subtract : Rule::Action::Set;
            if (!hasTimes) rule.times.clear();
        } else if (!hasTimes && (hasModifier || !hasComment)) {
            rule.times = {{0, kMinutesPerDay}};  // "Mo-Fr" or "Mo-Fr open": all day
        } else if (!hasTimes && !rule.hasDaySelector()) {
            // A lone comment ("nach Vereinbarung") gives no fixed hours; it must not wipe the
            // rules before it the way an OSM rule without days otherwise would.
            rule.action = Rule::Action::Annotate;
        }
        // Days with only a comment ("Sa \"nach Vereinbarung\"") keep the Set action with no
        // times: no fixed hours that day.
        return true;
    }

    bool parseDaySelector(Rule& rule) {
        while (true) {
            if (currentIs("PH")) {
                rule.publicHoliday = true;
                advance();
            } else if (const std::optional<int> from = currentWeekday()) {
                int to = *from;
                advance();
                if (current().kind == TokenKind::Dash) {
                    advance();
                    const std::optional<int> end = currentWeekday();
                    if (!end) return unexpected();
                    to = *end;
                    advance();
                }
                for (int day = *from;; day = (day + 1) % 7) {  // wraps, so Fr-Mo works
                    rule.weekdays[static_cast<std::size_t>(day)] = true;
                    if (day == to) break;
                }
            } else {
                return unexpected();
            }
            if (current().kind != TokenKind::Comma) return true;
            advance();
        }
    }

    bool parseTimeList(std::vector<TimeRange>& times) {
        while (true) {
            TimeRange range;
            if (!parseTimeRange(range)) return false;
            times.push_back(range);
            if (current().kind != TokenKind::Comma) return true;
            advance();
        }
    }

    bool parseTime(int& minutes, bool isEnd) {
        if (!atTime()) return unexpected();
        const Token& token = current();
        const std::string& t = token.text;
        const std::size_t colon = t.find(':');
        const bool digitsOk = colon != std::string::npos && (colon == 1 || colon == 2) &&
                              t.size() == colon + 3 &&
                              std::all_of(t.begin(), t.end(), [](char c) { return c == ':' || (c >= '0' && c <= '9'); });
        const int hours = digitsOk ? std::stoi(t.substr(0, colon)) : -1;
        const int mins = digitsOk ? std::stoi(t.substr(colon + 1)) : -1;
        // 24:00 may only end a range: it is the midnight at the end of the day.
        const bool valid = digitsOk && mins < 60 && (hours < 24 || (isEnd && hours == 24 && mins == 0));
        if (!valid) return fail("bad time \"" + t + "\" at position " + std::to_string(token.position));
        minutes = hours * 60 + mins;
        advance();
        return true;
    }

    bool parseTimeRange(TimeRange& range) {
        const Token start = current();
        if (!parseTime(range.from, false)) return false;
        if (current().kind != TokenKind::Dash) return unexpected();
        advance();
        const Token end = current();
        if (!parseTime(range.to, true)) return false;
        const std::string text = "\"" + start.text + "-" + end.text + "\" at position " +
                                 std::to_string(start.position);
        if (range.to == range.from) return fail("empty time range " + text);
        if (range.to < range.from) {
            range.to += kMinutesPerDay;
            if (range.to - range.from > kLongestPastMidnightSpan)
                return fail("time range end before start " + text);
        }
        return true;
    }
};

}  // namespace

// ---------------------------------------------------------------------------------------
// OpeningHours

OpeningHours::OpeningHours() = default;
OpeningHours::~OpeningHours() = default;
OpeningHours::OpeningHours(const OpeningHours&) = default;
OpeningHours& OpeningHours::operator=(const OpeningHours&) = default;
OpeningHours::OpeningHours(OpeningHours&&) noexcept = default;
OpeningHours& OpeningHours::operator=(OpeningHours&&) noexcept = default;

std::optional<OpeningHours> OpeningHours::parse(std::string_view text, std::string& error) {
    try {
        Parser parser(text);
        OpeningHours hours;
        if (!parser.parse(hours.m_rules)) {
            error = parser.error();
            return std::nullopt;
        }
        hours.m_source = std::string(text);
        error.clear();
        return hours;
    } catch (const std::exception&) {  // only bad_alloc can get here; the kiosk must not die
        error = "out of memory";
        return std::nullopt;
    }
}

std::vector<TimeRange> OpeningHours::intervalsOn(Date date) const {
    const Date dayBefore = addDays(date, -1);
    return withSpillFrom(ownIntervals(m_rules, weekdayOf(date), isPublicHolidayBW(date)),
                         ownIntervals(m_rules, weekdayOf(dayBefore), isPublicHolidayBW(dayBefore)));
}

std::vector<TimeRange> OpeningHours::regularIntervals(Weekday day) const {
    const auto dayBefore = static_cast<Weekday>((static_cast<int>(day) + 6) % 7);
    return withSpillFrom(ownIntervals(m_rules, day, false), ownIntervals(m_rules, dayBefore, false));
}

bool OpeningHours::closedOnPublicHolidays() const {
    const bool mentionsHolidays =
        std::any_of(m_rules.begin(), m_rules.end(), [](const Rule& rule) { return rule.publicHoliday; });
    if (!mentionsHolidays) return false;
    // A later weekday rule can still open a holiday that falls on that weekday.
    for (int day = 0; day < 7; ++day)
        if (!ownIntervals(m_rules, static_cast<Weekday>(day), true).empty()) return false;
    return true;
}

std::vector<std::string> OpeningHours::comments() const {
    std::vector<std::string> result;
    for (const Rule& rule : m_rules)
        if (!rule.comment.empty()) result.push_back(rule.comment);
    return result;
}

// ---------------------------------------------------------------------------------------
// evaluate

OpeningStatus evaluate(const OpeningHours& hours, LocalDateTime now) {
    OpeningStatus status;
    const int minute = now.minuteOfDay;
    const std::vector<TimeRange> today = hours.intervalsOn(now.date);

    for (const TimeRange& range : today) {
        if (range.from > minute || minute >= range.to) continue;
        status.state = OpenState::OpenNow;
        status.until = range.to;
        // Follow openings that continue at the next midnight, so "open until 02:00" is
        // shown rather than "until 24:00". A place open 24/7 stops at the look-ahead window.
        for (int day = 1; day <= kLookAheadDays && status.until >= day * kMinutesPerDay; ++day) {
            const std::vector<TimeRange> next = hours.intervalsOn(addDays(now.date, day));
            if (next.empty() || next.front().from != 0) break;
            status.until = std::max(status.until, day * kMinutesPerDay + next.front().to);
        }
        return status;
    }
    for (const TimeRange& range : today) {
        if (range.from > minute) {
            status.state = OpenState::OpensLaterToday;
            status.opensAt = range.from;
            return status;
        }
    }
    for (int day = 1; day <= kLookAheadDays; ++day) {
        const Date date = addDays(now.date, day);
        const std::vector<TimeRange> intervals = hours.intervalsOn(date);
        if (intervals.empty()) continue;
        status.state = OpenState::ClosedToday;
        status.nextDate = date;
        status.opensAt = intervals.front().from;
        status.daysUntilNext = day;
        return status;
    }
    return status;  // Unknown: comment-only hours, or nothing within the window
}

std::vector<TimeRange> weeklyTableIntervals(const OpeningHours& hours, Weekday day) {
    auto intervals = hours.regularIntervals(day);
    std::erase_if(intervals, [](const TimeRange& r) { return r.from == 0 && r.to < 12 * 60; });
    return intervals;
}

}  // namespace kiosk::core
