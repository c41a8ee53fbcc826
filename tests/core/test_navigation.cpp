// Unit tests for the screen stack: what Back, Home and a double tap do, and how screens are named.
#include "kiosk/core/navigation.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::core {
// Readable failure output for Catch.
std::ostream& operator<<(std::ostream& out, const ScreenRef& screen) {
    out << toString(screen);
    if (!screen.topic.empty()) out << " (topic " << screen.topic << ")";
    return out;
}
}  // namespace kiosk::core

using namespace kiosk::core;

namespace {

const ScreenRef kHome{ScreenId::Home, {}, {}};
const ScreenRef kAttract{ScreenId::Attract, {}, {}};

// A family that has touched the attract screen and sees the home screen.
Session atHome() {
    Session session = freshSession("de");
    apply(session, intent::Wake{});
    return session;
}

}  // namespace

TEST_CASE("a fresh session starts on the attract screen in the chosen language", "[navigation]") {
    Session session = freshSession("en");
    CHECK(session.current() == kAttract);
    CHECK(session.history.size() == 1);
    CHECK(session.language == "en");
    CHECK_FALSE(session.canGoBack());
}

TEST_CASE("a touch on the attract screen goes to the home screen", "[navigation]") {
    Session session = freshSession("de");
    apply(session, intent::Wake{});
    CHECK(session.history == std::vector<ScreenRef>{kHome});
    CHECK_FALSE(session.canGoBack());
}

TEST_CASE("Back from the provider walks back through offer to the life stage with its topic filter",
          "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenLifeStage{"baby"});
    apply(session, intent::FilterTopic{"money"});
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::OpenProvider{"familienkasse"});
    REQUIRE(session.current() == ScreenRef{ScreenId::Provider, "familienkasse", {}});
    CHECK(session.canGoBack());

    apply(session, intent::Back{});
    CHECK(session.current() == ScreenRef{ScreenId::Offer, "kindergeld", {}});

    apply(session, intent::Back{});
    CHECK(session.current() == ScreenRef{ScreenId::LifeStage, "baby", "money"});

    apply(session, intent::Back{});
    CHECK(session.current() == kHome);
    CHECK_FALSE(session.canGoBack());
}

TEST_CASE("choosing another topic replaces the filter instead of adding a screen", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenLifeStage{"baby"});
    apply(session, intent::FilterTopic{"money"});
    apply(session, intent::FilterTopic{"health"});
    CHECK(session.current() == ScreenRef{ScreenId::LifeStage, "baby", "health"});
    apply(session, intent::FilterTopic{""});
    CHECK(session.current() == ScreenRef{ScreenId::LifeStage, "baby", ""});
    CHECK(session.history.size() == 2);
}

TEST_CASE("a topic filter outside a life-stage screen changes nothing", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenLifeStage{"baby"});
    apply(session, intent::OpenOffer{"kindergeld"});
    const auto before = session.history;
    apply(session, intent::FilterTopic{"money"});
    CHECK(session.history == before);
}

TEST_CASE("Home clears the whole screen stack", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenLifeStage{"baby"});
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::OpenProvider{"familienkasse"});
    apply(session, intent::OpenAbout{});
    REQUIRE(session.history.size() == 5);

    apply(session, intent::Home{});
    CHECK(session.history == std::vector<ScreenRef>{kHome});
    CHECK_FALSE(session.canGoBack());

    apply(session, intent::Back{});
    CHECK(session.current() == kHome);
}

TEST_CASE("a double tap on an offer does not stack it twice", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenLifeStage{"baby"});
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::OpenOffer{"kindergeld"});
    CHECK(session.history.size() == 3);

    apply(session, intent::Back{});
    CHECK(session.current() == ScreenRef{ScreenId::LifeStage, "baby", {}});
}

TEST_CASE("a different offer is stacked on top of the current one", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::OpenOffer{"kinderzuschlag"});
    CHECK(session.history.size() == 3);
    apply(session, intent::Back{});
    CHECK(session.current() == ScreenRef{ScreenId::Offer, "kindergeld", {}});
}

TEST_CASE("Back on the home screen stays on the home screen", "[navigation]") {
    Session session = atHome();
    apply(session, intent::Back{});
    apply(session, intent::Back{});
    CHECK(session.history == std::vector<ScreenRef>{kHome});
}

