// One function per screen; each draws from the view and pushes what the family asked for.
#pragma once

#include "kiosk/ui/view.hpp"
#include "kiosk/ui/widgets.hpp"

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
// A small map of the district with the provider's pin (nothing when it has no place), `width` wide.
void miniMap(const View& view, const core::Provider& provider, float width);

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
