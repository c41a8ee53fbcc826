// Addresses, clock times and the weekly hours as text.
#include "kiosk/core/text_format.hpp"

#include <algorithm>

namespace kiosk::core {

std::string oneLineAddress(const Address& address) {
    std::string place = address.postalCode;
    if (!address.municipality.empty()) place += (place.empty() ? "" : " ") + address.municipality;
    if (address.street.empty()) return place;
    return place.empty() ? address.street : address.street + ", " + place;
}

std::string clockTime(int minuteOfDay) {
    minuteOfDay = ((minuteOfDay % (24 * 60)) + 24 * 60) % (24 * 60);
    const int hours = minuteOfDay / 60, minutes = minuteOfDay % 60;
    std::string text(5, ':');
    text[0] = static_cast<char>('0' + hours / 10);
    text[1] = static_cast<char>('0' + hours % 10);
    text[3] = static_cast<char>('0' + minutes / 10);
    text[4] = static_cast<char>('0' + minutes % 10);
    return text;
}

std::string dayTimes(const OpeningHours& hours, Weekday day, const std::string& closed, const std::string& ask) {
    auto ranges = hours.regularRangesOn(day);
    // A night range spilling into the next morning belongs to the day it starts.
    std::erase_if(ranges, [](const HoursRange& r) { return r.from == 0 && r.to < 12 * 60; });
    const auto nextDay = hours.regularRangesOn(static_cast<Weekday>((static_cast<int>(day) + 1) % 7));
    std::string times;
    for (const HoursRange& range : ranges) {
        int to = range.to;
        if (to == 24 * 60 && !nextDay.empty() && nextDay.front().from == 0 && nextDay.front().to < 12 * 60 &&
            nextDay.front().state == range.state)
            to = nextDay.front().to;  // "22:00–02:00", not "22:00–24:00"
        std::string text = clockTime(range.from) + "–" + clockTime(to);
        if (range.state == HoursState::Unknown) text = range.from == 0 && to == 24 * 60 ? ask : text + " (" + ask + ")";
        times += (times.empty() ? "" : ", ") + text;
    }
    return times.empty() ? closed : times;
}

std::vector<HoursRow> weeklyHoursRows(const OpeningHours& hours, const HoursWords& words) {
    std::vector<HoursRow> rows;
    for (int day = 0; day < 7; ++day)
        rows.push_back({words.days[static_cast<size_t>(day)],
                        dayTimes(hours, static_cast<Weekday>(day), words.closed, words.ask)});
    return rows;
}

std::vector<std::string> linesBelowWeek(const OpeningHours& hours, const HoursWords& words) {
    std::vector<std::string> lines;
    const bool holidaysClosed = hours.closedOnPublicHolidays();
    if (holidaysClosed) lines.push_back(words.holidaysClosed);
    for (std::string& line : exceptionLines(hours, words.exceptions, !holidaysClosed)) lines.push_back(std::move(line));
    for (const auto& comment : hours.comments())
        if (std::none_of(lines.begin(), lines.end(),
                         [&](const std::string& line) { return line.find(comment) != std::string::npos; }))
            lines.push_back(comment);
    return lines;
}

std::string weeklyHoursText(const OpeningHours& hours, const HoursWords& words) {
    if (hours.source() == "24/7") return words.always;
    std::string text;
    for (const HoursRow& row : weeklyHoursRows(hours, words)) text += row.day + ": " + row.times + "\n";
    for (const std::string& line : linesBelowWeek(hours, words)) text += line + "\n";
    if (!text.empty()) text.pop_back();
    return text;
}

}  // namespace kiosk::core
