// Where a family is in the kiosk: a stack of screens, changed only by intents.
#pragma once

#include "kiosk/core/district_map.hpp"
#include "kiosk/core/localized_text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk::core {

enum class ScreenId {
    Attract, Home, LifeStage, Offer, Provider, Emergencies, About, List, ListQr, Languages, Map, Search,
    // For professionals: the entry, the map of actors, good practice (list, detail), events (list, detail), groups.
    Professionals, Actors, Practices, Practice, Events, Event, Groups
};

struct ScreenRef {
    ScreenId id = ScreenId::Home;
    std::string target;  // life stage, offer or provider id; Map: the life stage whose offers it shows (empty: all)
    std::string topic;   // LifeStage and Map: the topic filter, empty for all; Actors, Practices: the field of work
    friend bool operator==(const ScreenRef&, const ScreenRef&) = default;
};

// `home`, `about`, `emergencies`, `attract`, `list`, `list-qr`, `languages`, `map`, `search`, `stage:<id>`,
// `offer:<id>`, `provider:<id>`; for professionals `professionals`, `actors`, `practices`, `practice:<id>`,
// `events`, `event:<id>`, `groups`.
std::optional<ScreenRef> parseScreenRef(std::string_view text);
std::string toString(const ScreenRef& screen);

namespace intent {
struct Wake {};  // a touch on the attract screen
struct Home {};
struct Back {};
struct OpenLifeStage { std::string id; };
struct FilterTopic { std::string id; };  // empty: all topics
struct OpenOffer { std::string id; };
struct OpenProvider { std::string id; };
struct OpenEmergencies {};
struct OpenAbout {};
struct OpenLanguages {};  // every language, each in its own words
struct ChooseLanguage { std::string code; };  // from the languages screen: back to where the family was
struct Listen { std::string explanation; };  // "home", "offer:<id>", "provider:<id>" … (see core::explanationAudio)
struct StopListening {};  // the family's stop
struct SoundEnded {};     // the explanation came to its end, or could not be played: not the family's doing
struct VolumeUp {};
struct VolumeDown {};
struct AddToList { std::string offer; };       // "my list": what the family takes home
struct RemoveFromList { std::string offer; };
struct OpenList {};
struct ShowListQr {};  // the list's QR codes, large, one after the other
struct PrintList {};   // the app prints the slip; the session does not change
struct ToggleLargeText {};
struct ToggleHighContrast {};
struct OpenMap {};     // from a life stage: with its life stage and topic filter
struct MoveMap { MapCamera camera; };        // dragged or zoomed (the screen did the arithmetic)
struct SelectPlace { std::string municipality; };  // its offers show beside the map; empty: none
struct ToggleOpenNow {};                     // the map shows only providers open now, or all
struct OpenSearch {};
struct TypeText { std::string text; };       // a key of the on-screen keyboard
struct EraseLetter {};
struct SetSearch { std::string text; };      // a suggestion tapped; empty clears
struct ShowKeyboards {};                     // the keyboard layouts to choose from, instead of the keys (again: the keys)
struct ChooseKeyboard { std::string layout; };  // a layout's language code; empty: the family's language's
struct OpenProfessional { ScreenId screen = ScreenId::Professionals; std::string target; };  // any of their screens
struct FilterField { std::string id; };     // the map of actors' or good practice's field of work; empty: all
struct SelectActor { std::string id; };     // a pin tapped on the map of actors: its card beside the map
struct TestSound {};  // staff's test of the sound: the home screen's explanation, nothing else of the visit touched
}  // namespace intent

using Intent = std::variant<intent::Wake, intent::Home, intent::Back, intent::OpenLifeStage,
                            intent::FilterTopic, intent::OpenOffer, intent::OpenProvider,
                            intent::OpenEmergencies, intent::OpenAbout, intent::ChooseLanguage, intent::Listen,
                            intent::StopListening, intent::VolumeUp, intent::VolumeDown, intent::AddToList,
                            intent::RemoveFromList, intent::OpenList, intent::ShowListQr, intent::PrintList,
                            intent::OpenLanguages, intent::ToggleLargeText, intent::ToggleHighContrast,
                            intent::OpenMap, intent::MoveMap, intent::SelectPlace, intent::ToggleOpenNow,
                            intent::OpenSearch, intent::TypeText, intent::EraseLetter, intent::SetSearch,
                            intent::ShowKeyboards, intent::ChooseKeyboard, intent::SoundEnded, intent::TestSound,
                            intent::OpenProfessional, intent::FilterField, intent::SelectActor>;

