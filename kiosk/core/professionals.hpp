// The network's side for professionals: examples of good practice, talks and trainings, working
// groups, and the fields of work that the map of actors filters by. Standard library only.
#pragma once

#include "kiosk/core/localized_text.hpp"
#include "kiosk/core/opening_hours.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// The fields of work an actor, a practice or a working group names (`fields:` in the content):
// the network's three focus areas first, then the others. The kiosk's words: "field.<id>".
const std::vector<std::string>& fieldsOfWork();
bool isFieldOfWork(std::string_view id);

// Whom to ask: a person or an office, by phone or email (any may be empty).
struct ContactPerson {
    std::string name;
    std::string phone;
    std::string email;
    bool empty() const { return name.empty() && phone.empty() && email.empty(); }
};

struct Practice {  // an example of good practice
    std::string id;
    LocalizedText title;
    LocalizedText summary;
    LocalizedText description;
    std::vector<std::string> fields;     // fields of work, the first the main one
    std::string municipality;            // where it happens
    std::vector<std::string> providers;  // the providers involved, by id
    ContactPerson contact;
    std::optional<Date> started;
    LocalizedText status;  // "läuft seit 2023", "abgeschlossen" …
    std::string image;     // optional picture (PNG or JPEG), relative to the content folder
    LocalizedText imageAlt;  // what the picture shows, in words (required with an image): the website's alt text
    LocalizedText audio;   // optional spoken explanation per language
    bool sample = false;
};

struct Registration {  // how to register for an event; at least one is expected (a warning otherwise)
    std::string phone;
    std::string email;
    std::string url;
    bool empty() const { return phone.empty() && email.empty() && url.empty(); }
    // What its QR code holds: the URL, else a mailto:, else a tel: link.
    std::string qrText() const;
};

struct EventPlace {  // a provider's house, an address, or online
    std::string provider;  // provider id
    std::string street, postalCode, municipality;
    bool online = false;
};

struct Event {  // a talk, a training or a network meeting
    std::string id;
    LocalizedText title;
    LocalizedText description;
    LocalDateTime start;
    LocalDateTime end;
    EventPlace place;
    LocalizedText audience;
    LocalizedText cost;  // empty: free of charge
    Registration registration;
    LocalizedText capacity;  // "max. 25 Plätze"
    bool sample = false;
};

struct WorkingGroup {
    std::string id;
    LocalizedText title;
    LocalizedText purpose;
    std::vector<std::string> fields;
    LocalizedText meets;  // how often and where
    ContactPerson contact;
    LocalizedText join;   // how to join
    bool sample = false;
};

bool operator<(const LocalDateTime& a, const LocalDateTime& b);
// "2027-01-20T14:00", and back (nothing for anything else, a day that does not exist included).
std::string isoDateTime(LocalDateTime time);
std::optional<LocalDateTime> parseIsoDateTime(std::string_view text);

enum class EventState { Past, Running, Upcoming };
// Past once its end has come; running from its start until then.
EventState eventState(const Event& event, LocalDateTime now);
// The events a professional may still attend at `now`: running ones first, then the upcoming,
// soonest first (content order where two start together). Past events are never shown.
std::vector<const Event*> visibleEvents(const std::vector<Event>& events, LocalDateTime now);

}  // namespace kiosk::core