TEST_CASE("emergencies and about are screens Back returns from", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenLifeStage{"toddler"});
    apply(session, intent::OpenEmergencies{});
    CHECK(session.current().id == ScreenId::Emergencies);
    apply(session, intent::Back{});
    CHECK(session.current() == ScreenRef{ScreenId::LifeStage, "toddler", {}});

    apply(session, intent::OpenAbout{});
    CHECK(session.current().id == ScreenId::About);
    apply(session, intent::Back{});
    CHECK(session.current() == ScreenRef{ScreenId::LifeStage, "toddler", {}});
}

TEST_CASE("choosing a language keeps the family on the same screen", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenOffer{"kindergeld"});
    const auto before = session.history;
    apply(session, intent::ChooseLanguage{"en"});
    CHECK(session.language == "en");
    CHECK(session.history == before);
}

TEST_CASE("a language chosen on the languages screen returns to where the family was", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenOffer{"kindergeld"});
    const auto before = session.history;
    apply(session, intent::OpenLanguages{});
    CHECK(session.current().id == ScreenId::Languages);
    apply(session, intent::ChooseLanguage{"ar"});
    CHECK(session.language == "ar");
    CHECK(session.history == before);
}

TEST_CASE("large text and high contrast are the family's until a fresh session", "[navigation]") {
    Session session = atHome();
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::Listen{"offer:kindergeld"});
    apply(session, intent::ToggleLargeText{});
    apply(session, intent::ToggleHighContrast{});
    CHECK(session.largeText);
    CHECK(session.highContrast);
    CHECK(session.listeningTo == "offer:kindergeld");  // the explanation goes on in the new look
    CHECK(session.current() == ScreenRef{ScreenId::Offer, "kindergeld", {}});
    apply(session, intent::ToggleLargeText{});
    CHECK_FALSE(session.largeText);
    const Session fresh = freshSession("de");
    CHECK_FALSE(fresh.largeText);
    CHECK_FALSE(fresh.highContrast);
}

TEST_CASE("a fresh session with a deep start screen has Home under it", "[navigation]") {
    const ScreenRef offer{ScreenId::Offer, "kindergeld", {}};
    Session session = freshSession("en", offer);
    CHECK(session.history == std::vector<ScreenRef>{kHome, offer});
    CHECK(session.language == "en");
    CHECK(session.canGoBack());

    apply(session, intent::Back{});
    CHECK(session.current() == kHome);
}

TEST_CASE("a fresh session starting on home or attract has nothing under it", "[navigation]") {
    CHECK(freshSession("de", kHome).history == std::vector<ScreenRef>{kHome});
    CHECK(freshSession("de", kAttract).history == std::vector<ScreenRef>{kAttract});
}

TEST_CASE("parseScreenRef reads screen names from the command line", "[navigation]") {
    CHECK(parseScreenRef("home") == kHome);
    CHECK(parseScreenRef("attract") == kAttract);
    CHECK(parseScreenRef("about") == ScreenRef{ScreenId::About, {}, {}});
    CHECK(parseScreenRef("emergencies") == ScreenRef{ScreenId::Emergencies, {}, {}});
    CHECK(parseScreenRef("offer:kindergeld") == ScreenRef{ScreenId::Offer, "kindergeld", {}});
    CHECK(parseScreenRef("stage:baby") == ScreenRef{ScreenId::LifeStage, "baby", {}});
    CHECK(parseScreenRef("provider:familienkasse") == ScreenRef{ScreenId::Provider, "familienkasse", {}});
}

TEST_CASE("parseScreenRef rejects names it cannot show", "[navigation]") {
    const std::string text = GENERATE(as<std::string>{}, "offer:", "stage", "provider", "nonsense:x", "nonsense",
                                      "", "home:x", "Home", "offer");
    INFO("\"" << text << "\"");
    CHECK_FALSE(parseScreenRef(text).has_value());
}

TEST_CASE("toString and parseScreenRef round-trip", "[navigation]") {
    const std::string text = GENERATE(as<std::string>{}, "home", "attract", "about", "emergencies", "languages", "stage:baby",
                                      "offer:kindergeld", "provider:notruf-112");
    auto screen = parseScreenRef(text);
    REQUIRE(screen.has_value());
    CHECK(toString(*screen) == text);
    CHECK(parseScreenRef(toString(*screen)) == screen);
}

