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

std::string dayTimes(const OpeningHours& hours, Weekday day, const std::string& closed) {
    std::string times;
    for (const auto& range : weeklyTableIntervals(hours, day))
        times += (times.empty() ? "" : ", ") + clockTime(range.from) + "–" + clockTime(range.to);
    return times.empty() ? closed : times;
}

std::vector<HoursRow> weeklyHoursRows(const OpeningHours& hours, const HoursWords& words) {
    std::vector<HoursRow> rows;
    for (int day = 0; day < 7; ++day)
        rows.push_back({words.days[static_cast<size_t>(day)], dayTimes(hours, static_cast<Weekday>(day), words.closed)});
    return rows;
}

std::string weeklyHoursText(const OpeningHours& hours, const HoursWords& words) {
    if (hours.source() == "24/7") return words.always;
    std::string text;
    for (const HoursRow& row : weeklyHoursRows(hours, words)) text += row.day + ": " + row.times + "\n";
    if (hours.closedOnPublicHolidays()) text += words.holidaysClosed + "\n";
    for (const auto& comment : hours.comments()) text += comment + "\n";
    if (!text.empty()) text.pop_back();
    return text;
}

}  // namespace kiosk::core
