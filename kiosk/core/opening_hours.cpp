// Reads the OSM opening_hours syntax the way opening_hours.js does and says, for a day, when a place is
// open, closed or unknown, with Baden-Württemberg's public holidays and the content's school holidays.
#include "kiosk/core/opening_hours.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstddef>
#include <exception>
#include <string>
#include <utility>

namespace kiosk::core {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
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

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

}  // namespace

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

Weekday weekdayOf(Date date) {
    const unsigned iso = std::chrono::weekday{toSysDays(date)}.iso_encoding();  // Monday = 1
    return static_cast<Weekday>(iso - 1);
}

Date addDays(Date date, int days) { return fromSysDays(toSysDays(date) + std::chrono::days{days}); }

int daysBetween(Date from, Date to) { return static_cast<int>((toSysDays(to) - toSysDays(from)).count()); }

int isoWeekOf(Date date) {
    // The week belongs to the year of its Thursday.
    const Date thursday = addDays(date, 3 - static_cast<int>(weekdayOf(date)));
    return daysBetween({thursday.year, 1, 1}, thursday) / 7 + 1;
}

std::string isoDate(Date date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i)
        for (std::size_t k = starts[i]; k < starts[i] + lengths[i]; ++k) {
            if (text[k] < '0' || text[k] > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (text[k] - '0');
        }
    if (parts[0] < 1900 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > daysInMonth(parts[0], parts[1]))
        return std::nullopt;
    return Date{parts[0], parts[1], parts[2]};
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
    if (normal.month == 1 && (normal.day == 1 || normal.day == 6)) return true;
    if (normal.month == 5 && normal.day == 1) return true;
    if (normal.month == 10 && normal.day == 3) return true;
    if (normal.month == 11 && normal.day == 1) return true;
    if (normal.month == 12 && (normal.day == 25 || normal.day == 26)) return true;
    const int fromEaster = daysBetween(easterSunday(normal.year), normal);
    return fromEaster == -2 || fromEaster == 1 || fromEaster == 39 || fromEaster == 50 || fromEaster == 60;
}

int schoolYearOf(Date date) { return date.month >= 8 ? date.year : date.year - 1; }

std::string schoolYearName(int firstYear) {
    const int next = (firstYear + 1) % 100;
    return std::to_string(firstYear) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}

HolidayCalendar::HolidayCalendar(std::vector<SchoolHoliday> schoolHolidays)
    : m_schoolHolidays(std::move(schoolHolidays)) {
    std::sort(m_schoolHolidays.begin(), m_schoolHolidays.end(),
              [](const SchoolHoliday& a, const SchoolHoliday& b) { return a.first < b.first; });
}

std::optional<bool> HolidayCalendar::isSchoolHoliday(Date date) const {
    for (const SchoolHoliday& holiday : m_schoolHolidays) {
        if (holiday.first > date) break;
        if (date <= holiday.last) return true;
    }
    if (!knowsSchoolYear(schoolYearOf(date))) return std::nullopt;
    return false;
}

// A holiday belongs to the school year it starts in: the summer holidays, which end in September,
// close the old year and say nothing of the new one.
bool HolidayCalendar::knowsSchoolYear(int firstYear) const {
    return std::any_of(m_schoolHolidays.begin(), m_schoolHolidays.end(),
                       [&](const SchoolHoliday& holiday) { return schoolYearOf(holiday.first) == firstYear; });
}

std::vector<int> schoolYearsWithoutHolidays(const HolidayCalendar& calendar, Date today) {
    std::vector<int> missing;
    for (int year = schoolYearOf(today); year <= schoolYearOf(today) + 1; ++year)
        if (!calendar.knowsSchoolYear(year)) missing.push_back(year);
    return missing;
}

std::string_view problemDomain(HoursProblem) { return "opening-hours"; }
std::string_view problemName(HoursProblem code) {
    switch (code) {
    case HoursProblem::Empty: return "empty";
    case HoursProblem::TooLong: return "too-long";
    case HoursProblem::AtColumn: return "at-column";
    case HoursProblem::SunTimes: return "sun-times";
    }
    return "at-column";
}
std::string_view problemEnglish(HoursProblem code) {
    switch (code) {
    case HoursProblem::Empty: return "empty";
    case HoursProblem::TooLong: return "longer than {} characters";
    case HoursProblem::AtColumn: return "column {}: {}";
    case HoursProblem::SunTimes:
        return "column {}: \"{}\" needs the place's coordinates, which the kiosk does not use; write the time (e.g. 07:30)";
    }
    return "column {}: {}";
}

// ---------------------------------------------------------------------------------------
// Rules

namespace {

// A day given by the calendar: "Dec 24", "easter -2 days", "Aug Su[-1] +1 day".
struct DayPoint {
    enum class Kind { Fixed, Easter, Nth } kind = Kind::Fixed;
    int year = 0;  // 0: the year of the date looked at
    int month = 1, day = 1;
    int weekday = 0, nth = 1;  // Nth: weekday 0 = Monday
    int offset = 0;            // Easter / Nth: days added
};

struct Selector {
    enum class Kind { Weekdays, Nth, PublicHoliday, SchoolHoliday, Months, DateRange, DaySpan, Easter, Weeks, Years, Always };
    Kind kind = Kind::Always;
    unsigned mask = 0;       // Weekdays: bit 0 = Monday
    int a = 0, b = 0, c = 0;  // Nth: weekday, nth, offset; PH: offset; Months/Weeks/Years: from, to, period
    DayPoint from, to;       // DateRange; DaySpan (from: first day, to.day: last day, c: period); Easter (from)
};

// The kinds of day selectors; selectors of one kind are alternatives, different kinds must all match.
enum Group { kYear, kHoliday, kMonth, kMonthday, kWeek, kWeekday, kGroupCount };

struct TimeSelector {
    int from = 0, to = 0;  // within 0..1440
    bool openEnd = false;
    bool wrapPart = false;  // the part after midnight of a range running past it
    bool contains(int minute) const { return from <= minute && minute < to; }
};

}  // namespace

struct OpeningHours::Rule {
    std::array<std::vector<Selector>, kGroupCount> groups;
    std::vector<TimeSelector> times;
    std::vector<TimeRange> written;  // the closing times as written (to > 1440: past midnight), open ends left out
    bool wrapped = false;     // the after-midnight part of the rule before it: its days are the day before
    bool additional = false;  // after ',': adds to the rules before instead of replacing them
    bool fallback = false;    // after '||': applies only where the rules before leave the time closed
    bool meaning = true;      // open; false: closed or unknown
    bool unknown = false;
    std::string comment;
    std::size_t textBegin = 0, textEnd = 0;  // the rule as written, in the source

    bool hasDays() const {
        return std::any_of(groups.begin(), groups.end(), [](const auto& group) { return !group.empty(); });
    }
    // Part of the regular week: plain weekdays or no days at all.
    bool regular() const {
        for (int group = 0; group < kGroupCount; ++group)
            if (group != kWeekday && !groups[static_cast<std::size_t>(group)].empty()) return false;
        return std::all_of(groups[kWeekday].begin(), groups[kWeekday].end(),
                           [](const Selector& s) { return s.kind == Selector::Kind::Weekdays; });
    }
};

