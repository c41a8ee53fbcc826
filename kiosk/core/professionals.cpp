// Fields of work and the clock of events.
#include "kiosk/core/professionals.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::core {

const std::vector<std::string>& fieldsOfWork() {
    static const std::vector<std::string> fields{"counselling", "early-help", "transitions", "daycare", "school",
                                                 "health",      "money",      "leisure",     "housing"};
    return fields;
}

bool isFieldOfWork(std::string_view id) {
    const auto& fields = fieldsOfWork();
    return std::find(fields.begin(), fields.end(), id) != fields.end();
}

std::string Registration::qrText() const {
    if (!url.empty()) return url;
    if (!email.empty()) return "mailto:" + email;
    std::string digits;
    for (char c : phone)
        if ((c >= '0' && c <= '9') || c == '+') digits += c;
    return digits.empty() ? std::string() : "tel:" + digits;
}

bool operator<(const LocalDateTime& a, const LocalDateTime& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.minuteOfDay < b.minuteOfDay;
}

std::string isoDateTime(LocalDateTime time) {
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", time.minuteOfDay / 60 % 100, time.minuteOfDay % 60);
    return isoDate(time.date) + "T" + clock;
}

std::optional<LocalDateTime> parseIsoDateTime(std::string_view text) {
    if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
    const auto date = parseIsoDate(text.substr(0, 10));
    auto number = [&](size_t at) {
        const char a = text[at], b = text[at + 1];
        return (a < '0' || a > '9' || b < '0' || b > '9') ? -1 : (a - '0') * 10 + (b - '0');
    };
    const int hour = number(11), minute = number(14);
    if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    return LocalDateTime{*date, hour * 60 + minute};
}

EventState eventState(const Event& event, LocalDateTime now) {
    if (!(now < event.end)) return EventState::Past;
    if (!(now < event.start)) return EventState::Running;
    return EventState::Upcoming;
}

std::vector<const Event*> visibleEvents(const std::vector<Event>& events, LocalDateTime now) {
    std::vector<const Event*> shown;
    for (const Event& event : events)
        if (eventState(event, now) != EventState::Past) shown.push_back(&event);
    // A running event has started before any upcoming one: soonest start first puts it on top.
    std::stable_sort(shown.begin(), shown.end(), [](const Event* a, const Event* b) { return a->start < b->start; });
    return shown;
}

}  // namespace kiosk::core
