// One function per screen; each draws from the view and pushes what the family asked for.
#pragma once

#include "kiosk/ui/view.hpp"
#include "kiosk/ui/widgets.hpp"

#include <functional>

namespace kiosk::ui {

void drawAttract(const View& view, Intents& out);
void drawHome(const View& view, Intents& out);
void drawLifeStage(const View& view, Intents& out);
void drawOffer(const View& view, Intents& out);
void drawProvider(const View& view, Intents& out);
void drawEmergencies(const View& view, Intents& out);
void drawAbout(const View& view, Intents& out);
void drawList(const View& view, Intents& out);
void drawListQr(const View& view, Intents& out);
void drawLanguages(const View& view, Intents& out);
void drawMap(const View& view, Intents& out);
void drawSearch(const View& view, Intents& out);
// For professionals (issue 16): the entry and its screens.
void drawProfessionals(const View& view, Intents& out);
void drawActors(const View& view, Intents& out);
void drawPractices(const View& view, Intents& out);
void drawPractice(const View& view, Intents& out);
void drawEvents(const View& view, Intents& out);
void drawEvent(const View& view, Intents& out);
void drawGroups(const View& view, Intents& out);
// The district map with a panel beside it (below it in portrait): the families' map and the map of actors.
using MapPanel = void (*)(const View& view, const core::DistrictMap& map, Intents& out);
void drawMapScreen(const View& view, Intents& out, MapPanel panel);
// For professionals: a row of buttons, "all" and each field of work in `fields`, the chosen one marked.
void fieldFilter(const View& view, const std::vector<std::string>& fields, float buttonWidth, Intents& out);
// "Do, 14.01.2027, 14:00–16:00" in the reader's language.
std::string eventWhen(const core::Event& event, const std::string& language);
// Where an event is, in one line: online, a provider's name and address, or the address.
std::string eventWhere(const View& view, const core::Event& event);
// A detail screen: `body` scrolls; `qr` (given the side of its code) draws the QR code in a column at the
// reader's far side on a landscape screen, or below the text on an upright one. No `qr`: text only.
void detailWithQr(const View& view, const char* id, const std::function<void()>& body,
                  const std::function<void(float side)>& qr);
// A person's or office's contact as a vCard QR code (saved to a phone without internet).
void personQr(const View& view, const std::string& name, const std::string& phone, const std::string& email,
              const core::Address& address, float side);
// A practice's picture as a texture while it is on screen; null without one or when it cannot be shown.
const Texture* practicePicture(const View& view, const core::Practice& practice);
// A practice's picture across the width (at most 16 em, 4:3) where it can be shown; nothing otherwise.
void practicePictureBlock(const View& view, const core::Practice& practice);
// A small map of the district with the provider's pin (nothing when it has no place), `width` wide.
void miniMap(const View& view, const core::Provider& provider, float width);
// The same map with a pin at `pin` (none: the land alone), its picture kept in `pictures` (may be null);
// returns the viewport it drew with, so a tap on it can be turned back into a place (the editor).
core::MapViewport districtPicture(const core::DistrictMap& map, MapCache* pictures, std::optional<core::GeoPoint> pin,
                                  float width);

// Whoever shows the map must show this near it (Datenlizenz Deutschland – Namensnennung 2.0).
using core::kMapAttribution;

void drawNavigationBar(const View& view, Intents& out);
float navigationBarHeight(const View& view);
void drawStillThere(const View& view);

// Shared pieces of several screens.
// A button for every language, in its own words, in rows of `width` (mirrored right to left).
void languageButtons(const View& view, Intents& out, float width, float height);
// "Jetzt geöffnet – bis 12:00" and whether it is open (known to be open: never when nobody knows),
// for a status line with an icon; "Öffnungszeiten bitte erfragen – nach Vereinbarung" when unknown.
std::string openingStatusText(const core::OpeningHours& hours, core::LocalDateTime now,
                              const core::HolidayCalendar& holidays, const std::string& language, bool* isOpen = nullptr);
void openingStatusLine(const core::OpeningHours& hours, core::LocalDateTime now, const core::HolidayCalendar& holidays,
                       const std::string& language);
// The regular week as a table, then the holiday rule, the exceptions in words and the comments
// (the slip and the voice take core::weeklyHoursText).
void weeklyHours(const core::OpeningHours& hours, const std::string& language);
// "Nur jetzt geöffnet" on the map: a place whose hours say it is open now (unknown is not open).
bool knownOpenNow(const core::Provider& provider, core::LocalDateTime now, const core::HolidayCalendar& holidays);
std::string languageList(const std::vector<std::string>& codes, const std::string& language);
void contactQr(const View& view, const core::Provider& provider, float side);
void linkQr(const View& view, const std::string& url, float side);
// "Listen" (or "Stop" while it plays) for the explanation `explanation` ("home", "offer:<id>")
// whose files per language are `audio`. Draws nothing (and returns false) when there is no
// sound device or no file for the language or German: never a dead button.
// In `row` when given, as its next item.
bool listenButton(const View& view, const std::string& explanation, const core::LocalizedText& audio, Intents& out,
                  Row* row = nullptr);
// The listen button of a screen whose sound file follows the convention (core::explanationAudio:
// "stage:<id>", "provider:<id>", "emergencies" …) in a row of its own, and its controls while it plays.
void screenListen(const View& view, const std::string& explanation, Intents& out);
// While `explanation` plays: quieter, louder and its progress, in a row.
void listenControls(const View& view, const std::string& explanation, Intents& out);

}  // namespace kiosk::ui
