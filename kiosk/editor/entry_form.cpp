// Middle: the selected entry's fields, each with its help text, its problems and a fitting input.
#include "kiosk/core/opening_hours.hpp"
#include "kiosk/core/professionals.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/editing/content_ids.hpp"
#include "kiosk/editing/map_pick.hpp"
#include "kiosk/editor/editor_state.hpp"
#include "kiosk/editor/field_schema.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GetItemID: which input the typing is in (ImGui 1.86)

#include <array>
#include <set>
#include <fmt/format.h>
#include <sstream>

namespace kiosk::editor {

namespace {

using editing::EntryRef;

const ImVec4 kProblemColour(0.72f, 0.08f, 0.08f, 1);

int growString(ImGuiInputTextCallbackData* data) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
    return 0;
}

// The label of the field drawn: its inputs are named "Feld <label>" for scripts.
std::string g_fieldLabel;

// An input of a std::string; true on a change. `lines` > 1: a box of that many lines.
bool inputString(const char* id, std::string& text, int lines = 1) {
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    bool changed = false;
    if (lines > 1) {
        changed = ImGui::InputTextMultiline(id, text.data(), text.capacity() + 1,
                                            ImVec2(-1, ImGui::GetTextLineHeight() * static_cast<float>(lines + 1)),
                                            flags, growString, &text);
    } else {
        ImGui::SetNextItemWidth(-1);
        changed = ImGui::InputText(id, text.data(), text.capacity() + 1, flags, growString, &text);
    }
    noteItem("Feld " + g_fieldLabel);
    return changed;
}

// Typing in one field is one undo step: from the first key after the field was entered.
ImGuiID g_typingIn = 0;
bool typing() {
    const bool same = g_typingIn == ImGui::GetItemID();
    g_typingIn = ImGui::GetItemID();
    return same;
}
void endTyping() {
    if (ImGui::IsItemDeactivated()) g_typingIn = 0;
}

std::string scalarOf(const YAML::Node& node) { return node && node.IsScalar() ? node.Scalar() : std::string(); }

std::string textIn(const YAML::Node& value, const std::string& language) {
    if (!value) return {};
    if (value.IsScalar()) return language == "de" ? value.Scalar() : std::string();
    return value.IsMap() ? scalarOf(value[language]) : std::string();
}

void note(EditorState& state, const core::Result<void>& done) {
    if (done) return;
    state.message = ui::problemText(done.problem(), state.words);
    state.messageIsProblem = true;
}

void languageTabs(EditorState& state, const YAML::Node& value, const std::string& field) {
    for (const auto& code : ui::uiLanguages()) {
        const bool missing = textIn(value, code).empty();
        const std::string label = code + (missing ? " -" : "") + "##" + field + code;
        const bool chosen = code == state.textLanguage;
        if (chosen) {
            ImGui::PushStyleColor(ImGuiCol_Button, ui::palette().primary);
            ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().onPrimary);
        }
        if (ImGui::SmallButton(label.c_str())) state.textLanguage = code;
        noteItem("Sprache " + g_fieldLabel + " " + code);
        if (chosen) ImGui::PopStyleColor(2);
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void translated(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    languageTabs(state, value, field.name);
    std::string text = textIn(value, state.textLanguage);
    if (state.textLanguage != "de" && text.empty())
        ImGui::TextDisabled("%s", fmt::format(fmt::runtime(words(state, "editor.translation_missing")),
                                              ui::languageName(state.textLanguage, state.words)).c_str());
    const int lines = field.name == "description" ? 5 : field.name == "purpose" || field.name == "join" ? 3 : 1;
    if (inputString(("##" + field.name).c_str(), text, lines))
        note(state, state.document.setText(where, field.name, state.textLanguage, text, typing()));
    endTyping();
}

void hours(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    std::string text = scalarOf(value);
    if (inputString(("##" + field.name).c_str(), text))
        note(state, state.document.setText(where, field.name, "de", text, typing()));
    endTyping();
    if (text.empty()) return;
    auto read = core::OpeningHours::read(text);
    if (!read) {
        ImGui::TextColored(kProblemColour, "%s", read.problem().english().c_str());
        noteItem(read.problem().english(), false);
        return;
    }
    const core::HolidayCalendar calendar(state.catalog ? state.catalog->network.schoolHolidays
                                                       : std::vector<core::SchoolHoliday>{});
    const std::string week = core::weeklyHoursText(*read, ui::hoursWords(state.words));
    const std::string today = ui::openingStatusText(*read, state.now, calendar, state.words);
    const std::string reading = fmt::format(fmt::runtime(words(state, "editor.hours_reading")), week, today);
    ImGui::TextWrapped("%s", reading.c_str());
    noteItem(reading, false);
}

void chooseProvider(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    const std::string current = scalarOf(value);
    const auto providers = state.document.fileIndex("providers.yaml");
    ImGui::SetNextItemWidth(-1);
    if (!providers || !ImGui::BeginCombo(("##" + field.name).c_str(), current.c_str())) return;
    const auto& file = state.document.files()[*providers];
    for (std::size_t i = 0; i < file.entries.size(); ++i) {
        const std::string id = state.document.entryId({*providers, i});
        const std::string name = textIn(file.entries[i]["name"], "de");
        if (ImGui::Selectable((name + " (" + id + ")").c_str(), id == current))
            note(state, state.document.setField(where, field.name, YAML::Node(id)));
    }
    ImGui::EndCombo();
}



void chooseMany(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    const auto from = state.document.fileIndex(field.kind == FieldKind::Topics ? "topics.yaml" : "life_stages.yaml");
    if (!from) return;
    const auto& file = state.document.files()[*from];
    std::vector<std::string> chosen;
    if (value && value.IsSequence())
        for (const auto& item : value) chosen.push_back(scalarOf(item));
    for (std::size_t i = 0; i < file.entries.size(); ++i) {
        const std::string id = state.document.entryId({*from, i});
        bool on = std::find(chosen.begin(), chosen.end(), id) != chosen.end();
        const std::string label = textIn(file.entries[i]["title"], "de") + "##" + field.name + id;
        if (ImGui::Checkbox(label.c_str(), &on)) {
            YAML::Node list(YAML::NodeType::Sequence);
            for (std::size_t j = 0; j < file.entries.size(); ++j) {  // in the file's order
                const std::string other = state.document.entryId({*from, j});
                const bool keep = other == id ? on : std::find(chosen.begin(), chosen.end(), other) != chosen.end();
                if (keep) list.push_back(other);
            }
            note(state, state.document.setField(where, field.name, list));
        }
        if (i % 2 == 0 && i + 1 < file.entries.size()) ImGui::SameLine(ImGui::GetWindowWidth() * 0.5f);  // two a row
    }
}

// A list typed as "a, b, c" and back.
std::string joinedList(const YAML::Node& value) {
    std::string text;
    if (value && value.IsSequence())
        for (const auto& item : value) text += (text.empty() ? "" : ", ") + scalarOf(item);
    return text;
}
YAML::Node splitList(const std::string& text) {
    YAML::Node list(YAML::NodeType::Sequence);
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) list.push_back(item);
    }
    return list;
}

