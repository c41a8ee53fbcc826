// Opening hours <-> HSDS schedules. Only what both sides mean the same is mapped; the rest travels as text.
#include "kiosk/hsds/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace kiosk::hsds {

using json = nlohmann::ordered_json;
using core::OpeningHours;

namespace {

constexpr std::array<const char*, 7> kIcalDays{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
constexpr std::array<const char*, 7> kOsmDays{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

std::string timeText(int minutes) {
    if (minutes >= 1440) return "23:59:59";  // the end of the day (24:00 is no valid time of day)
    return fmt::format("{:02}:{:02}:00", minutes / 60, minutes % 60);
}

std::string hhmm(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

struct Slot {
    int from = 0, to = 0;
    std::vector<int> days;
};

}  // namespace

std::vector<json> schedulesOf(const OpeningHours& hours) {
    bool exact = hours.comments().empty();
    std::vector<Slot> slots;  // in order of first appearance, Monday first
    for (int day = 0; day < 7; ++day)
        for (const auto& range : hours.regularRangesOn(static_cast<core::Weekday>(day))) {
            if (range.state != core::HoursState::Open) {
                exact = false;
                continue;
            }
            auto slot = std::find_if(slots.begin(), slots.end(),
                                     [&](const Slot& s) { return s.from == range.from && s.to == range.to; });
            if (slot == slots.end()) slot = slots.insert(slots.end(), Slot{range.from, range.to, {}});
            slot->days.push_back(day);
        }
    std::vector<json> rows;
    for (const auto& slot : slots) {
        std::string byday;
        for (int day : slot.days) byday += (byday.empty() ? "" : ",") + std::string(kIcalDays[static_cast<std::size_t>(day)]);
        rows.push_back(json{{"freq", "WEEKLY"}, {"wkst", "MO"}, {"byday", byday}, {"opens_at", timeText(slot.from)},
                            {"closes_at", timeText(slot.to)}});
    }
    for (const auto& exception : hours.exceptions()) {
        exact = false;
        const bool monthly = exception.days == OpeningHours::Exception::Days::NthWeekday && exception.offsetDays == 0 &&
                             exception.state == core::HoursState::Open;
        if (!monthly) continue;
        std::string byday;
        for (int n : exception.nth)
            byday += fmt::format("{}{}{}", byday.empty() ? "" : ",", n, kIcalDays[static_cast<std::size_t>(exception.weekday)]);
        for (const auto& time : exception.times)
            rows.push_back(json{{"freq", "MONTHLY"}, {"byday", byday}, {"opens_at", timeText(time.from)},
                                {"closes_at", timeText(time.to)}});
    }
    if (exact) return rows;
    if (rows.empty()) rows.push_back(json::object());
    for (auto& row : rows) row["description"] = hours.source();
    return rows;
}

namespace {

std::optional<int> minutesOf(const std::string& text) {
    int h = 0, m = 0;
    if (text.size() < 5 || std::sscanf(text.c_str(), "%2d:%2d", &h, &m) != 2 || h > 24 || m > 59) return std::nullopt;
    int minutes = h * 60 + m;
    if (minutes >= 1439) minutes = 1440;  // 23:59 and 23:59:59 close at the end of the day
    return minutes;
}

// "MO,WE" -> day numbers; "1MO,-1SU" -> ordinals with their day. Nothing when a token is not a day.
bool parseByday(const std::string& byday, std::vector<std::pair<int, int>>& out) {
    std::size_t start = 0;
    while (start <= byday.size()) {
        std::size_t end = byday.find(',', start);
        if (end == std::string::npos) end = byday.size();
        std::string token = byday.substr(start, end - start);
        token.erase(std::remove(token.begin(), token.end(), ' '), token.end());
        if (token.size() < 2) return false;
        const std::string day = token.substr(token.size() - 2);
        const auto it = std::find_if(kIcalDays.begin(), kIcalDays.end(), [&](const char* d) { return day == d; });
        if (it == kIcalDays.end()) return false;
        int nth = 0;
        if (token.size() > 2) {
            try {
                nth = std::stoi(token.substr(0, token.size() - 2));
            } catch (const std::exception&) {
                return false;
            }
            if (nth == 0 || nth < -5 || nth > 5) return false;
        }
        out.emplace_back(nth, static_cast<int>(it - kIcalDays.begin()));
        start = end + 1;
    }
    return true;
}

std::string daysText(const std::vector<int>& days) {
    std::string text;
    for (std::size_t i = 0; i < days.size();) {
        std::size_t j = i;
        while (j + 1 < days.size() && days[j + 1] == days[j] + 1) ++j;
        if (!text.empty()) text += ',';
        text += kOsmDays[static_cast<std::size_t>(days[i])];
        if (j > i) text += std::string(j == i + 1 ? "," : "-") + kOsmDays[static_cast<std::size_t>(days[j])];
        i = j + 1;
    }
    return text;
}

std::string rangesText(const std::vector<std::pair<int, int>>& ranges) {
    std::string text;
    for (const auto& [from, to] : ranges) text += (text.empty() ? "" : ",") + hhmm(from) + "-" + hhmm(to);
    return text;
}

const std::array<const char*, 12> kNotCarried{"valid_from", "valid_to", "dtstart", "timezone", "until", "count",
                                              "byweekno", "bymonthday", "byyearday", "schedule_link",
                                              "attending_type", "notes"};

}  // namespace

ImportedHours openingHoursOf(const std::vector<const Record*>& schedules) {
    ImportedHours result;
    for (const Record* s : schedules)
        if (s->has("description") && OpeningHours::read(s->get("description"))) {
            result.openingHours = s->get("description");
            return result;
        }
    std::array<std::vector<std::pair<int, int>>, 7> week;
    std::vector<std::string> monthly, comments;
    for (const Record* s : schedules) {
        const std::string where = fmt::format("schedule '{}'", s->get("id"));
        for (const char* field : kNotCarried)
            if (s->has(field))
                result.leftOut.push_back(fmt::format("{}\tfield '{}'\tnot carried: the kiosk's opening hours have no such rule", where, field));
        const auto opens = minutesOf(s->get("opens_at")), closes = minutesOf(s->get("closes_at"));
        std::vector<std::pair<int, int>> days;
        const std::string freq = s->get("freq");
        const bool timed = opens && closes && *closes > *opens;
        if (!timed || !parseByday(s->has("byday") ? s->get("byday") : "MO,TU,WE,TH,FR,SA,SU", days) ||
            (s->has("interval") && s->get("interval") != "1")) {
            if (s->has("freq") || s->has("opens_at"))
                result.leftOut.push_back(fmt::format("{}\tfield 'freq'\tnot carried: times the kiosk cannot read "
                                                     "(freq {}, byday '{}', interval '{}', {}-{})", where, freq,
                                                     s->get("byday"), s->get("interval"), s->get("opens_at"), s->get("closes_at")));
            if (s->has("description")) comments.push_back(s->get("description"));
            continue;
        }
        for (const auto& [nth, day] : days) {
            if (nth == 0 && freq != "MONTHLY") week[static_cast<std::size_t>(day)].emplace_back(*opens, *closes);
            else if (nth != 0) monthly.push_back(fmt::format("{}[{}] {}-{}", kOsmDays[static_cast<std::size_t>(day)], nth, hhmm(*opens), hhmm(*closes)));
        }
        if (s->has("description")) comments.push_back(s->get("description"));
    }
    std::vector<std::pair<std::vector<std::pair<int, int>>, std::vector<int>>> groups;
    for (int day = 0; day < 7; ++day) {
        auto& ranges = week[static_cast<std::size_t>(day)];
        if (ranges.empty()) continue;
        std::sort(ranges.begin(), ranges.end());
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& each) { return each.first == ranges; });
        if (g == groups.end()) groups.push_back({ranges, {day}});
        else g->second.push_back(day);
    }
    std::string text;
    for (const auto& [ranges, days] : groups) text += (text.empty() ? "" : "; ") + daysText(days) + " " + rangesText(ranges);
    for (const auto& rule : monthly) text += (text.empty() ? "" : ", ") + rule;
    if (!comments.empty()) {  // said in words: a comment under the weekly table, or the times to ask for
        std::string comment = comments.front();
        std::replace(comment.begin(), comment.end(), '"', '\'');
        std::replace(comment.begin(), comment.end(), '\n', ' ');
        const std::string withComment = text.empty() ? "\"" + comment + "\"" : text + " open \"" + comment + "\"";
        if (OpeningHours::read(withComment)) text = withComment;
        for (std::size_t i = text == withComment ? 1 : 0; i < comments.size(); ++i)
            result.leftOut.push_back(fmt::format("schedules\tfield 'description'\tnot carried: '{}'", comments[i]));
    }
    if (!text.empty() && !OpeningHours::read(text)) {
        result.leftOut.push_back(fmt::format("schedules\t-\tnot carried: '{}' is no opening hours the kiosk can read", text));
        text.clear();
    }
    result.openingHours = text;
    return result;
}

}  // namespace kiosk::hsds