TEST_CASE("listening to an explanation ends when the family moves anywhere else", "[navigation][audio]") {
    const std::vector<Intent> moves = {intent::Home{}, intent::Back{}, intent::OpenLifeStage{"baby"},
                                       intent::OpenOffer{"elterngeld"}, intent::OpenProvider{"familienkasse"},
                                       intent::OpenEmergencies{}, intent::OpenAbout{}, intent::ChooseLanguage{"en"},
                                       intent::StopListening{}};
    for (const Intent& move : moves) {
        Session session = atHome();
        apply(session, intent::OpenOffer{"kindergeld"});
        apply(session, intent::Listen{"offer:kindergeld"});
        REQUIRE(session.listeningTo == "offer:kindergeld");
        apply(session, move);
        INFO("intent #" << move.index());
        CHECK(session.listeningTo.empty());
    }
}

TEST_CASE("changing the volume does not stop the explanation", "[navigation][audio]") {
    Session session = atHome();
    apply(session, intent::Listen{"home"});
    apply(session, intent::VolumeDown{});
    apply(session, intent::VolumeUp{});
    apply(session, intent::VolumeUp{});
    CHECK(session.listeningTo == "home");
    CHECK(session.volume == kDefaultVolume + 1);
}

TEST_CASE("the volume stays between silent and loudest", "[navigation][audio]") {
    Session session = freshSession("de", kHome, 9);
    for (int i = 0; i < 5; ++i) apply(session, intent::VolumeUp{});
    CHECK(session.volume == kMaxVolume);
    for (int i = 0; i < 15; ++i) apply(session, intent::VolumeDown{});
    CHECK(session.volume == 0);
    CHECK(freshSession("de", kHome, 42).volume == kMaxVolume);
}

TEST_CASE("a fresh session after an idle reset is quiet and at the configured volume", "[navigation][audio]") {
    Session session = freshSession("de", kHome, 4);
    apply(session, intent::VolumeUp{});
    apply(session, intent::Listen{"home"});
    session = freshSession("de", kAttract, 4);  // what the idle reset does
    CHECK(session.listeningTo.empty());
    CHECK(session.volume == 4);
}

TEST_CASE("offers go on the family's list once each, in the order chosen, and come off again", "[navigation][list]") {
    Session session = atHome();
    apply(session, intent::AddToList{"kindergeld"});
    apply(session, intent::AddToList{"elterngeld"});
    apply(session, intent::AddToList{"kindergeld"});  // a second tap adds nothing
    CHECK(session.chosen == std::vector<std::string>{"kindergeld", "elterngeld"});
    CHECK(session.isChosen("elterngeld"));
    apply(session, intent::RemoveFromList{"kindergeld"});
    CHECK(session.chosen == std::vector<std::string>{"elterngeld"});
    CHECK_FALSE(session.isChosen("kindergeld"));
    apply(session, intent::RemoveFromList{"not-there"});
    CHECK(session.chosen.size() == 1);
}

TEST_CASE("the list and its QR codes are screens Back returns from", "[navigation][list]") {
    Session session = atHome();
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::AddToList{"kindergeld"});
    CHECK(session.current() == ScreenRef{ScreenId::Offer, "kindergeld", {}});  // adding stays on the offer
    apply(session, intent::OpenList{});
    apply(session, intent::ShowListQr{});
    CHECK(session.current().id == ScreenId::ListQr);
    apply(session, intent::Back{});
    CHECK(session.current().id == ScreenId::List);
    apply(session, intent::PrintList{});  // printing changes no screen
    CHECK(session.current().id == ScreenId::List);
    CHECK(parseScreenRef("list") == ScreenRef{ScreenId::List, {}, {}});
    CHECK(parseScreenRef("list-qr") == ScreenRef{ScreenId::ListQr, {}, {}});
}

TEST_CASE("choosing an offer for the list does not stop its explanation", "[navigation][list][audio]") {
    Session session = atHome();
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::Listen{"offer:kindergeld"});
    apply(session, intent::AddToList{"kindergeld"});
    CHECK(session.listeningTo == "offer:kindergeld");
}

TEST_CASE("the idle reset empties the list", "[navigation][list]") {
    Session session = atHome();
    apply(session, intent::AddToList{"kindergeld"});
    session = freshSession("de");
    CHECK(session.chosen.empty());
}