void codes(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    std::string text = joinedList(value);
    if (inputString(("##" + field.name).c_str(), text)) {
        const YAML::Node list = splitList(text);
        note(state, state.document.setField(where, field.name,
                                            list.size() ? std::optional<YAML::Node>(list) : std::nullopt, typing()));
    }
    endTyping();
}

// Search words per language: a tab per language, the words typed with commas between.
void keywords(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    YAML::Node shown(YAML::NodeType::Map);  // each language's words as one text, for the tabs' "-"
    if (value && value.IsMap())
        for (const auto& language : value) shown[language.first.Scalar()] = joinedList(language.second);
    languageTabs(state, shown, field.name);
    std::string text = value && value.IsMap() ? joinedList(value[state.textLanguage]) : std::string();
    if (inputString(("##" + field.name).c_str(), text)) {
        YAML::Node words(YAML::NodeType::Map);
        if (value && value.IsMap())
            for (const auto& language : value)
                if (language.first.Scalar() != state.textLanguage) words[language.first.Scalar()] = YAML::Clone(language.second);
        if (const YAML::Node list = splitList(text); list.size()) words[state.textLanguage] = list;
        note(state, state.document.setField(where, field.name,
                                            words.size() ? std::optional<YAML::Node>(words) : std::nullopt, typing()));
    }
    endTyping();
}