inline constexpr int kMaxVolume = 10;     // volume steps 0..10
inline constexpr int kDefaultVolume = 7;

// Everything one family's visit leaves behind; an idle reset replaces it whole.
struct Session {
    std::vector<ScreenRef> history{ScreenRef{ScreenId::Attract, {}, {}}};
    std::string language{kReferenceLanguage};
    std::string listeningTo;  // the explanation playing, empty when quiet; any move elsewhere ends it
    int volume = kDefaultVolume;
    std::vector<std::string> chosen;  // offer ids on "my list", in the order chosen
    bool largeText = false;     // the family's choices of how the kiosk looks, until the idle reset
    bool highContrast = false;
    MapCamera mapCamera;              // zoom 1: the whole district (the screen centres it)
    std::string mapPlace;             // the municipality tapped on the map
    bool mapOpenNow = false;
    std::string searchText;           // never stored or logged; gone with the session
    std::string keyboard;             // the on-screen keyboard's layout; empty: the language's own
    bool choosingKeyboard = false;    // the layouts are shown instead of the keys
    std::string actor;                // the provider whose card shows beside the map of actors

    bool isChosen(std::string_view offer) const;

    const ScreenRef& current() const { return history.back(); }
    bool canGoBack() const { return history.size() > 1 && current().id != ScreenId::Home; }
};

Session freshSession(std::string language, ScreenRef start = {ScreenId::Attract, {}, {}},
                     int volume = kDefaultVolume);

// What the anonymous statistics count (the app names them as the statistics file does).
enum class Usage { Session, Language, LifeStage, Topic, Offer, Emergencies, Audio, Qr };

// What the app carries out after a change of the session (the session itself changed already).
namespace effect {
// Start this explanation (after any other stopped).
struct Play {
    std::string explanation;
    std::string language;
    friend bool operator==(const Play&, const Play&) = default;
};
struct StopSound {
    friend bool operator==(const StopSound&, const StopSound&) = default;
};
struct SetVolume {
    int volume;  // 0..kMaxVolume
    friend bool operator==(const SetVolume&, const SetVolume&) = default;
};
// The family's list on paper.
struct PrintSlip {
    std::vector<std::string> offers;
    std::string language;
    friend bool operator==(const PrintSlip&, const PrintSlip&) = default;
};
// The family moved on: no old "done" on the next visit to the list.
struct ForgetPrintOutcome {
    friend bool operator==(const ForgetPrintOutcome&, const ForgetPrintOutcome&) = default;
};
// A fresh visit: nothing the app keeps of the last (print outcome, QR codes, search results).
struct ForgetVisit {
    friend bool operator==(const ForgetVisit&, const ForgetVisit&) = default;
};
// One more in the statistics; key: a content id or a language code, or empty.
struct Count {
    Usage usage;
    std::string key;
    friend bool operator==(const Count&, const Count&) = default;
};
}  // namespace effect

using Effect = std::variant<effect::Play, effect::StopSound, effect::SetVolume, effect::PrintSlip,
                            effect::ForgetPrintOutcome, effect::ForgetVisit, effect::Count>;
using Effects = std::vector<Effect>;

// The one place where intents change the session; returns what the app must do about it.
Effects apply(Session& session, const Intent& intent);
// A fresh visit in place of the last (the idle reset, staff mode, new content, the screen going
// dark): silence, the fresh session's volume, and nothing of the last family kept.
Effects startOver(Session& session, Session fresh);

inline constexpr size_t kMaxSearchText = 60;  // bytes: a search is a few words

}  // namespace kiosk::core
