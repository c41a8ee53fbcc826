// Texts written the same way wherever they appear (a screen, the printed slip, the spoken
// listing, the website): pure formatting, no ImGui; the kiosk's own words are passed in.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/core/opening_hours.hpp"

#include <array>
#include <string>
#include <vector>

namespace kiosk::core {

// "Marktplatz 1, 73728 Esslingen am Neckar", as on the door; the parts an address has, empty
// when it has none.
std::string oneLineAddress(const Address& address);

// "08:05" for a minute of the day (a minute past midnight of the next day counts from 00:00 again).
std::string clockTime(int minuteOfDay);

// The words the weekly hours need, in the reader's language (the UI takes them from the .po files).
struct HoursWords {
    std::array<std::string, 7> days;  // "Montag" … "Sonntag", Monday first as core::Weekday
    std::string closed;               // "geschlossen"
    std::string always;               // "rund um die Uhr geöffnet" (24/7)
    std::string holidaysClosed;       // "an Feiertagen geschlossen"
};

// "08:00–12:00, 13:00–18:00" on `day`, or `closed`. A night range reaching into the morning
// belongs to the day it starts, so Tuesday does not show Monday night's "00:00–02:00".
std::string dayTimes(const OpeningHours& hours, Weekday day, const std::string& closed);

// One row per weekday ("Montag", "08:00–12:00"), for a table.
struct HoursRow {
    std::string day;
    std::string times;
};
std::vector<HoursRow> weeklyHoursRows(const OpeningHours& hours, const HoursWords& words);

// The week as lines ("Montag: 08:00–12:00"), then the holiday rule and the rules' comments;
// only `words.always` for 24/7.
std::string weeklyHoursText(const OpeningHours& hours, const HoursWords& words);

}  // namespace kiosk::core