// School holidays: a row per holiday (name, first day, last day), one to add, one to remove each.
void holidays(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    std::vector<std::array<std::string, 3>> rows;
    if (value && value.IsSequence())
        for (const auto& item : value) rows.push_back({scalarOf(item["name"]), scalarOf(item["from"]), scalarOf(item["to"])});
    static constexpr std::array<const char*, 3> kKeys{"name", "from", "to"};
    bool changed = false, merge = false;
    std::optional<std::size_t> removed;
    if (ImGui::Button(words(state, "editor.holiday.add").c_str())) {  // on top, where it is seen: the new row first
        rows.insert(rows.begin(), {words(state, "editor.holiday.new"), "", ""});
        changed = true;
    }
    noteItem(words(state, "editor.holiday.add"));
    const float column = (ImGui::GetContentRegionAvail().x - 8 * ui::em()) / 3;
    for (std::size_t row = 0; row < rows.size(); ++row) {
        ImGui::PushID(static_cast<int>(row));
        for (std::size_t key = 0; key < kKeys.size(); ++key) {
            g_fieldLabel = words(state, std::string("editor.holiday.") + kKeys[key]) + " " + std::to_string(row + 1);
            ImGui::SetNextItemWidth(column);
            ImGui::InputText(("##" + std::string(kKeys[key])).c_str(), rows[row][key].data(), rows[row][key].capacity() + 1,
                             ImGuiInputTextFlags_CallbackResize, growString, &rows[row][key]);
            noteItem("Feld " + g_fieldLabel);
            if (ImGui::IsItemEdited()) {
                changed = true;
                merge = typing();
            }
            endTyping();
            ImGui::SameLine();
        }
        if (ImGui::Button(words(state, "editor.holiday.remove").c_str())) removed = row;
        noteItem(words(state, "editor.holiday.remove") + " " + std::to_string(row + 1));
        ImGui::PopID();
    }
    if (removed) {
        rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*removed));
        changed = true;
    }
    if (!changed) return;
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto& [name, from, to] : rows) {
        YAML::Node holiday(YAML::NodeType::Map);
        holiday["name"] = name;
        holiday["from"] = from;
        holiday["to"] = to;
        list.push_back(holiday);
    }
    note(state, state.document.setField(where, field.name, list.size() ? std::optional<YAML::Node>(list) : std::nullopt,
                                        merge && !removed));
}

// A map of a few texts, a labelled input each (words "<words><key>"): an address, a contact, a registration.
void nested(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value,
            std::initializer_list<const char*> keys, const std::string& wordsOf) {
    for (const char* key : keys) {
        ImGui::TextUnformatted(words(state, wordsOf + key).c_str());
        g_fieldLabel = words(state, wordsOf + key);
        std::string text = value && value.IsMap() ? scalarOf(value[key]) : std::string();
        if (inputString(("##" + field.name + key).c_str(), text))
            note(state, state.document.setNested(where, field.name, key, text, typing()));
        endTyping();
    }
}

void address(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    nested(state, where, field, value, {"street", "postal_code", "municipality"}, "editor.address.");
}

// "Donnerstag, 14.01.2027": a day as the kiosk names it.
std::string dayReading(const EditorState& state, core::Date day) {
    return ui::tr("day." + std::to_string(static_cast<int>(core::weekdayOf(day))), state.words) +
           fmt::format(", {:02}.{:02}.{}", day.day, day.month, day.year);
}

// An event's time as its kiosk screen shows it, and whether families will see it at all.
std::string eventReading(const EditorState& state, core::LocalDateTime start, core::LocalDateTime end) {
    if (end < start) return words(state, "editor.event.end_before_start");
    core::Event event;
    event.start = start;
    event.end = end;
    const core::EventState when = core::eventState(event, state.now);
    return ui::eventWhen(event, state.words) + " · " +
           words(state, when == core::EventState::Past      ? "editor.event.past"
                        : when == core::EventState::Running ? "editor.event.running"
                                                            : "editor.event.upcoming");
}

