// Where a family is in the kiosk: a stack of screens, changed only by intents.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk::core {

enum class ScreenId { Attract, Home, LifeStage, Offer, Provider, Emergencies, About, List, ListQr, Languages };

struct ScreenRef {
    ScreenId id = ScreenId::Home;
    std::string target;  // life stage, offer or provider id
    std::string topic;   // LifeStage: the topic filter, empty for all
    friend bool operator==(const ScreenRef&, const ScreenRef&) = default;
};

// `home`, `about`, `emergencies`, `attract`, `list`, `list-qr`, `languages`, `stage:<id>`, `offer:<id>`, `provider:<id>`.
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
struct Listen { std::string explanation; };  // "home" or "offer:<id>" (see Catalog::explanation)
struct StopListening {};  // the family's stop, or the explanation came to its end
struct VolumeUp {};
struct VolumeDown {};
struct AddToList { std::string offer; };       // "my list": what the family takes home
struct RemoveFromList { std::string offer; };
struct OpenList {};
struct ShowListQr {};  // the list's QR codes, large, one after the other
struct PrintList {};   // the app prints the slip; the session does not change
struct ToggleLargeText {};
struct ToggleHighContrast {};
}  // namespace intent

using Intent = std::variant<intent::Wake, intent::Home, intent::Back, intent::OpenLifeStage,
                            intent::FilterTopic, intent::OpenOffer, intent::OpenProvider,
                            intent::OpenEmergencies, intent::OpenAbout, intent::ChooseLanguage, intent::Listen,
                            intent::StopListening, intent::VolumeUp, intent::VolumeDown, intent::AddToList,
                            intent::RemoveFromList, intent::OpenList, intent::ShowListQr, intent::PrintList,
                            intent::OpenLanguages, intent::ToggleLargeText, intent::ToggleHighContrast>;

inline constexpr int kMaxVolume = 10;     // volume steps 0..10
inline constexpr int kDefaultVolume = 7;

// Everything one family's visit leaves behind; an idle reset replaces it whole.
struct Session {
    std::vector<ScreenRef> history{ScreenRef{ScreenId::Attract, {}, {}}};
    std::string language{"de"};
    std::string listeningTo;  // the explanation playing, empty when quiet; any move elsewhere ends it
    int volume = kDefaultVolume;
    std::vector<std::string> chosen;  // offer ids on "my list", in the order chosen
    bool largeText = false;     // the family's choices of how the kiosk looks, until the idle reset
    bool highContrast = false;

    bool isChosen(std::string_view offer) const;

    const ScreenRef& current() const { return history.back(); }
    bool canGoBack() const { return history.size() > 1 && current().id != ScreenId::Home; }
};

Session freshSession(std::string language, ScreenRef start = {ScreenId::Attract, {}, {}},
                     int volume = kDefaultVolume);
void apply(Session& session, const Intent& intent);

}  // namespace kiosk::core
