// The one place where intents change the screen stack.
#include "kiosk/core/navigation.hpp"

#include "kiosk/core/utf8.hpp"

#include <algorithm>

namespace kiosk::core {
namespace {

constexpr std::pair<std::string_view, ScreenId> kScreenNames[] = {
    {"attract", ScreenId::Attract},   {"home", ScreenId::Home},         {"stage", ScreenId::LifeStage},
    {"offer", ScreenId::Offer},       {"provider", ScreenId::Provider}, {"emergencies", ScreenId::Emergencies},
    {"about", ScreenId::About},       {"list", ScreenId::List},         {"list-qr", ScreenId::ListQr},
    {"languages", ScreenId::Languages},
    {"map", ScreenId::Map},           {"search", ScreenId::Search},
    {"professionals", ScreenId::Professionals}, {"actors", ScreenId::Actors}, {"practices", ScreenId::Practices},
    {"practice", ScreenId::Practice}, {"events", ScreenId::Events},   {"event", ScreenId::Event},
    {"groups", ScreenId::Groups},
};

bool needsTarget(ScreenId id) {
    return id == ScreenId::LifeStage || id == ScreenId::Offer || id == ScreenId::Provider || id == ScreenId::Practice ||
           id == ScreenId::Event;
}

void push(Session& session, ScreenRef screen) {
    if (session.current() == screen) return;  // a double tap must not stack the same screen twice
    session.history.push_back(std::move(screen));
}

void goHome(Session& session) {
    session.history.assign(1, ScreenRef{ScreenId::Home, {}, {}});
    session.searchText.clear();  // a search belongs to the way it was typed on
    session.choosingKeyboard = false;
}

// Drops the last letter (not byte) of UTF-8 text.
void eraseLetter(std::string& text) { text.resize(text.size() - lastCodePointLength(text)); }

}  // namespace

std::optional<ScreenRef> parseScreenRef(std::string_view text) {
    std::string_view name = text;
    std::string_view target;
    if (auto colon = text.find(':'); colon != std::string_view::npos) {
        name = text.substr(0, colon);
        target = text.substr(colon + 1);
    }
    for (const auto& [screenName, id] : kScreenNames) {
        if (screenName != name) continue;
        if (needsTarget(id) != !target.empty()) return std::nullopt;
        return ScreenRef{id, std::string(target), {}};
    }
    return std::nullopt;
}

std::string toString(const ScreenRef& screen) {
    for (const auto& [name, id] : kScreenNames)
        if (id == screen.id) return screen.target.empty() ? std::string(name) : std::string(name) + ":" + screen.target;
    return "?";
}

bool Session::isChosen(std::string_view offer) const {
    return std::find(chosen.begin(), chosen.end(), offer) != chosen.end();
}

Session freshSession(std::string language, ScreenRef start, int volume) {
    Session session;
    session.language = std::move(language);
    session.volume = std::clamp(volume, 0, kMaxVolume);
    if (start.id == ScreenId::Home || start.id == ScreenId::Attract)
        session.history = {start};
    else
        session.history = {ScreenRef{ScreenId::Home, {}, {}}, std::move(start)};
    return session;
}

namespace {

// Whatever changes the screen or its language ends the explanation at once; these do not.
bool keepsSound(const Intent& intent) {
    return std::holds_alternative<intent::VolumeUp>(intent) || std::holds_alternative<intent::VolumeDown>(intent) ||
           std::holds_alternative<intent::FilterTopic>(intent) || std::holds_alternative<intent::AddToList>(intent) ||
           std::holds_alternative<intent::RemoveFromList>(intent) || std::holds_alternative<intent::PrintList>(intent) ||
           std::holds_alternative<intent::ToggleLargeText>(intent) || std::holds_alternative<intent::FilterField>(intent) ||
           std::holds_alternative<intent::SelectActor>(intent) ||
           std::holds_alternative<intent::ToggleHighContrast>(intent);
}

// What a family's tap adds to the statistics (nothing of what they type or in what order).
void count(const Session& before, const Intent& intent, Effects& out) {
    auto add = [&](Usage usage, std::string key = {}) { out.push_back(effect::Count{usage, std::move(key)}); };
    if (std::holds_alternative<intent::Wake>(intent)) add(Usage::Session);
    else if (auto* language = std::get_if<intent::ChooseLanguage>(&intent)) add(Usage::Language, language->code);
    else if (auto* stage = std::get_if<intent::OpenLifeStage>(&intent)) add(Usage::LifeStage, stage->id);
    else if (auto* topic = std::get_if<intent::FilterTopic>(&intent); topic && !topic->id.empty())
        add(Usage::Topic, topic->id);
    else if (auto* offer = std::get_if<intent::OpenOffer>(&intent)) add(Usage::Offer, offer->id);
    else if (std::holds_alternative<intent::OpenEmergencies>(intent)) add(Usage::Emergencies);
    else if (auto* listen = std::get_if<intent::Listen>(&intent)) add(Usage::Audio, listen->explanation);
    else if (std::holds_alternative<intent::ShowListQr>(intent))
        for (const auto& chosen : before.chosen) add(Usage::Qr, chosen);
}

// Only what the family does moves them on from a print outcome.
bool forgetsPrintOutcome(const Intent& intent) {
    return !std::holds_alternative<intent::PrintList>(intent) && !std::holds_alternative<intent::TestSound>(intent);
}

}  // namespace

Effects apply(Session& session, const Intent& intent) {
    if (std::holds_alternative<intent::SoundEnded>(intent)) {
        session.listeningTo.clear();  // the device is quiet already
        return {};
    }
    Effects effects;
    count(session, intent, effects);
    if (!keepsSound(intent) && !session.listeningTo.empty()) {
        session.listeningTo.clear();
        effects.push_back(effect::StopSound{});
    }
    if (std::holds_alternative<intent::PrintList>(intent))
        effects.push_back(effect::PrintSlip{session.chosen, session.language});
    else if (forgetsPrintOutcome(intent))
        effects.push_back(effect::ForgetPrintOutcome{});
    struct Visitor {
        Session& s;
        Effects& out;
        void operator()(const intent::Wake&) { goHome(s); }
        void operator()(const intent::Home&) { goHome(s); }
        void operator()(const intent::Back&) {
            if (s.history.size() > 1) s.history.pop_back();
        }
        void operator()(const intent::OpenLifeStage& i) { push(s, {ScreenId::LifeStage, i.id, {}}); }
        void operator()(const intent::FilterTopic& i) {
            // The filter belongs to the life-stage screen, so Back from an offer restores it.
            if (s.current().id == ScreenId::LifeStage) s.history.back().topic = i.id;
        }
        void operator()(const intent::OpenOffer& i) { push(s, {ScreenId::Offer, i.id, {}}); }
        void operator()(const intent::OpenProvider& i) { push(s, {ScreenId::Provider, i.id, {}}); }
        void operator()(const intent::OpenEmergencies&) { push(s, {ScreenId::Emergencies, {}, {}}); }
        void operator()(const intent::OpenAbout&) { push(s, {ScreenId::About, {}, {}}); }
        void operator()(const intent::OpenLanguages&) { push(s, {ScreenId::Languages, {}, {}}); }
        void operator()(const intent::ChooseLanguage& i) {
            s.language = i.code;
            s.keyboard.clear();  // the new language's own letters
            s.choosingKeyboard = false;
            if (s.current().id == ScreenId::Languages && s.history.size() > 1) s.history.pop_back();
        }
        void operator()(const intent::ToggleLargeText&) { s.largeText = !s.largeText; }
        void operator()(const intent::ToggleHighContrast&) { s.highContrast = !s.highContrast; }
        void operator()(const intent::Listen& i) { play(i.explanation); }
        void operator()(const intent::TestSound&) { play("home"); }
        void operator()(const intent::StopListening&) {}
        void operator()(const intent::SoundEnded&) {}
        void operator()(const intent::VolumeUp&) { setVolume(s.volume + 1); }
        void operator()(const intent::VolumeDown&) { setVolume(s.volume - 1); }
        void operator()(const intent::AddToList& i) {
            if (!s.isChosen(i.offer)) s.chosen.push_back(i.offer);
        }
        void operator()(const intent::RemoveFromList& i) { std::erase(s.chosen, i.offer); }
        void operator()(const intent::OpenList&) { push(s, {ScreenId::List, {}, {}}); }
        void operator()(const intent::ShowListQr&) { push(s, {ScreenId::ListQr, {}, {}}); }
        void operator()(const intent::PrintList&) {}
        void operator()(const intent::OpenMap&) {
            const ScreenRef& from = s.current();
            if (from.id == ScreenId::LifeStage) push(s, {ScreenId::Map, from.target, from.topic});
            else push(s, {ScreenId::Map, {}, {}});
        }
        void operator()(const intent::MoveMap& i) { s.mapCamera = i.camera; }
        void operator()(const intent::SelectPlace& i) { s.mapPlace = i.municipality; }
        void operator()(const intent::ToggleOpenNow&) { s.mapOpenNow = !s.mapOpenNow; }
        void operator()(const intent::OpenSearch&) { push(s, {ScreenId::Search, {}, {}}); }
        void operator()(const intent::TypeText& i) {
            if (s.searchText.size() + i.text.size() <= kMaxSearchText) s.searchText += i.text;
        }
        void operator()(const intent::EraseLetter&) { eraseLetter(s.searchText); }
        void operator()(const intent::SetSearch& i) { s.searchText = i.text.substr(0, kMaxSearchText); }
        void operator()(const intent::ShowKeyboards&) { s.choosingKeyboard = !s.choosingKeyboard; }
        void operator()(const intent::OpenProfessional& i) {
            if (i.screen == ScreenId::Actors) s.actor.clear();  // the map of actors starts without a card
            push(s, {i.screen, i.target, {}});
        }
        void operator()(const intent::FilterField& i) {
            const ScreenId here = s.current().id;
            if (here == ScreenId::Actors || here == ScreenId::Practices) s.history.back().topic = i.id;
        }
        void operator()(const intent::SelectActor& i) { s.actor = i.id; }
        void operator()(const intent::ChooseKeyboard& i) {
            s.keyboard = i.layout;
            s.choosingKeyboard = false;
        }

        void play(const std::string& explanation) {
            s.listeningTo = explanation;
            out.push_back(effect::Play{explanation, s.language});
        }
        void setVolume(int volume) {
            s.volume = std::clamp(volume, 0, kMaxVolume);
            out.push_back(effect::SetVolume{s.volume});
        }
    };
    std::visit(Visitor{session, effects}, intent);
    return effects;
}

Effects startOver(Session& session, Session fresh) {
    session = std::move(fresh);
    return {effect::StopSound{}, effect::SetVolume{session.volume}, effect::ForgetVisit{}};
}

}  // namespace kiosk::core