// A day (YYYY-MM-DD) or a local date and time (YYYY-MM-DDTHH:MM) typed as text, read back live.
void dateField(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    std::string text = scalarOf(value);
    if (inputString(("##" + field.name).c_str(), text))  // kept plain, as the content format writes it
        note(state, state.document.setField(where, field.name,
                                            text.empty() ? std::nullopt : std::optional<YAML::Node>(YAML::Node(text)), typing()));
    endTyping();
    if (text.empty()) return;
    std::string reading;
    bool wrong = false;
    if (field.kind == FieldKind::Date) {
        const auto day = core::parseIsoDate(text);
        wrong = !day;
        reading = day ? dayReading(state, *day) : fmt::format(fmt::runtime(words(state, "editor.date_error")), text);
    } else if (const auto time = core::parseIsoDateTime(text); !time) {
        wrong = true;
        reading = fmt::format(fmt::runtime(words(state, "editor.datetime_error")), text);
    } else {
        const YAML::Node entry = state.document.entry(where);
        const auto start = core::parseIsoDateTime(scalarOf(entry["start"]));
        const auto end = core::parseIsoDateTime(scalarOf(entry["end"]));
        reading = start && end ? eventReading(state, *start, *end)
                               : dayReading(state, time->date) + ", " + core::clockTime(time->minuteOfDay);
    }
    if (wrong) ImGui::TextColored(kProblemColour, "%s", reading.c_str());
    else ImGui::TextWrapped("%s", reading.c_str());
    noteItem(reading, false);
}

std::string providerName(const EditorState& state, std::size_t providers, std::size_t entry) {
    return textIn(state.document.files()[providers].entries[entry]["name"], "de") + " (" +
           state.document.entryId({providers, entry}) + ")";
}

// An event's place: online, at a provider (chosen from the list) or at an address.
void place(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    enum class Mode { Online, Provider, Address };
    const Mode mode = value && value.IsMap() ? Mode::Address : scalarOf(value) == "online" ? Mode::Online : Mode::Provider;
    const std::array<std::pair<Mode, const char*>, 3> modes{
        {{Mode::Provider, "editor.place.provider"}, {Mode::Address, "editor.place.address"}, {Mode::Online, "editor.place.online"}}};
    for (const auto& [choice, key] : modes) {
        if (ImGui::RadioButton(words(state, key).c_str(), mode == choice) && mode != choice) {
            std::optional<YAML::Node> next;  // a provider still to be chosen: none yet
            if (choice == Mode::Online) next = YAML::Node("online");
            if (choice == Mode::Address) next = YAML::Node(YAML::NodeType::Map);
            note(state, state.document.setField(where, field.name, next));
        }
        noteItem(words(state, key));
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (mode == Mode::Provider) chooseProvider(state, where, field, value);
    if (mode == Mode::Address) address(state, where, field, value);
}

// Fields of work ticked from the kiosk's list; a new one goes last, so the first (the main one) stays.
void fieldsOfWork(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    std::vector<std::string> chosen;
    if (value && value.IsSequence())
        for (const auto& item : value) chosen.push_back(scalarOf(item));
    const auto& all = core::fieldsOfWork();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto at = std::find(chosen.begin(), chosen.end(), all[i]);
        bool on = at != chosen.end();
        const std::string label = ui::tr("field." + all[i], state.words);
        if (ImGui::Checkbox((label + "##" + all[i]).c_str(), &on)) {
            std::vector<std::string> next = chosen;
            if (on) next.push_back(all[i]);
            else next.erase(next.begin() + (at - chosen.begin()));
            YAML::Node list(YAML::NodeType::Sequence);
            for (const auto& id : next) list.push_back(id);
            note(state, state.document.setField(where, field.name, next.empty() ? std::nullopt : std::optional<YAML::Node>(list)));
        }
        noteItem(g_fieldLabel + " " + label);
        if (i % 2 == 0 && i + 1 < all.size()) ImGui::SameLine(ImGui::GetWindowWidth() * 0.5f);  // two a row, as the topics
    }
}

// Providers involved: each chosen from the list, each removable.
void chooseProviders(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    const auto providers = state.document.fileIndex("providers.yaml");
    if (!providers) return;
    std::vector<std::string> chosen;
    if (value && value.IsSequence())
        for (const auto& item : value) chosen.push_back(scalarOf(item));
    std::optional<std::vector<std::string>> next;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        // The button first: a long name would push it out of the form.
        if (ImGui::SmallButton((words(state, "editor.holiday.remove") + "##" + chosen[i]).c_str())) {
            next = chosen;
            next->erase(next->begin() + static_cast<std::ptrdiff_t>(i));
        }
        ImGui::SameLine();
        const auto at = state.document.findEntry("providers.yaml", chosen[i]);
        ImGui::TextUnformatted((at ? providerName(state, *providers, at->entry) : chosen[i]).c_str());
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(("##" + field.name).c_str(), words(state, "editor.providers.add").c_str())) {
        const auto& file = state.document.files()[*providers];
        for (std::size_t i = 0; i < file.entries.size(); ++i) {
            const std::string id = state.document.entryId({*providers, i});
            if (std::find(chosen.begin(), chosen.end(), id) != chosen.end()) continue;
            if (ImGui::Selectable(providerName(state, *providers, i).c_str())) {
                next = chosen;
                next->push_back(id);
            }
        }
        ImGui::EndCombo();
    }
    noteItem(words(state, "editor.providers.add"));
    if (!next) return;
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto& id : *next) list.push_back(id);
    note(state, state.document.setField(where, field.name, next->empty() ? std::nullopt : std::optional<YAML::Node>(list)));
}