TEST_CASE("the map opens with the life stage and topic it was opened from", "[navigation]") {
    Session s = freshSession("de", {ScreenId::Home, {}, {}});
    apply(s, intent::OpenMap{});
    CHECK(s.current() == ScreenRef{ScreenId::Map, {}, {}});
    apply(s, intent::Back{});
    apply(s, intent::OpenLifeStage{"baby"});
    apply(s, intent::FilterTopic{"money"});
    apply(s, intent::OpenMap{});
    CHECK(s.current() == ScreenRef{ScreenId::Map, "baby", "money"});
    CHECK(parseScreenRef("map") == ScreenRef{ScreenId::Map, {}, {}});
    CHECK(parseScreenRef("search") == ScreenRef{ScreenId::Search, {}, {}});
}

TEST_CASE("the map's camera, place and open-now filter are the session's", "[navigation]") {
    Session s = freshSession("de", {ScreenId::Map, {}, {}});
    apply(s, intent::MoveMap{{{3, 4}, 2}});
    apply(s, intent::SelectPlace{"Nürtingen"});
    apply(s, intent::ToggleOpenNow{});
    CHECK(s.mapCamera == MapCamera{{3, 4}, 2});
    CHECK(s.mapPlace == "Nürtingen");
    CHECK(s.mapOpenNow);
    const Session fresh = freshSession("de");
    CHECK(fresh.mapCamera == MapCamera{});
    CHECK(fresh.mapPlace.empty());
    CHECK(!fresh.mapOpenNow);
}

TEST_CASE("typing on the on-screen keyboard builds the search, letter by letter", "[navigation]") {
    Session s = freshSession("de", {ScreenId::Home, {}, {}});
    apply(s, intent::OpenSearch{});
    CHECK(s.current().id == ScreenId::Search);
    for (const char* key : {"G", "e", "l", "d", "ü"}) apply(s, intent::TypeText{key});
    CHECK(s.searchText == "Geldü");
    apply(s, intent::EraseLetter{});  // a whole letter, not one byte of it
    CHECK(s.searchText == "Geld");
    apply(s, intent::TypeText{" "});
    apply(s, intent::TypeText{"дом"});
    apply(s, intent::EraseLetter{});
    CHECK(s.searchText == "Geld до");
    apply(s, intent::SetSearch{std::string(200, 'x')});
    CHECK(s.searchText.size() == kMaxSearchText);
    apply(s, intent::TypeText{"y"});
    CHECK(s.searchText.size() == kMaxSearchText);
    apply(s, intent::SetSearch{""});
    CHECK(s.searchText.empty());
}

TEST_CASE("the keyboard's layout is chosen from a list and follows a change of language", "[navigation]") {
    Session s = freshSession("ar", {ScreenId::Search, {}, {}});
    CHECK(s.keyboard.empty());  // the language's own
    apply(s, intent::ShowKeyboards{});
    CHECK(s.choosingKeyboard);
    apply(s, intent::ShowKeyboards{});  // the same key again: back to the keys
    CHECK(!s.choosingKeyboard);
    apply(s, intent::ShowKeyboards{});
    apply(s, intent::ChooseKeyboard{"ru"});
    CHECK(s.keyboard == "ru");
    CHECK(!s.choosingKeyboard);
    apply(s, intent::TypeText{"д"});
    CHECK(s.keyboard == "ru");  // typing keeps it
    apply(s, intent::ShowKeyboards{});
    apply(s, intent::ChooseLanguage{"tr"});
    CHECK(s.keyboard.empty());  // another language brings its own letters
    CHECK(!s.choosingKeyboard);
    apply(s, intent::ShowKeyboards{});
    apply(s, intent::Home{});
    CHECK(!s.choosingKeyboard);
    CHECK(freshSession("de").keyboard.empty());
}

TEST_CASE("the search is gone after Home and with a fresh session", "[navigation]") {
    Session s = freshSession("de", {ScreenId::Search, {}, {}});
    apply(s, intent::TypeText{"Kindergeld"});
    apply(s, intent::OpenOffer{"kindergeld"});
    apply(s, intent::Back{});
    CHECK(s.searchText == "Kindergeld");  // back from a result: the results are still there
    apply(s, intent::Home{});
    CHECK(s.searchText.empty());
    CHECK(freshSession("de").searchText.empty());
}

// What every intent asks of the app: one row per kind of intent, from a family on an offer with
// its explanation playing, two offers on the list.
namespace {

Session listeningOnOffer() {
    Session session = atHome();
    apply(session, intent::AddToList{"kindergeld"});
    apply(session, intent::AddToList{"elterngeld"});
    apply(session, intent::OpenOffer{"kindergeld"});
    apply(session, intent::Listen{"offer:kindergeld"});
    return session;
}

struct EffectsOf {
    Intent intent;
    Effects expected;
};

}  // namespace

