// Opening hours (the kiosk's OpenStreetMap syntax) as HSDS 3.0 schedules (iCalendar-style) and back.
#pragma once

#include "kiosk/core/opening_hours.hpp"
#include "kiosk/hsds/dataset.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kiosk::hsds {

// The schedules of `hours`, without id and link: one WEEKLY row per time range with the weekdays that
// have it (byday "MO,TU", opens_at "08:00:00", closes_at "12:00:00"), and a MONTHLY row for rules such as
// "Mo[1] 15:00-17:00" (byday "1MO"). When the value says more than these rows (public or school holidays,
// dates, months, comments, "unknown", open ends …), every row's description holds the value as written,
// and a value with no weekly time at all becomes one row with only that description.
std::vector<nlohmann::ordered_json> schedulesOf(const core::OpeningHours& hours);

struct ImportedHours {
    std::string openingHours;           // the kiosk's syntax; empty: none
    std::vector<std::string> leftOut;   // "field 'valid_from': …": what the schedules said that the text does not
};

// The kiosk's opening_hours for the schedules of one place: a description that is itself a valid
// opening_hours value (as this export writes it) is taken as it is; else WEEKLY and MONTHLY rows become
// rules; a schedule with only a description becomes a comment ("nach Vereinbarung": times to ask for).
ImportedHours openingHoursOf(const std::vector<const Record*>& schedules);

}  // namespace kiosk::hsds