void location(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    double point[2] = {0, 0};
    if (value && value.IsSequence() && value.size() == 2) {
        point[0] = std::strtod(scalarOf(value[0]).c_str(), nullptr);
        point[1] = std::strtod(scalarOf(value[1]).c_str(), nullptr);
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputScalarN(("##" + field.name).c_str(), ImGuiDataType_Double, point, 2, nullptr, nullptr, "%.5f")) {
        YAML::Node list(YAML::NodeType::Sequence);
        list.push_back(fmt::format("{:.5f}", point[0]));
        list.push_back(fmt::format("{:.5f}", point[1]));
        note(state, state.document.setField(where, field.name, list, typing()));
    }
    endTyping();
    if (!state.map) return;  // the map data could not be read: the numbers alone
    const bool placed = value && value.IsSequence() && value.size() == 2;
    const float width = std::min(ImGui::GetContentRegionAvail().x, 26 * ui::em());
    ImGui::BeginGroup();
    const core::MapViewport viewport = ui::districtPicture(*state.map, nullptr,
        placed ? std::optional<core::GeoPoint>(core::GeoPoint{point[0], point[1]}) : std::nullopt, width);
    ImGui::EndGroup();
    const bool tapped = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    noteItem(words(state, "editor.map_tap"));
    if (!tapped) return;
    const ImVec2 at = ImGui::GetIO().MousePos;
    if (const auto picked = editing::locationAt(*state.map, viewport, at.x, at.y)) {
        YAML::Node list(YAML::NodeType::Sequence);
        list.push_back(fmt::format("{:.5f}", picked->latitude));
        list.push_back(fmt::format("{:.5f}", picked->longitude));
        note(state, state.document.setField(where, field.name, list));  // one step to undo
    }
}

// A new entry's id is made from "Neuer Eintrag": once it has a German title, an id from that (unique
// in the file) is proposed, and a click puts it in the rename box.
void proposeIdButton(EditorState& state, EntryRef where) {
    const auto& file = state.document.files()[where.file];
    const std::string id = state.document.entryId(where);
    if (!id.starts_with(editing::proposeId(words(state, "editor.new_title"), {}))) return;
    std::set<std::string> taken;
    for (std::size_t i = 0; i < file.entries.size(); ++i)
        if (i != where.entry) taken.insert(state.document.entryId({where.file, i}));
    const std::string title = textIn(state.document.entry(where)[titleFieldOf(file.name)], "de");
    const std::string proposed = editing::proposeId(title, taken);
    if (title.empty() || proposed == id) return;
    const std::string label = fmt::format(fmt::runtime(words(state, "editor.id_proposed")), proposed);
    if (ImGui::SmallButton(label.c_str())) state.renameTo = proposed;
    noteItem(label);
}

void identity(EditorState& state, EntryRef where) {
    ImGui::TextUnformatted(state.document.entryId(where).c_str());
    const auto uses = state.document.usesOf(where);
    if (!uses.empty())
        ImGui::TextDisabled("%s", fmt::format(fmt::runtime(words(state, "editor.id_used_by")), uses.size()).c_str());
    proposeIdButton(state, where);
    ImGui::SetNextItemWidth(20 * ui::em());
    g_fieldLabel = words(state, "editor.rename");
    inputString("##rename", state.renameTo);
    ImGui::SameLine();
    if (ImGui::Button(words(state, "editor.rename").c_str())) {
        auto renamed = state.document.renameId(where, state.renameTo);
        note(state, renamed);
        if (renamed) state.renameTo.clear();
    }
}