// ---------------------------------------------------------------------------------------
// Tokenizer: one pass over the text, every character looked at once.

namespace {

enum class Tok {
    Weekday, Month, PublicHoliday, SchoolHoliday, WeekWord, Easter, DayWord, State, Always, SunWord,
    Number, Year, Colon, Comma, Semicolon, Fallback, Dash, Plus, Slash, OpenBracket, CloseBracket, Comment,
    Word, Other, End
};

struct Token {
    Tok kind = Tok::End;
    std::size_t begin = 0, end = 0;  // bytes in the source (a comment: its inside)
    int value = 0;                   // Weekday 0 = Mo, Month 1..12, Number/Year, State (see below)
};

enum StateWord { kOpen, kClosed, kUnknown };

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::array<std::string_view, 7> kWeekdayNames = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void classifyWord(std::string_view word, Token& token) {
    for (std::size_t i = 0; i < kWeekdayNames.size(); ++i)
        if (equalsIgnoringCase(word, kWeekdayNames[i])) {
            token.kind = Tok::Weekday;
            token.value = static_cast<int>(i);
            return;
        }
    for (std::size_t i = 0; i < kMonthNames.size(); ++i)
        if (equalsIgnoringCase(word, kMonthNames[i])) {
            token.kind = Tok::Month;
            token.value = static_cast<int>(i) + 1;
            return;
        }
    struct Named {
        std::string_view name;
        Tok kind;
        int value;
    };
    static constexpr std::array<Named, 14> kWords = {{
        {"PH", Tok::PublicHoliday, 0}, {"SH", Tok::SchoolHoliday, 0}, {"week", Tok::WeekWord, 0},
        {"easter", Tok::Easter, 0}, {"day", Tok::DayWord, 0}, {"days", Tok::DayWord, 0},
        {"open", Tok::State, kOpen}, {"closed", Tok::State, kClosed}, {"off", Tok::State, kClosed},
        {"unknown", Tok::State, kUnknown}, {"sunrise", Tok::SunWord, 0}, {"sunset", Tok::SunWord, 0},
        {"dawn", Tok::SunWord, 0}, {"dusk", Tok::SunWord, 0},
    }};
    for (const Named& named : kWords)
        if (equalsIgnoringCase(word, named.name)) {
            token.kind = named.kind;
            token.value = named.value;
            return;
        }
    token.kind = Tok::Word;
}

struct ParseFailure {
    Problem problem;
};

std::string columnOf(std::string_view text, std::size_t byte) {
    int column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // UTF-8 lead bytes
    return std::to_string(column);
}

[[noreturn]] void failAt(std::string_view text, std::size_t byte, std::string what) {
    throw ParseFailure{Problem(HoursProblem::AtColumn, {columnOf(text, byte), std::move(what)})};
}

constexpr std::string_view kEnDash = "\xE2\x80\x93";  // editors like to turn '-' into this

std::size_t scanToken(std::string_view text, std::size_t i, Token& token) {
    const char c = text[i];
    auto single = [&](Tok kind) {
        token.kind = kind;
        return i + 1;
    };
    switch (c) {
    case ':': return single(Tok::Colon);
    case ',': return single(Tok::Comma);
    case ';': return single(Tok::Semicolon);
    case '-': return single(Tok::Dash);
    case '+': return single(Tok::Plus);
    case '/': return single(Tok::Slash);
    case '[': return single(Tok::OpenBracket);
    case ']': return single(Tok::CloseBracket);
    default: break;
    }
    if (c == '|' && i + 1 < text.size() && text[i + 1] == '|') {
        token.kind = Tok::Fallback;
        return i + 2;
    }
    if (text.substr(i, kEnDash.size()) == kEnDash) {
        token.kind = Tok::Dash;
        return i + kEnDash.size();
    }
    if (c == '"') {
        const std::size_t close = text.find('"', i + 1);
        if (close == std::string_view::npos) failAt(text, i, "the comment has no closing \"");
        if (close == i + 1) failAt(text, i, "the comment \"\" is empty");
        token.kind = Tok::Comment;
        token.begin = i + 1;
        token.end = close;
        return close + 1;
    }
    if (text.substr(i, 4) == "24/7") {
        token.kind = Tok::Always;
        return i + 4;
    }
    std::size_t end = i + 1;
    if (isDigit(c)) {
        long long number = 0;
        for (end = i; end < text.size() && isDigit(text[end]); ++end)
            number = std::min<long long>(number * 10 + (text[end] - '0'), 1000000);
        token.kind = number > 1900 ? Tok::Year : Tok::Number;
        token.value = static_cast<int>(number);
        return end;
    }
    if (isLetter(c)) {
        while (end < text.size() && isLetter(text[end])) ++end;
        classifyWord(text.substr(i, end - i), token);
        return end;
    }
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;  // one UTF-8 character
    token.kind = Tok::Other;
    return end;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (true) {
        while (i < text.size() && isSpace(text[i])) ++i;
        Token token;
        token.begin = token.end = i;
        if (i >= text.size()) {
            tokens.push_back(token);
            return tokens;
        }
        const std::size_t next = scanToken(text, i, token);
        if (token.kind != Tok::Comment) token.end = next;
        tokens.push_back(token);
        i = next;
    }
}

// ---------------------------------------------------------------------------------------
// Parser: recursive descent over the tokens, building rules the way opening_hours.js does
// (same selector groups, the same wrapped rule for times past midnight).

using Rule = OpeningHours::Rule;

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text), m_tokens(tokenize(text)) {}

    std::vector<Rule> parse() {
        bool fallback = false;
        while (!is(Tok::End)) {
            if (is(Tok::Semicolon)) {  // an empty rule ("Mo 10:00-12:00;;"), ignored as opening_hours.js does
                advance();
                fallback = false;
                continue;
            }
            if (is(Tok::Fallback)) wrong("expected a rule before \"||\"");
            bool additional = false;
            while (parseRule(fallback, additional)) additional = true;
            fallback = is(Tok::Fallback);
            advance();
            if (fallback && is(Tok::End)) expected("a rule after \"||\"");
        }
        if (m_rules.empty()) throw ParseFailure{Problem(HoursProblem::Empty)};
        return std::move(m_rules);
    }