TEST_CASE("every intent's effects: sound, printing, statistics", "[navigation][effects]") {
    using namespace effect;
    const StopSound stop;
    const ForgetPrintOutcome forget;
    const std::vector<EffectsOf> table = {
        {intent::Wake{}, {Count{Usage::Session, ""}, stop, forget}},
        {intent::Home{}, {stop, forget}},
        {intent::Back{}, {stop, forget}},
        {intent::OpenLifeStage{"baby"}, {Count{Usage::LifeStage, "baby"}, stop, forget}},
        {intent::FilterTopic{"money"}, {Count{Usage::Topic, "money"}, forget}},
        {intent::OpenOffer{"elterngeld"}, {Count{Usage::Offer, "elterngeld"}, stop, forget}},
        {intent::OpenProvider{"familienkasse"}, {stop, forget}},
        {intent::OpenEmergencies{}, {Count{Usage::Emergencies, ""}, stop, forget}},
        {intent::OpenAbout{}, {stop, forget}},
        {intent::ChooseLanguage{"tr"}, {Count{Usage::Language, "tr"}, stop, forget}},
        {intent::Listen{"home"}, {Count{Usage::Audio, "home"}, stop, forget, Play{"home", "de"}}},
        {intent::StopListening{}, {stop, forget}},
        {intent::VolumeUp{}, {forget, SetVolume{kDefaultVolume + 1}}},
        {intent::VolumeDown{}, {forget, SetVolume{kDefaultVolume - 1}}},
        {intent::AddToList{"familienhebamme"}, {forget}},
        {intent::RemoveFromList{"kindergeld"}, {forget}},
        {intent::OpenList{}, {stop, forget}},
        {intent::ShowListQr{}, {Count{Usage::Qr, "kindergeld"}, Count{Usage::Qr, "elterngeld"}, stop, forget}},
        {intent::PrintList{}, {PrintSlip{{"kindergeld", "elterngeld"}, "de"}}},
        {intent::OpenLanguages{}, {stop, forget}},
        {intent::ToggleLargeText{}, {forget}},
        {intent::ToggleHighContrast{}, {forget}},
        {intent::OpenMap{}, {stop, forget}},
        {intent::MoveMap{{{1, 2}, 2}}, {stop, forget}},
        {intent::SelectPlace{"Esslingen am Neckar"}, {stop, forget}},
        {intent::ToggleOpenNow{}, {stop, forget}},
        {intent::OpenSearch{}, {stop, forget}},
        {intent::TypeText{"K"}, {stop, forget}},
        {intent::EraseLetter{}, {stop, forget}},
        {intent::SetSearch{"Kita"}, {stop, forget}},
        {intent::ShowKeyboards{}, {stop, forget}},
        {intent::ChooseKeyboard{"ru"}, {stop, forget}},
        {intent::TestSound{}, {stop, Play{"home", "de"}}},  // staff's test slip keeps its outcome
        {intent::SoundEnded{}, {}},                          // the device fell quiet by itself
        {intent::OpenProfessional{ScreenId::Actors, {}}, {stop, forget}},
        {intent::FilterField{"early-help"}, {forget}},    // the explanation of the map of actors goes on
        {intent::SelectActor{"pro-familia-esslingen"}, {forget}},
    };
    // One row for each kind of intent: a new intent must say here what it asks of the app.
    std::vector<bool> covered(std::variant_size_v<Intent>, false);
    for (const auto& row : table) {
        covered[row.intent.index()] = true;
        Session session = listeningOnOffer();
        INFO("intent #" << row.intent.index());
        CHECK(apply(session, row.intent) == row.expected);
    }
    CHECK(std::find(covered.begin(), covered.end(), false) == covered.end());
}

