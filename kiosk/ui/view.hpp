// What the screens draw from, and what they hand back: read-only state in, intents out.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/core/district_map.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/core/opening_hours.hpp"
#include "kiosk/core/problem.hpp"
#include "kiosk/ui/texture.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::ui {

using Intents = std::vector<core::Intent>;
class MapCache;
class PictureTextures;

// QR textures by their text, made on first use and kept while the screen shows them: at most
// kCapacity, the least recently drawn given up first (never one drawn in the frame being made).
class QrTextures {
public:
    static constexpr size_t kCapacity = 32;
    const Texture* get(const std::string& text);
    void clear() { m_textures.clear(); }
    size_t size() const { return m_textures.size(); }

private:
    struct Entry {
        std::optional<Texture> texture;
        int lastFrame = 0;  // ImGui's frame count when last drawn
    };
    std::map<std::string, Entry> m_textures;
};

struct KioskInfo {
    std::string name;            // "Landratsamt Esslingen, Foyer"
    std::string version;         // software
    std::string contentBuiltAt;  // ISO 8601
    core::HolidayCalendar holidays;  // BW's public holidays and the content's school holidays: what PH and SH mean
};

// What the screens need to know of the sound: whether there is any, where the files are,
// and how far the explanation playing has come (which one plays is in the session).
struct AudioView {
    bool device = false;
    std::filesystem::path mediaDir;  // content audio paths are relative to it
    float progress = 0;              // 0..1 of the explanation playing
    std::set<std::string> broken;    // explanations that failed to play (missing or corrupt file)
};

// How printing the family's list goes; the app runs the printer, the screens show this.
struct PrintView {
    enum class State { Idle, Printing, Done, Failed };
    bool available = false;  // a printer is configured
    State state = State::Idle;
    std::string problemKey;  // with Failed: the string key of the plain-words message
};

// A content update from a USB stick, as the screen shows it.
struct UpdateView {
    enum class State { Idle, Importing, Done, Failed };
    State state = State::Idle;
    float progress = 0;     // 0..1 while importing
    long long version = 0;  // Done: what came in
    std::string created;
    int offers = 0;
    std::optional<core::Problem> problem;  // Failed: why (a refusal), said in the reader's language
};

// Where the kiosk's screen is drawn: the whole window, or (the editor's preview) a part of it.
struct ScreenArea {
    ImVec2 pos;
    ImVec2 size;
};

struct View {
    const core::Catalog& catalog;
    const core::Session& session;
    core::LocalDateTime now;
    const KioskInfo& kiosk;
    QrTextures& qr;
    const AudioView& audio;
    const PrintView& print;
    int idleSecondsLeft = -1;  // >= 0: the "still there?" countdown is running
    const core::DistrictMap* map = nullptr;                  // null: the map data could not be read
    std::optional<core::GeoPoint> here{};                    // the kiosk's own place ("you are here")
    const std::vector<std::string>* searchResults = nullptr;  // offer ids for session.searchText, best first
    MapCache* mapCache = nullptr;                            // kept across frames; null: the map drawn afresh
    std::optional<ScreenArea> area{};                        // none: the whole window
    PictureTextures* pictures = nullptr;                     // content pictures; null: none are drawn

    const std::string& language() const { return session.language; }
    bool portrait() const;
    ScreenArea screenArea() const;
};

// The whole kiosk for one frame: the current screen, the navigation bar and any overlay.
void drawKiosk(const View& view, Intents& out);
// Every text the kiosk may draw with this content, in every language (UTF-8, concatenated):
// the fonts hold the glyphs of these and no more.
std::string allTexts(const core::Catalog* catalog);
// Over everything while a stick's content is imported, and the message afterwards; true when the
// message was tapped away.
bool drawUpdate(const UpdateView& update, const std::string& language);
// Shown instead when there is no content at all: never a blank screen.
void drawNotReady(const std::string& language);

}  // namespace kiosk::ui