private:
    std::string_view m_text;
    std::vector<Token> m_tokens;
    std::size_t m_at = 0;
    std::vector<Rule> m_rules;

    const Token& cur() const { return m_tokens[m_at]; }
    bool is(Tok kind, std::size_t ahead = 0) const {
        return m_tokens[std::min(m_at + ahead, m_tokens.size() - 1)].kind == kind;
    }
    int valueAt(std::size_t ahead) const { return m_tokens[std::min(m_at + ahead, m_tokens.size() - 1)].value; }
    void advance() {
        if (m_at + 1 < m_tokens.size()) ++m_at;
    }
    std::string_view textOf(const Token& token) const { return m_text.substr(token.begin, token.end - token.begin); }
    [[noreturn]] void expected(const std::string& what) const {
        if (is(Tok::End)) failAt(m_text, cur().begin, "expected " + what + " at the end");
        failAt(m_text, cur().begin, "expected " + what + ", not \"" + std::string(textOf(cur())) + "\"");
    }
    [[noreturn]] void wrong(std::string what) const { failAt(m_text, cur().begin, std::move(what)); }
    Token expect(Tok kind, const std::string& what) {
        if (!is(kind)) expected(what);
        const Token token = cur();
        advance();
        return token;
    }
    [[noreturn]] void sunTimes() const {
        throw ParseFailure{Problem(HoursProblem::SunTimes, {columnOf(m_text, cur().begin), std::string(textOf(cur()))})};
    }

    // One rule; true when a ',' ends it and an additional rule follows.
    bool parseRule(bool fallback, bool additional) {
        Rule rule;
        rule.fallback = fallback;
        rule.additional = additional;
        rule.textBegin = cur().begin;
        const std::size_t first = m_at;
        bool modified = false, more = false, afterTime = false;
        while (!more) {
            const Token& token = cur();
            const bool wasAfterTime = std::exchange(afterTime, false);
            switch (token.kind) {
            case Tok::Weekday: parseDayList(rule, kWeekday); break;
            case Tok::PublicHoliday:
            case Tok::SchoolHoliday: parseDayList(rule, is(Tok::Comma, 1) ? kWeekday : kHoliday); break;
            case Tok::Always:
                addRange(rule, 0, kMinutesPerDay, false);
                advance();
                break;
            case Tok::Year:
                if ((is(Tok::Month, 1) && (is(Tok::Number, 2) || is(Tok::Weekday, 2))) || is(Tok::Easter, 1))
                    parseDateList(rule);
                else
                    parseYearList(rule);
                break;
            case Tok::Month:
                if (atDayOfMonth() || (is(Tok::Weekday, 1) && is(Tok::OpenBracket, 2)))
                    parseDateList(rule);
                else
                    parseMonthList(rule);
                break;
            case Tok::Easter: parseDateList(rule); break;
            case Tok::WeekWord: parseWeekList(rule); break;
            case Tok::Number:
                more = parseTimeList(rule);
                afterTime = true;
                break;
            case Tok::State:
            case Tok::Comment:
                if (token.kind == Tok::State) {
                    rule.meaning = token.value == kOpen;
                    rule.unknown = token.value == kUnknown;
                } else {
                    rule.comment = std::string(textOf(token));
                    if (!modified) {  // a comment alone: nobody knows the hours for sure
                        rule.meaning = false;
                        rule.unknown = true;
                    }
                }
                modified = true;
                advance();
                if (is(Tok::Comma)) {
                    advance();
                    more = true;
                }
                break;
            case Tok::Colon:  // "Mo-Fr: 08:00-12:00", a colon for readability
                if (m_at == first || wasAfterTime || is(Tok::End, 1)) expected("a time like 08:00");
                advance();
                break;
            case Tok::SunWord: sunTimes();
            case Tok::Semicolon:
            case Tok::Fallback:
            case Tok::End:
                if (m_at == first) expected("a rule");
                finish(std::move(rule));
                return false;
            default:
                if (textOf(token) == "(" && is(Tok::SunWord, 1)) {
                    advance();
                    sunTimes();
                }
                expected(m_at == first ? "a rule, like Mo-Fr 08:00-12:00"
                                       : "days, times like 08:00-12:00, open/off/unknown or a \"comment\"");
            }
        }
        finish(std::move(rule));
        // A trailing comma ("Mo 10:00-12:00,") adds nothing, as in opening_hours.js.
        return !(is(Tok::End) || is(Tok::Semicolon) || is(Tok::Fallback));
    }

    void finish(Rule rule) {
        rule.textEnd = m_tokens[m_at > 0 ? m_at - 1 : 0].end + (m_at > 0 && m_tokens[m_at - 1].kind == Tok::Comment);
        std::vector<TimeSelector> wrapTimes;
        for (TimeSelector& time : rule.times)
            if (time.wrapPart) wrapTimes.push_back(time);
        std::erase_if(rule.times, [](const TimeSelector& time) { return time.wrapPart; });
        const bool wraps = !wrapTimes.empty();
        m_rules.push_back(std::move(rule));
        if (!wraps) return;
        // The part after midnight: the same days, shifted to the day after (as opening_hours.js does it).
        Rule wrapped;
        const Rule& base = m_rules.back();
        wrapped.groups = base.groups;
        wrapped.times = std::move(wrapTimes);
        wrapped.wrapped = true;
        wrapped.meaning = base.meaning;
        wrapped.unknown = base.unknown;
        wrapped.comment = base.comment;
        wrapped.textBegin = base.textBegin;
        wrapped.textEnd = base.textEnd;
        m_rules.push_back(std::move(wrapped));
    }

    int moveDays(int most) {  // "+1 day", "-2 days"
        if (!(is(Tok::Plus) || is(Tok::Dash)) || !is(Tok::Number, 1) || !is(Tok::DayWord, 2)) return 0;
        const int sign = is(Tok::Plus) ? 1 : -1;
        advance();
        if (cur().value > most) wrong("at most " + std::to_string(most) + (most == 1 ? " day" : " days") + " can be added here");
        const int days = sign * cur().value;
        advance();
        advance();
        return days;
    }

    void parseDayList(Rule& rule, Group group) {
        auto& target = rule.groups[group];
        while (true) {
            Selector selector;
            if (is(Tok::Weekday) && is(Tok::OpenBracket, 1)) {
                parseNthWeekday(target);
            } else if (is(Tok::Weekday)) {
                const int from = cur().value;
                int to = from;
                advance();
                if (is(Tok::Dash) && !is(Tok::Weekday, 1)) {  // "Mo-Do": German weekdays
                    advance();
                    expected("a weekday (Mo Tu We Th Fr Sa Su)");
                }
                if (is(Tok::Dash)) {
                    advance();
                    to = cur().value;
                    advance();
                }
                selector.kind = Selector::Kind::Weekdays;
                for (int day = from;; day = (day + 1) % 7) {  // wraps, so Fr-Mo works
                    selector.mask |= 1u << day;
                    if (day == to) break;
                }
                target.push_back(selector);
            } else if (is(Tok::PublicHoliday)) {
                advance();
                selector.kind = Selector::Kind::PublicHoliday;
                selector.a = moveDays(1);
                target.push_back(selector);
            } else if (is(Tok::SchoolHoliday)) {
                advance();
                selector.kind = Selector::Kind::SchoolHoliday;
                target.push_back(selector);
            } else {
                expected("a weekday like Mo, or PH or SH");
            }
            if (!is(Tok::Comma)) return;
            advance();
        }
    }

    int nthNumber() {
        const int sign = is(Tok::Dash) ? -1 : 1;
        if (sign < 0) advance();
        if (!is(Tok::Number) || cur().value == 0 || cur().value > 5) expected("a number from 1 to 5 (or -1 to -5 from the end)");
        const int number = sign * cur().value;
        advance();
        return number;
    }

    void parseNthWeekday(std::vector<Selector>& target) {
        const int weekday = cur().value;
        advance();  // the weekday
        advance();  // '['
        std::vector<int> numbers;
        while (true) {
            const int from = nthNumber();
            int to = from;
            if (from > 0 && is(Tok::Dash) && is(Tok::Number, 1)) {
                advance();
                to = nthNumber();
                if (to < from) wrong("the range of weeks in the month runs backwards");
            }
            for (int n = from; n <= to; ++n) numbers.push_back(n);
            if (!is(Tok::Comma)) break;
            advance();
        }
        expect(Tok::CloseBracket, "\"]\"");
        const int offset = moveDays(6);
        for (const int n : numbers) {
            Selector selector;
            selector.kind = Selector::Kind::Nth;
            selector.a = weekday;
            selector.b = n;
            selector.c = offset;
            target.push_back(selector);
        }
    }

    void parseYearList(Rule& rule) {
        while (true) {
            Selector selector;
            selector.kind = Selector::Kind::Years;
            selector.a = selector.b = expect(Tok::Year, "a year like 2026").value;
            if (is(Tok::Dash) && is(Tok::Year, 1)) {
                advance();
                if (cur().value <= selector.a) wrong("the range of years runs backwards");
                selector.b = cur().value;
                advance();
            }
            if (is(Tok::Slash) && is(Tok::Number, 1)) {
                advance();
                if (cur().value == 0) wrong("a period of 0 years");
                selector.c = cur().value;
                if (selector.a == selector.b) selector.b = INT_MAX;  // "2026/2": every other year from 2026
                advance();
            } else if (is(Tok::Plus)) {  // "2026+"
                advance();
                selector.b = INT_MAX;
            }
            rule.groups[kYear].push_back(selector);
            if (!is(Tok::Comma)) return;
            advance();
        }
    }

    void monthRange(std::vector<Selector>& target) {
        Selector selector;
        selector.kind = Selector::Kind::Months;
        selector.a = selector.b = expect(Tok::Month, "a month like Jan").value;
        if (is(Tok::Dash) && is(Tok::Month, 1)) {
            advance();
            selector.b = cur().value;
            advance();
        }
        target.push_back(selector);
    }

    // "Dec 24", but not "Dec 10:00-12:00" (December, from ten).
    bool atDayOfMonth() const { return is(Tok::Month) && is(Tok::Number, 1) && !atTimeRange(1); }
    bool atTimeRange(std::size_t ahead) const {
        return is(Tok::Number, ahead) && is(Tok::Colon, ahead + 1) && is(Tok::Number, ahead + 2) &&
               (is(Tok::Dash, ahead + 3) || is(Tok::Plus, ahead + 3));
    }

    void parseMonthList(Rule& rule) {
        while (true) {
            if (atDayOfMonth())
                parseDateItem(rule, kMonth);
            else
                monthRange(rule.groups[kMonth]);
            if (!is(Tok::Comma)) return;
            advance();
        }
    }

    void parseDateList(Rule& rule) {
        while (true) {
            parseDateItem(rule, kMonthday);
            if (!is(Tok::Comma)) return;
            advance();
            if (!(is(Tok::Month) || is(Tok::Year) || is(Tok::Easter))) expected("a date like Dec 24");
        }
    }

    int dayOfMonth(int month) {
        const Token day = expect(Tok::Number, "a day of the month like 24");
        static constexpr std::array<int, 12> kLongest = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (day.value < 1 || day.value > kLongest[static_cast<std::size_t>(month - 1)])
            failAt(m_text, day.begin, std::string(kMonthNames[static_cast<std::size_t>(month - 1)]) + " has no day " +
                                          std::to_string(day.value));
        return day.value;
    }

    DayPoint parseDayPoint(int year) {
        DayPoint point;
        point.year = year;
        if (is(Tok::Easter)) {
            advance();
            point.kind = DayPoint::Kind::Easter;
            point.offset = moveDays(366);
            return point;
        }
        point.month = expect(Tok::Month, "a date like Dec 24").value;
        if (is(Tok::Weekday) && is(Tok::OpenBracket, 1)) {
            point.kind = DayPoint::Kind::Nth;
            point.weekday = cur().value;
            advance();
            advance();
            point.nth = nthNumber();
            expect(Tok::CloseBracket, "\"]\"");
            point.offset = moveDays(6);
            return point;
        }
        point.day = dayOfMonth(point.month);
        return point;
    }

    // "Dec 24", "Dec 24-26", "Dec 24,31", "Dec 24-Jan 06", "2026 Dec 24", "easter -2 days", "Aug Su[-1]".
    void parseDateItem(Rule& rule, Group group) {
        auto& target = rule.groups[group];
        int year = 0;
        if (is(Tok::Year)) {
            year = cur().value;
            advance();
        }
        if (is(Tok::Month) && !atDayOfMonth() && !(is(Tok::Weekday, 1) && is(Tok::OpenBracket, 2))) {
            if (year != 0) expected("a day of the month like 24");
            monthRange(target);
            return;
        }
        const std::size_t start = m_at;
        Selector selector;
        selector.from = parseDayPoint(year);
        if (is(Tok::Dash) && (is(Tok::Month, 1) || is(Tok::Year, 1) || is(Tok::Easter, 1))) {
            advance();
            int toYear = 0;
            if (is(Tok::Year)) {
                toYear = cur().value;
                advance();
            }
            if ((toYear != 0) != (year != 0)) expected(year != 0 ? "a year for the end of the range too" : "a date like Jan 06");
            selector.kind = Selector::Kind::DateRange;
            selector.to = parseDayPoint(toYear);
            target.push_back(selector);
            return;
        }
        switch (selector.from.kind) {
        case DayPoint::Kind::Easter:
            selector.kind = Selector::Kind::Easter;
            target.push_back(selector);
            return;
        case DayPoint::Kind::Nth: {  // "Aug Su[-1]" alone: the month here, the weekday as a weekday selector
            m_at = start + 1;
            Selector month;
            month.kind = Selector::Kind::Months;
            month.a = month.b = selector.from.month;
            rule.groups[kMonth].push_back(month);
            if (year != 0) {
                Selector years;
                years.kind = Selector::Kind::Years;
                years.a = years.b = year;
                rule.groups[kYear].push_back(years);
            }
            return;
        }
        case DayPoint::Kind::Fixed: break;
        }
        parseDaySpans(target, selector);
    }

    void parseDaySpans(std::vector<Selector>& target, Selector selector) {
        selector.kind = Selector::Kind::DaySpan;
        while (true) {
            selector.to = selector.from;
            selector.c = 0;
            if (is(Tok::Dash) && is(Tok::Number, 1)) {
                advance();
                const std::size_t at = cur().begin;
                selector.to.day = dayOfMonth(selector.from.month);
                if (selector.to.day < selector.from.day) failAt(m_text, at, "the range of days runs backwards");
                if (is(Tok::Slash) && is(Tok::Number, 1)) {
                    advance();
                    if (cur().value == 0) wrong("a period of 0 days");
                    selector.c = cur().value;
                    advance();
                }
            }
            target.push_back(selector);
            if (!(is(Tok::Comma) && is(Tok::Number, 1) && !atTimeRange(1))) return;
            advance();
            selector.from.day = dayOfMonth(selector.from.month);
        }
    }

    void parseWeekList(Rule& rule) {
        advance();  // "week"
        while (true) {
            Selector selector;
            selector.kind = Selector::Kind::Weeks;
            const Token from = expect(Tok::Number, "a week number like 01");
            selector.a = selector.b = from.value;
            if (is(Tok::Dash) && is(Tok::Number, 1)) {
                advance();
                selector.b = cur().value;
                advance();
                if (is(Tok::Slash) && is(Tok::Number, 1)) {
                    advance();
                    if (cur().value < 2 || cur().value > 26) wrong("a period of weeks from 2 to 26");
                    selector.c = cur().value;
                    advance();
                }
            }
            if (selector.a < 1 || selector.b > 53) failAt(m_text, from.begin, "weeks are numbered 01 to 53");
            if (selector.b < selector.a) failAt(m_text, from.begin, "the range of weeks runs backwards");
            rule.groups[kWeek].push_back(selector);
            if (!is(Tok::Comma)) return;
            advance();
            if (is(Tok::WeekWord)) advance();
        }
    }

    int parseTime() {
        if (!is(Tok::Number) || cur().end - cur().begin > 2) {
            if (is(Tok::SunWord)) sunTimes();
            expected("a time like 08:00");
        }
        const int hours = cur().value;
        advance();
        if (!is(Tok::Colon)) expected("\":\" and the minutes, like 08:00");
        advance();
        const Token minutes = cur();
        if (!is(Tok::Number) || minutes.end - minutes.begin != 2) expected("two digits for the minutes, like 08:30");
        if (minutes.value > 59) failAt(m_text, minutes.begin, "expected minutes from 00 to 59");
        advance();
        return hours * 60 + minutes.value;
    }

    static int openEndUntil(int from) {  // opening_hours.js's guess at how long an open end lasts
        if (from >= 22 * 60) return from + 8 * 60;
        if (from >= 17 * 60) return from + 10 * 60;
        return kMinutesPerDay;
    }

    static void addRange(Rule& rule, int from, int to, bool openEnd) {
        if (!openEnd) rule.written.push_back({from, to});
        if (from == 0 && to == kMinutesPerDay) {
            rule.times.push_back({0, kMinutesPerDay, false, false});
        } else if (to > kMinutesPerDay) {
            rule.times.push_back({from, kMinutesPerDay, openEnd, false});
            rule.times.push_back({0, to - kMinutesPerDay, openEnd, true});
        } else {
            rule.times.push_back({from, to, openEnd, false});
        }
    }

    // "08:00-12:00,13:00-18:00", "18:00+", "10:00-18:00+"; true when an additional rule follows.
    bool parseTimeList(Rule& rule) {
        while (true) {
            const Token start = cur();
            const int from = parseTime();
            if (from >= kMinutesPerDay) failAt(m_text, start.begin, "a time range cannot start at 24:00 or later");
            if (is(Tok::Plus)) {
                advance();
                addRange(rule, from, openEndUntil(from), true);
            } else if (is(Tok::Dash)) {
                advance();
                const Token endToken = cur();
                const int written = parseTime();
                int to = written;
                if (to <= from) to += kMinutesPerDay;  // past midnight; equal ends: 24 hours
                if (to > 2 * kMinutesPerDay) failAt(m_text, endToken.begin, "a time range can run past midnight only once");
                if (is(Tok::Plus)) {  // "10:00-18:00+": open, then an open end
                    advance();
                    const int openFrom = written < from ? written + kMinutesPerDay : written;
                    addRange(rule, openFrom, openEndUntil(openFrom), true);
                }
                addRange(rule, from, to, false);
            } else {
                expected("\"-\" and a closing time like 18:00, or \"+\" for an open end");
            }
            if (is(Tok::Colon)) expected("a space or \",\" after the time");
            if (!is(Tok::Comma)) return false;
            advance();
            if (!is(Tok::Number)) return true;
        }
    }
};

}  // namespace