TEST_CASE("an explanation asked for while quiet only starts, one asked for in another language plays in it",
          "[navigation][effects]") {
    Session session = atHome();
    apply(session, intent::ChooseLanguage{"uk"});
    CHECK(apply(session, intent::Listen{"home"}) ==
          Effects{effect::Count{Usage::Audio, "home"}, effect::ForgetPrintOutcome{}, effect::Play{"home", "uk"}});
    CHECK(session.listeningTo == "home");
    // The family's stop silences the device.
    CHECK(apply(session, intent::StopListening{}) == Effects{effect::StopSound{}, effect::ForgetPrintOutcome{}});
    CHECK(session.listeningTo.empty());
    CHECK(apply(session, intent::StopListening{}) == Effects{effect::ForgetPrintOutcome{}});  // quiet already
    // Its end (or a file that cannot be played) only makes the session quiet: a slip's "done" stays.
    apply(session, intent::Listen{"home"});
    CHECK(apply(session, intent::SoundEnded{}).empty());
    CHECK(session.listeningTo.empty());
}

TEST_CASE("staff's test sound plays the home explanation without counting it", "[navigation][effects]") {
    Session session = freshSession("de");
    const Effects effects = apply(session, intent::TestSound{});
    CHECK(session.listeningTo == "home");
    CHECK(std::none_of(effects.begin(), effects.end(),
                       [](const Effect& e) { return std::holds_alternative<effect::Count>(e); }));
}

TEST_CASE("the volume's effect stays between silent and loudest", "[navigation][effects]") {
    Session session = freshSession("de", kHome, kMaxVolume);
    CHECK(apply(session, intent::VolumeUp{}) == Effects{effect::ForgetPrintOutcome{}, effect::SetVolume{kMaxVolume}});
}

TEST_CASE("starting over silences, restores the volume and forgets the visit", "[navigation][effects]") {
    Session session = listeningOnOffer();
    apply(session, intent::VolumeUp{});
    apply(session, intent::ToggleLargeText{});
    const Effects effects = startOver(session, freshSession("en", kAttract, 3));
    CHECK(effects == Effects{effect::StopSound{}, effect::SetVolume{3}, effect::ForgetVisit{}});
    CHECK(session.current() == kAttract);
    CHECK(session.language == "en");
    CHECK(session.listeningTo.empty());
    CHECK(session.chosen.empty());
    CHECK_FALSE(session.largeText);
    CHECK(session.volume == 3);
}

TEST_CASE("the professionals' screens: opened, filtered by field of work, and back with the filter kept",
          "[navigation][professionals]") {
    Session session = atHome();
    apply(session, intent::OpenProfessional{});
    CHECK(session.current() == ScreenRef{ScreenId::Professionals, {}, {}});
    apply(session, intent::OpenProfessional{ScreenId::Practices, {}});
    apply(session, intent::FilterField{"transitions"});
    CHECK(session.current().topic == "transitions");
    apply(session, intent::OpenProfessional{ScreenId::Practice, "lesepaten-esslingen"});
    CHECK(session.current() == ScreenRef{ScreenId::Practice, "lesepaten-esslingen", {}});
    apply(session, intent::FilterField{"money"});  // no filter on a detail screen
    CHECK(session.current().topic.empty());
    apply(session, intent::Back{});
    CHECK(session.current() == ScreenRef{ScreenId::Practices, {}, "transitions"});
    // The map of actors starts without a card; a tapped pin shows one, and the field filters it.
    session.actor = "left-over";
    apply(session, intent::Back{});
    apply(session, intent::OpenProfessional{ScreenId::Actors, {}});
    CHECK(session.actor.empty());
    apply(session, intent::SelectActor{"caritas-esslingen"});
    apply(session, intent::FilterField{"money"});
    CHECK(session.actor == "caritas-esslingen");
    CHECK(session.current() == ScreenRef{ScreenId::Actors, {}, "money"});
    // A fresh visit keeps nothing of it.
    startOver(session, freshSession("de"));
    CHECK(session.actor.empty());
    CHECK(session.current().id == ScreenId::Attract);
}

TEST_CASE("the professionals' screens by name (--open)", "[navigation][professionals]") {
    for (const char* name : {"professionals", "actors", "practices", "events", "groups"}) {
        INFO(name);
        auto screen = parseScreenRef(name);
        REQUIRE(screen.has_value());
        CHECK(toString(*screen) == name);
    }
    CHECK(parseScreenRef("practice:lesepaten-esslingen") == ScreenRef{ScreenId::Practice, "lesepaten-esslingen", {}});
    CHECK(parseScreenRef("event:fachtag-uebergaenge") == ScreenRef{ScreenId::Event, "fachtag-uebergaenge", {}});
    CHECK_FALSE(parseScreenRef("event"));
    CHECK_FALSE(parseScreenRef("practice"));
    CHECK_FALSE(parseScreenRef("groups:x"));
}
