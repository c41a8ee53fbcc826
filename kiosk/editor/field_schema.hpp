// The fields of each content file as the editor offers them: what kind of input each one takes.
// Labels and help texts are the editor's words ("editor.field.<name>", "editor.help.<name>").
#pragma once

#include <string>
#include <vector>

namespace kiosk::editor {

enum class FieldKind {
    Id,          // the entry's id: shown, renamed only through the model's checks
    Text,        // one line of plain text (phone, icon, web address)
    Translated,  // a text per language, German required
    Hours,       // opening hours with the live reading
    Provider,    // one provider, chosen from a list
    LifeStages,  // life stages, ticked from a list
    Topics,      // topics, ticked from a list
    Codes,       // language codes ("de, en, tr")
    Flag,        // yes / no
    Address,     // street, postal code, municipality
    Location,    // latitude and longitude, picked on the map
    Audio,       // a sound file per language
    Keywords,    // words per language
    Holidays,    // school holidays (name, from, to): a row each
    // For professionals (practices, events, working groups):
    Date,        // a day, YYYY-MM-DD, with the weekday read back
    DateTime,    // a local date and time, YYYY-MM-DDTHH:MM, read back as the kiosk shows it
    Place,       // an event's place: online, a provider chosen from a list, or an address
    Register,    // how to register: url, email, phone
    Contact,     // whom to ask: name, phone, email
    FieldsOfWork,  // fields of work, ticked from the kiosk's list (the first ticked is the main one)
    Providers,   // providers, chosen from a list one by one
};

struct Field {
    std::string name;  // the YAML key
    FieldKind kind;
    bool required = false;
};

// The fields of `file` ("offers.yaml"), in the order the form shows them; empty for a file the
// editor does not know (it is then listed, not edited).
const std::vector<Field>& fieldsOf(const std::string& file);

// The field of an entry that names it in lists: title, name.
std::string titleFieldOf(const std::string& file);

}  // namespace kiosk::editor