// ---------------------------------------------------------------------------------------
// Evaluation: which rules speak for a day, then the state at each point of the day.

namespace {

struct DayContext {
    const HolidayCalendar* calendar = nullptr;  // nullptr: the regular week, no dates
    Date date;
    Weekday weekday = Weekday::Monday;  // the regular week
    bool regularHoliday = false;        // the regular week: a public holiday on that weekday
    bool assumeSchoolHoliday = false;   // the answer for SH where the calendar does not know
    mutable bool schoolUnknown = false; // an SH rule asked the calendar in vain
};

Date nthWeekdayOfMonth(int year, int month, int weekday, int nth) {
    if (nth > 0) {
        const Date first{year, month, 1};
        const int toWeekday = (weekday - static_cast<int>(weekdayOf(first)) + 7) % 7;
        return addDays(first, toWeekday + (nth - 1) * 7);
    }
    const Date last = addDays(month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1}, -1);
    const int back = (static_cast<int>(weekdayOf(last)) - weekday + 7) % 7;
    return addDays(last, -back + (nth + 1) * 7);
}

bool nthWeekdayMatches(const Selector& selector, Date date) {
    for (int delta = -1; delta <= 1; ++delta) {  // an offset of up to 6 days can reach a neighbouring month
        int year = date.year, month = date.month + delta;
        if (month < 1) month += 12, --year;
        if (month > 12) month -= 12, ++year;
        const Date target = nthWeekdayOfMonth(year, month, selector.a, selector.b);
        if (target.month != month) continue;  // no fifth Monday this month
        if (addDays(target, selector.c) == date) return true;
    }
    return false;
}