void otherField(EditorState& state, EntryRef where, const Field& field, const YAML::Node& value) {
    if (field.kind == FieldKind::Flag) {
        bool on = value && value.IsScalar() && (value.Scalar() == "true" || value.Scalar() == "yes");
        if (ImGui::Checkbox(("##" + field.name).c_str(), &on))
            note(state, state.document.setField(where, field.name, on ? std::optional<YAML::Node>(YAML::Node(true)) : std::nullopt));
    } else if (field.kind == FieldKind::Text) {
        std::string text = scalarOf(value);
        if (inputString(("##" + field.name).c_str(), text))
            note(state, state.document.setText(where, field.name, "de", text, typing()));
        endTyping();
    } else if (field.kind == FieldKind::Audio) {
        translated(state, where, field, value);
        const std::string path = textIn(value, state.textLanguage);
        if (!path.empty() && !std::filesystem::exists(state.document.folder() / path))
            ImGui::TextDisabled("%s", words(state, "editor.audio_missing").c_str());
        drawAudioTools(state, path);
    } else if (field.kind == FieldKind::Keywords) {
        keywords(state, where, field, value);
    } else if (field.kind == FieldKind::Holidays) {
        holidays(state, where, field, value);
    }
}

void drawField(EditorState& state, EntryRef where, const Field& field) {
    const YAML::Node value = state.document.entry(where)[field.name];
    ImGui::PushID(field.name.c_str());
    ImGui::Spacing();
    ImGui::PushFont(ui::fonts().bold);
    g_fieldLabel = words(state, "editor.field." + field.name);
    ImGui::TextUnformatted((g_fieldLabel + (field.required ? " *" : "")).c_str());
    ImGui::PopFont();
    if (state.jumpTo == field.name) {
        ImGui::SetScrollHereY(0.2f);
        ImGui::SetKeyboardFocusHere(0);  // the field's first input
    }
    ImGui::PushTextWrapPos(0);
    // Help for this file's field where it differs ("editor.help.events.title"), else the field's.
    const std::string& file = state.document.files()[where.file].name;
    const std::string specific = "editor.help." + file.substr(0, file.find('.')) + "." + field.name;
    const std::string& help = words(state, specific);
    ImGui::TextDisabled("%s", (help == specific ? words(state, "editor.help." + field.name) : help).c_str());
    ImGui::PopTextWrapPos();
    for (const auto& problem : state.problems)
        if (problem.where == where && problem.field == field.name)
        {
            ImGui::TextColored(kProblemColour, "%s", problem.error.message.c_str());
            noteItem(problem.error.message, false);
        }
    switch (field.kind) {
    case FieldKind::Id: identity(state, where); break;
    case FieldKind::Translated: translated(state, where, field, value); break;
    case FieldKind::Hours: hours(state, where, field, value); break;
    case FieldKind::Provider: chooseProvider(state, where, field, value); break;
    case FieldKind::LifeStages:
    case FieldKind::Topics: chooseMany(state, where, field, value); break;
    case FieldKind::Codes: codes(state, where, field, value); break;
    case FieldKind::Address: address(state, where, field, value); break;
    case FieldKind::Contact: nested(state, where, field, value, {"name", "phone", "email"}, "editor.contact."); break;
    case FieldKind::Register: nested(state, where, field, value, {"url", "email", "phone"}, "editor.register."); break;
    case FieldKind::Date:
    case FieldKind::DateTime: dateField(state, where, field, value); break;
    case FieldKind::Place: place(state, where, field, value); break;
    case FieldKind::FieldsOfWork: fieldsOfWork(state, where, field, value); break;
    case FieldKind::Providers: chooseProviders(state, where, field, value); break;
    case FieldKind::Location: location(state, where, field, value); break;
    default: otherField(state, where, field, value); break;
    }
    ImGui::PopID();
}

}  // namespace

void drawEntryForm(EditorState& state) {
    ImGui::BeginChild("##form", ImVec2(0, 0), true);
    const auto where = state.selected();
    if (!where) {
        ImGui::TextWrapped("%s", words(state, "editor.choose_entry").c_str());
        ImGui::EndChild();
        return;
    }
    const std::string jump = state.jumpTo;
    for (const Field& field : fieldsOf(state.document.files()[where->file].name)) drawField(state, *where, field);
    if (state.jumpTo == jump) state.jumpTo.clear();  // scrolled to it this frame
    ImGui::EndChild();
}

}  // namespace kiosk::editor