Date resolve(const DayPoint& point, int year) {
    switch (point.kind) {
    case DayPoint::Kind::Easter: return addDays(easterSunday(year), point.offset);
    case DayPoint::Kind::Nth:
        return addDays(nthWeekdayOfMonth(year, point.month, point.weekday, point.nth), point.offset);
    case DayPoint::Kind::Fixed: break;
    }
    return addDays({year, point.month, 1}, point.day - 1);  // "Feb 29" rolls over as JavaScript's Date does
}

bool dateRangeMatches(const Selector& selector, Date date) {
    Date from = resolve(selector.from, selector.from.year != 0 ? selector.from.year : date.year);
    Date to = resolve(selector.to, selector.to.year != 0 ? selector.to.year : date.year);
    if (selector.to.kind != DayPoint::Kind::Easter) to = addDays(to, 1);  // opening_hours.js ends an event range on the event
    bool inside = true;
    if (to < from) {  // "Dec 24-Jan 06": everything but Jan 07..Dec 23
        std::swap(from, to);
        inside = false;
    }
    return (from <= date && date < to) == inside;
}

bool daySpanMatches(const Selector& selector, Date date) {
    const int year = selector.from.year != 0 ? selector.from.year : date.year;
    const int month = selector.from.month;
    if (month == 2 && (selector.from.day > daysInMonth(year, 2) || selector.to.day > daysInMonth(year, 2))) return false;
    const Date from{year, month, selector.from.day};
    const Date until = addDays({year, month, selector.to.day}, 1);
    if (date < from || !(date < until)) return false;
    return selector.c == 0 || daysBetween(from, date) % selector.c == 0;
}

bool periodMatches(int value, int from, int to, int period) {
    if (value < from || value > to) return false;
    return period == 0 || (value - from) % period == 0;
}

bool regularMatches(const Selector& selector, const DayContext& context, int shift) {
    const int weekday = (static_cast<int>(context.weekday) + shift + 7) % 7;
    if (selector.kind == Selector::Kind::Weekdays) return (selector.mask >> weekday & 1u) != 0;
    return selector.kind == Selector::Kind::PublicHoliday && context.regularHoliday && shift == 0 && selector.a == 0;
}

bool selectorMatches(const Selector& selector, const DayContext& context, int shift) {
    if (context.calendar == nullptr) return regularMatches(selector, context, shift);
    const Date date = addDays(context.date, shift);
    switch (selector.kind) {
    case Selector::Kind::Weekdays: return (selector.mask >> static_cast<int>(weekdayOf(date)) & 1u) != 0;
    case Selector::Kind::Nth: return static_cast<int>(weekdayOf(date)) == (selector.a + selector.c % 7 + 7) % 7 &&
                                     nthWeekdayMatches(selector, date);
    case Selector::Kind::PublicHoliday: return context.calendar->isPublicHoliday(addDays(date, -selector.a));
    case Selector::Kind::SchoolHoliday: {
        const std::optional<bool> holiday = context.calendar->isSchoolHoliday(date);
        if (holiday) return *holiday;
        context.schoolUnknown = true;
        return context.assumeSchoolHoliday;
    }
    case Selector::Kind::Months:
        return selector.a <= selector.b ? selector.a <= date.month && date.month <= selector.b
                                        : date.month >= selector.a || date.month <= selector.b;
    case Selector::Kind::DateRange: return dateRangeMatches(selector, date);
    case Selector::Kind::DaySpan: return daySpanMatches(selector, date);
    case Selector::Kind::Easter:
        return addDays(easterSunday(selector.from.year != 0 ? selector.from.year : date.year), selector.from.offset) == date;
    case Selector::Kind::Weeks: return periodMatches(isoWeekOf(date), selector.a, selector.b, selector.c);
    case Selector::Kind::Years: return periodMatches(date.year, selector.a, selector.b, selector.c);
    case Selector::Kind::Always: return true;
    }
    return false;
}

bool ruleMatchesDay(const Rule& rule, const DayContext& context) {
    const int shift = rule.wrapped ? -1 : 0;
    for (const auto& group : rule.groups) {
        if (group.empty()) continue;
        if (std::none_of(group.begin(), group.end(),
                         [&](const Selector& selector) { return selectorMatches(selector, context, shift); }))
            return false;
    }
    return true;
}

// The rules that speak for the day, in order: a later rule with days replaces the earlier ones
// (opening_hours.js's rule, including its quirks for rules without days).
std::vector<std::size_t> matchingRules(const std::vector<Rule>& rules, const DayContext& context) {
    std::vector<std::size_t> matching;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Rule& rule = rules[i];
        if (!ruleMatchesDay(rule, context)) continue;
        const bool replaces = (rule.hasDays() || (i > 0 && rule.meaning && !rules[i - 1].hasDays())) &&
                              (rule.meaning || rule.unknown) && !rule.wrapped && !rule.additional && !rule.fallback;
        if (replaces) matching.clear();
        matching.push_back(i);
    }
    return matching;
}

struct Cell {
    bool open = false, unknown = false;
    const Rule* rule = nullptr;
};

void applyRule(const Rule& rule, const std::vector<int>& starts, std::vector<Cell>& cells) {
    const auto apply = [&](Cell& cell) {
        if (rule.fallback && (cell.open || cell.unknown)) return false;
        cell.open = rule.meaning;
        cell.unknown = rule.unknown;
        cell.rule = &rule;
        return true;
    };
    if (rule.times.empty())
        for (Cell& cell : cells) apply(cell);
    for (std::size_t t = 0; t < rule.times.size(); ++t) {
        const TimeSelector& time = rule.times[t];
        if (time.from >= time.to) continue;
        const auto first = std::lower_bound(starts.begin(), starts.end(), time.from) - starts.begin();
        const auto last = std::lower_bound(starts.begin(), starts.end(), time.to) - starts.begin();
        for (auto k = first; k < last; ++k) {
            Cell& cell = cells[static_cast<std::size_t>(k)];
            if (!apply(cell) || !time.openEnd || !(cell.open || cell.unknown)) continue;
            cell.open = false;  // an open end: open, but nobody says until when
            cell.unknown = true;
            // opening_hours.js: "07:00+,12:00-16:00" is closed after 16:00, not open-ended.
            const int minute = starts[static_cast<std::size_t>(k)];
            if (t + 1 < rule.times.size() && !rule.wrapped && !rule.times[t + 1].contains(minute) &&
                time.contains(minute == 0 ? kMinutesPerDay - 1 : minute - 1))
                cell.unknown = false;
        }
    }
}

std::vector<HoursRange> paintDay(const std::vector<Rule>& rules, const std::vector<std::size_t>& matching) {
    std::vector<int> starts = {0, kMinutesPerDay};
    for (const std::size_t index : matching)
        for (const TimeSelector& time : rules[index].times)
            if (time.from < time.to) {
                starts.push_back(time.from);
                starts.push_back(time.to);
            }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    std::vector<Cell> cells(starts.size() - 1);
    for (const std::size_t index : matching) applyRule(rules[index], starts, cells);

    std::vector<HoursRange> ranges;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const Cell& cell = cells[k];
        if (!cell.open && !cell.unknown) continue;
        const HoursState state = cell.open ? HoursState::Open : HoursState::Unknown;
        const std::string& comment = cell.rule ? cell.rule->comment : std::string();
        if (!ranges.empty() && ranges.back().to == starts[k] && ranges.back().state == state &&
            ranges.back().comment == comment)
            ranges.back().to = starts[k + 1];
        else
            ranges.push_back({starts[k], starts[k + 1], state, comment});
    }
    return ranges;
}

const HoursRange* rangeAt(const std::vector<HoursRange>& ranges, int minute) {
    for (const HoursRange& range : ranges)
        if (range.from <= minute && minute < range.to) return &range;
    return nullptr;
}

// Where two readings of a day differ (school holiday or not), nobody knows.
std::vector<HoursRange> agreement(const std::vector<HoursRange>& a, const std::vector<HoursRange>& b) {
    std::vector<int> starts = {0, kMinutesPerDay};
    for (const auto* ranges : {&a, &b})
        for (const HoursRange& range : *ranges) {
            starts.push_back(range.from);
            starts.push_back(range.to);
        }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    std::vector<HoursRange> result;
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        const HoursRange* x = rangeAt(a, starts[k]);
        const HoursRange* y = rangeAt(b, starts[k]);
        if (!x && !y) continue;
        HoursRange range{starts[k], starts[k + 1], HoursState::Unknown, {}};
        if (x && y && x->state == y->state && x->comment == y->comment) {
            range.state = x->state;
            range.comment = x->comment;
        }
        if (!result.empty() && result.back().to == range.from && result.back().state == range.state &&
            result.back().comment == range.comment)
            result.back().to = range.to;
        else
            result.push_back(std::move(range));
    }
    return result;
}

std::vector<HoursRange> evaluateDay(const std::vector<Rule>& rules, DayContext& context) {
    context.assumeSchoolHoliday = false;
    context.schoolUnknown = false;
    std::vector<HoursRange> ranges = paintDay(rules, matchingRules(rules, context));
    if (!context.schoolUnknown) return ranges;
    context.assumeSchoolHoliday = true;
    return agreement(ranges, paintDay(rules, matchingRules(rules, context)));
}

std::vector<TimeRange> openOnly(const std::vector<HoursRange>& ranges) {
    std::vector<TimeRange> result;
    for (const HoursRange& range : ranges)
        if (range.state == HoursState::Open) {
            if (!result.empty() && result.back().to == range.from)
                result.back().to = range.to;
            else
                result.push_back({range.from, range.to});
        }
    return result;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// OpeningHours

OpeningHours::OpeningHours() = default;
OpeningHours::~OpeningHours() = default;
OpeningHours::OpeningHours(const OpeningHours&) = default;
OpeningHours& OpeningHours::operator=(const OpeningHours&) = default;
// A move leaves the rules shared (a moved-from value still answers, as a moved-from vector did).
OpeningHours::OpeningHours(OpeningHours&& other) noexcept : m_source(other.m_source), m_rules(other.m_rules) {}
OpeningHours& OpeningHours::operator=(OpeningHours&& other) noexcept {
    m_source = other.m_source;
    m_rules = other.m_rules;
    return *this;
}

const std::string& OpeningHours::source() const {
    static const std::string none;
    return m_source ? *m_source : none;
}

Result<OpeningHours> OpeningHours::read(std::string_view text) {
    if (text.size() > kMaxLength) return Problem(HoursProblem::TooLong, {std::to_string(kMaxLength)});
    try {
        Parser parser(text);
        OpeningHours hours;
        hours.m_rules = std::make_shared<const std::vector<Rule>>(parser.parse());
        hours.m_source = std::make_shared<const std::string>(text);
        return hours;
    } catch (ParseFailure& failure) {
        return std::move(failure.problem);
    }
}

std::optional<OpeningHours> OpeningHours::parse(std::string_view text, std::string& error) {
    try {
        Result<OpeningHours> hours = read(text);
        if (!hours) {
            error = hours.problem().english();
            return std::nullopt;
        }
        error.clear();
        return std::move(hours).value();
    } catch (const std::exception&) {  // only bad_alloc can get here; the kiosk must not die
        error = "out of memory";
        return std::nullopt;
    }
}

std::vector<HoursRange> OpeningHours::rangesOn(Date date, const HolidayCalendar& calendar) const {
    DayContext context;
    context.calendar = &calendar;
    context.date = addDays(date, 0);
    return evaluateDay(*m_rules, context);
}

std::vector<TimeRange> OpeningHours::intervalsOn(Date date, const HolidayCalendar& calendar) const {
    return openOnly(rangesOn(date, calendar));
}

std::vector<HoursRange> OpeningHours::regularRangesOn(Weekday day) const {
    DayContext context;
    context.weekday = day;
    return evaluateDay(*m_rules, context);
}

std::vector<TimeRange> OpeningHours::regularIntervals(Weekday day) const { return openOnly(regularRangesOn(day)); }

bool OpeningHours::closedOnPublicHolidays() const {
    const bool mentionsHolidays = std::any_of(m_rules->begin(), m_rules->end(), [](const Rule& rule) {
        return std::any_of(rule.groups.begin(), rule.groups.end(), [](const auto& group) {
            return std::any_of(group.begin(), group.end(), [](const Selector& selector) {
                return selector.kind == Selector::Kind::PublicHoliday && selector.a == 0;
            });
        });
    });
    if (!mentionsHolidays) return false;
    // A later weekday rule can still open a holiday that falls on that weekday.
    for (int day = 0; day < 7; ++day) {
        DayContext context;
        context.weekday = static_cast<Weekday>(day);
        context.regularHoliday = true;
        if (!evaluateDay(*m_rules, context).empty()) return false;
    }
    return true;
}

std::vector<std::string> OpeningHours::comments() const {
    std::vector<std::string> result;
    for (const Rule& rule : *m_rules)
        if (!rule.wrapped && !rule.comment.empty()) result.push_back(rule.comment);
    return result;
}

bool OpeningHours::usesSchoolHolidays() const {
    return std::any_of(m_rules->begin(), m_rules->end(), [](const Rule& rule) {
        return std::any_of(rule.groups.begin(), rule.groups.end(), [](const auto& group) {
            return std::any_of(group.begin(), group.end(),
                               [](const Selector& selector) { return selector.kind == Selector::Kind::SchoolHoliday; });
        });
    });
}

namespace {

using Exception = OpeningHours::Exception;

// The days of a rule outside the regular week, when one kind of selector says them all.
void describeDays(const Rule& rule, Exception& exception) {
    std::vector<const Selector*> selectors;
    for (const auto& group : rule.groups)
        for (const Selector& selector : group) selectors.push_back(&selector);
    if (selectors.empty()) return;
    const Selector& first = *selectors.front();
    const bool oneKind = std::all_of(selectors.begin(), selectors.end(), [&](const Selector* s) {
        return s->kind == first.kind && (first.kind != Selector::Kind::Nth || (s->a == first.a && s->c == first.c));
    });
    if (!oneKind || (selectors.size() > 1 && first.kind != Selector::Kind::Nth)) return;
    switch (first.kind) {
    case Selector::Kind::PublicHoliday:
        exception.days = Exception::Days::PublicHoliday;
        exception.dayAfter = first.a > 0;
        exception.dayBefore = first.a < 0;
        return;
    case Selector::Kind::SchoolHoliday: exception.days = Exception::Days::SchoolHoliday; return;
    case Selector::Kind::Nth:
        exception.days = Exception::Days::NthWeekday;
        exception.weekday = static_cast<Weekday>(first.a);
        exception.offsetDays = first.c;
        for (const Selector* s : selectors) exception.nth.push_back(s->b);
        return;
    case Selector::Kind::DaySpan:
        if (first.c != 0) return;
        exception.days = first.from.day == first.to.day ? Exception::Days::Date : Exception::Days::DateRange;
        exception.from = {first.from.year, first.from.month, first.from.day};
        exception.to = {first.from.year, first.from.month, first.to.day};
        return;
    case Selector::Kind::DateRange:
        if (first.from.kind != DayPoint::Kind::Fixed || first.to.kind != DayPoint::Kind::Fixed) return;
        exception.days = Exception::Days::DateRange;
        exception.from = {first.from.year, first.from.month, first.from.day};
        exception.to = {first.to.year, first.to.month, first.to.day};
        return;
    case Selector::Kind::Easter:
        exception.days = Exception::Days::Easter;
        exception.offsetDays = first.from.offset;
        return;
    case Selector::Kind::Months:
        exception.days = Exception::Days::Months;
        exception.from = {0, first.a, 1};
        exception.to = {0, first.b, 1};
        return;
    default: return;
    }
}

}  // namespace

std::vector<OpeningHours::Exception> OpeningHours::exceptions() const {
    std::vector<Exception> result;
    for (const Rule& rule : *m_rules) {
        if (rule.wrapped || rule.regular()) continue;
        Exception exception;
        describeDays(rule, exception);
        exception.times = rule.written;
        exception.state = rule.meaning ? HoursState::Open : rule.unknown ? HoursState::Unknown : HoursState::Closed;
        exception.comment = rule.comment;
        exception.text = source().substr(rule.textBegin, rule.textEnd - rule.textBegin);
        result.push_back(std::move(exception));
    }
    return result;
}

std::string hoursRangesText(const std::vector<HoursRange>& ranges) {
    std::string text;
    char buffer[32];
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        HoursRange range = ranges[i];
        // Ranges that differ only in their comments print as one.
        while (i + 1 < ranges.size() && ranges[i + 1].from == range.to && ranges[i + 1].state == range.state)
            range.to = ranges[++i].to;
        std::snprintf(buffer, sizeof buffer, "%s%s%02d:%02d-%02d:%02d", text.empty() ? "" : ",",
                      range.state == HoursState::Unknown ? "?" : "", range.from / 60, range.from % 60, range.to / 60,
                      range.to % 60);
        text += buffer;
    }
    return text;
}

namespace {

std::string clockText(int minutes) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60 % 24, minutes % 60);
    return text;
}

std::string dayMonth(Date date) {  // "24.12." or "24.12.2026"
    char text[16];
    if (date.year != 0)
        std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day, date.month, date.year);
    else
        std::snprintf(text, sizeof text, "%02d.%02d.", date.day, date.month);
    return text;
}

std::string fillPlaceholders(std::string pattern, const std::vector<std::string>& values) {
    std::size_t at = 0;
    for (const std::string& value : values) {
        at = pattern.find("{}", at);
        if (at == std::string::npos) break;
        pattern.replace(at, 2, value);
        at += value.size();
    }
    return pattern;
}

// "am 1. und 3. Montag im Monat", "am 24.12.", "in den Schulferien"; empty when words cannot say it.
std::string exceptionDays(const OpeningHours::Exception& exception, const ExceptionWords& words) {
    using Days = OpeningHours::Exception::Days;
    switch (exception.days) {
    case Days::PublicHoliday:
        return exception.dayAfter    ? words.dayAfterPublicHolidays
               : exception.dayBefore ? words.dayBeforePublicHolidays
                                     : words.publicHolidays;
    case Days::SchoolHoliday: return words.schoolHolidays;
    case Days::NthWeekday: {
        if (exception.offsetDays != 0) return {};
        std::string ordinals;
        for (std::size_t i = 0; i < exception.nth.size(); ++i) {
            const int n = exception.nth[i];
            const std::string& word = n > 0 ? words.ordinals[static_cast<std::size_t>(n - 1)]
                                            : words.fromTheEnd[static_cast<std::size_t>(-n - 1)];
            ordinals += (i == 0 ? "" : i + 1 == exception.nth.size() ? " " + words.andWord + " " : ", ") + word;
        }
        return fillPlaceholders(words.nthInMonth, {ordinals, words.days[static_cast<std::size_t>(exception.weekday)]});
    }
    case Days::Date: return dayMonth(exception.from);
    case Days::DateRange: return dayMonth(exception.from) + "–" + dayMonth(exception.to);
    case Days::Easter: return exception.offsetDays == 0 ? words.easterSunday : std::string();
    default: return {};
    }
}

std::string exceptionWhat(const OpeningHours::Exception& exception, const ExceptionWords& words) {
    std::string times;
    for (const TimeRange& range : exception.times)
        times += (times.empty() ? "" : ", ") + clockText(range.from) + "–" + clockText(range.to);
    switch (exception.state) {
    case HoursState::Closed: return times.empty() ? words.closed : times + " " + words.closed;
    case HoursState::Unknown: return times.empty() ? words.ask : times + ": " + words.ask;
    case HoursState::Open: break;
    }
    return times.empty() ? words.open : times;
}

}  // namespace

std::vector<std::string> exceptionLines(const OpeningHours& hours, const ExceptionWords& words, bool withPublicHolidays) {
    std::vector<std::string> lines;
    for (const OpeningHours::Exception& exception : hours.exceptions()) {
        if (!withPublicHolidays && exception.days == OpeningHours::Exception::Days::PublicHoliday && !exception.dayAfter &&
            !exception.dayBefore && exception.state == HoursState::Closed && exception.times.empty())
            continue;
        const std::string days = exceptionDays(exception, words);
        std::string line = days.empty() ? exception.text : days + " " + exceptionWhat(exception, words);
        if (!days.empty() && !exception.comment.empty()) line += " – " + exception.comment;
        lines.push_back(std::move(line));
    }
    return lines;
}

// ---------------------------------------------------------------------------------------
// evaluate

OpeningStatus evaluate(const OpeningHours& hours, LocalDateTime now, const HolidayCalendar& calendar) {
    OpeningStatus status;
    const int minute = now.minuteOfDay;
    const std::vector<HoursRange> today = hours.rangesOn(now.date, calendar);

    if (const HoursRange* range = rangeAt(today, minute)) {
        if (range->state == HoursState::Unknown) {
            status.comment = range->comment;
            return status;
        }
        status.state = OpenState::OpenNow;
        status.until = range->to;
        // Follow openings that continue at the next midnight, so "open until 02:00" is
        // shown rather than "until 24:00". A place open 24/7 stops at the look-ahead window.
        for (int day = 1; day <= kLookAheadDays && status.until == day * kMinutesPerDay; ++day) {
            const std::vector<HoursRange> next = hours.rangesOn(addDays(now.date, day), calendar);
            if (next.empty() || next.front().from != 0 || next.front().state != HoursState::Open) break;
            status.until = day * kMinutesPerDay + next.front().to;
        }
        return status;
    }
    std::optional<std::string> unknownComment;
    for (int day = 0; day <= kLookAheadDays; ++day) {
        const std::vector<HoursRange> ranges = day == 0 ? today : hours.rangesOn(addDays(now.date, day), calendar);
        for (const HoursRange& range : ranges) {
            if (day == 0 && range.from <= minute) continue;
            if (range.state == HoursState::Unknown) {
                if (!unknownComment) unknownComment = range.comment;
                continue;
            }
            status.state = day == 0 ? OpenState::OpensLaterToday : OpenState::ClosedToday;
            status.opensAt = range.from;
            if (day > 0) {
                status.nextDate = addDays(now.date, day);
                status.daysUntilNext = day;
            }
            return status;
        }
    }
    status.comment = unknownComment.value_or(std::string());
    status.closedNow = true;
    return status;  // Unknown: nothing known to open within the window
}

std::vector<TimeRange> weeklyTableIntervals(const OpeningHours& hours, Weekday day) {
    auto intervals = hours.regularIntervals(day);
    std::erase_if(intervals, [](const TimeRange& r) { return r.from == 0 && r.to < 12 * 60; });
    return intervals;
}

}  // namespace kiosk::core
