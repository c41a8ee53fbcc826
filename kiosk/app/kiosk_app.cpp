// The frame loop: sleeps until a touch, a timer or a script needs the next frame, then draws it.
// Each concern is a part of its own (see README, "The frame loop"); this file wires them.
#include "kiosk/app/kiosk_app.hpp"

#include "kiosk/content/start_guard.hpp"

#include "kiosk/app/explanations.hpp"
#include "kiosk/app/frame_scheduler.hpp"
#include "kiosk/app/frame_stats.hpp"
#include "kiosk/app/kiosk_clock.hpp"
#include "kiosk/app/kiosk_window.hpp"
#include "kiosk/app/presentation.hpp"
#include "kiosk/app/printing.hpp"
#include "kiosk/app/replay_player.hpp"
#include "kiosk/app/staff.hpp"
#include "kiosk/app/start_steps.hpp"
#include "kiosk/app/updates.hpp"
#include "kiosk/app/visit.hpp"
#include "kiosk/content/district_geo.hpp"
#include "kiosk/content/search.hpp"
#include "kiosk/core/idle.hpp"
#include "kiosk/core/screen_power.hpp"
#include "kiosk/platform/systemd_notifier.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/map_cache.hpp"
#include "kiosk/ui/picture_textures.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/view.hpp"
#include "kiosk/ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <malloc.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <stdexcept>
#include <utility>
#include <variant>

namespace kiosk::app {
namespace {

using SteadyClock = std::chrono::steady_clock;

double secondsUntil(SteadyClock::time_point then, SteadyClock::time_point now) {
    return std::chrono::duration<double>(then - now).count();
}

// The screen's hours from the configuration (checked when it was read); nothing: always on.
std::optional<core::OpeningHours> displayHours(const Config& config) {
    if (config.displayHours.empty()) return std::nullopt;
    std::string error;
    auto hours = core::OpeningHours::parse(config.displayHours, error);
    if (!hours) spdlog::error("display_hours: {}; the screen stays on", error);
    return hours;
}

// The map, and the keyboards (before the fonts: their letters need glyphs). Small files: the
// map's 520 points take well under a millisecond.
std::optional<core::DistrictMap> loadMapAndKeyboards(const std::filesystem::path& assets) {
    auto map = content::loadDistrictMap(assets / "geo");
    if (!map) spdlog::error("map: {}", map.problem().logLine());
    if (std::string problems = ui::loadKeyboards(assets / "keyboards"); !problems.empty())
        spdlog::error("keyboards: {}", problems);
    return map ? std::optional<core::DistrictMap>(std::move(*map)) : std::nullopt;
}

// The search over the content in use; what families type is never logged or kept.
std::unique_ptr<content::Search> openSearch(const content::LoadedContent& loaded) {
    return loaded.database.empty() ? nullptr : std::make_unique<content::Search>(loaded.database);
}

void logImGuiRecovery(void*, const char* format, ...) {
    char line[256];
    va_list args;
    va_start(args, format);
    std::vsnprintf(line, sizeof line, format, args);
    va_end(args);
    spdlog::warn("frame: ImGui: {}", line);
}

// The running kiosk. Its members are set up in the order declared and destroyed in the reverse:
// the sound device, the workers and the GL textures go first, the window and its GL context last.
class Kiosk {
public:
    Kiosk(const Config& config, content::LoadedContent initialContent, const RunOptions& options,
          std::optional<core::DistrictMap> districtMap, std::unique_ptr<KioskWindow> window);
    int run();

private:
    void frame();
    void sleepUntilDue();
    void takeNewContent();
    bool followScreenPower(SteadyClock::time_point now);
    void showDark();
    ui::Intents drawScreens(SteadyClock::time_point frameStart);
    void drawKiosk(core::IdlePhase phase, SteadyClock::time_point now, ui::Intents& intents);
    void followStaff(SteadyClock::time_point now, SteadyClock::time_point frameStart);
    void present(const ui::Intents& intents, bool shown);
    void recover(const char* what);
    void startAfresh(SteadyClock::time_point now);
    void reportReady();
    void checkReplay();
    const core::Catalog* catalog() const { return m_content.catalog ? &*m_content.catalog : nullptr; }

    const Config& m_config;
    const RunOptions& m_options;
    const bool m_flatOut;   // --benchmark-frames: every frame drawn at once and timed
    const bool m_scripted;  // a replay, a screenshot or a benchmark drives every frame
    std::unique_ptr<KioskWindow> m_window;
    content::LoadedContent m_content;  // replaced when a stick brings new content
    const std::optional<core::DistrictMap> m_districtMap;
    std::unique_ptr<content::Search> m_search;  // opened when a family first opens the search
    KioskClock m_clock;
    core::IdleTimer m_idle;
    platform::SystemdNotifier m_systemd;  // readiness and watchdog, when systemd runs the kiosk
    core::ScreenPower m_power;
    Presentation m_presentation;
    FrameScheduler m_frames;
    FrameStats m_stats;
    std::optional<ReplayPlayer> m_replay;
    ui::KioskInfo m_kioskInfo;
    ui::QrTextures m_qr;
    ui::MapCache m_mapCache;
    ui::PictureTextures m_pictures;  // practices' pictures on screen
    PrintJobs m_printJobs;
    Updates m_updates;
    StaffDesk m_staffDesk;
    Explanations m_explanations;
    Visit m_visit;
    int m_frame = 0;  // frames drawn
    int m_exitCode = 0;
    bool m_reloadAsked = false;
    bool m_blackShown = false;  // a dark screen was cleared to black once
    bool m_reportedReady = false;
    int m_trimInFrames = 0;  // frames until freed memory is given back after an idle reset
};

Kiosk::Kiosk(const Config& config, content::LoadedContent initialContent, const RunOptions& options,
             std::optional<core::DistrictMap> districtMap, std::unique_ptr<KioskWindow> window)
    : m_config(config),
      m_options(options),
      m_flatOut(options.benchmarkFrames > 0),
      m_scripted(options.hasReplay || options.screenshot || m_flatOut),
      m_window(std::move(window)),
      m_content(std::move(initialContent)),
      m_districtMap(std::move(districtMap)),
      m_clock(options.fixedTime),
      m_idle(config.idleTimeout, config.idleCountdown),
      // Scripts run at any hour (tests pin the time with --now): only staff darken their screen.
      m_power(m_scripted ? std::nullopt : displayHours(config), config.idleTimeout + config.idleCountdown),
      m_presentation(m_window->em(), config.assets),
      m_stats(options.benchmarkDrag ? kFirstDragFrame : 4),
      m_kioskInfo{config.kioskName, KIOSK_VERSION, m_content.info.builtAt,
                  core::HolidayCalendar(m_content.catalog ? m_content.catalog->network.schoolHolidays
                                                          : std::vector<core::SchoolHoliday>{})},
      m_printJobs(config, [] { KioskWindow::wake(); }),  // the workers wake the loop when done
      m_updates(config, options.usbRoot, [] { KioskWindow::wake(); }, options.stickFolders),
      m_staffDesk(config, m_updates),
      m_explanations(m_content.mediaDir, [] { KioskWindow::wake(); }),
      m_visit(config, options.start, m_clock, m_explanations, m_printJobs, m_qr) {
    if (m_systemd.watchdogEnabled())
        spdlog::info("systemd watchdog: waking at least every {} ms to report", m_systemd.longestSleep().count());
    if (options.hasReplay) m_replay.emplace(options.replay, m_window->density());
    m_idle.touch(m_clock.steady());
}

// The loop. A frame that fails (an exception anywhere in it) is logged, and the kiosk starts afresh.
int Kiosk::run() {
    while (!m_window->shouldClose()) {
        try {
            frame();
        } catch (const std::exception& e) {
            recover(e.what());
        } catch (...) {
            recover("an unknown exception");
        }
    }
    if (m_flatOut) m_stats.print();
    return m_exitCode;
}

void Kiosk::frame() {
    if (m_frames.mustSleep(m_scripted)) {
        sleepUntilDue();
        m_frames.wokeUp();
    } else {
        m_window->pollEvents();
    }
    const auto frameStart = SteadyClock::now();
    if (m_flatOut) m_stats.frameStarted();
    m_systemd.alive(frameStart);
    takeNewContent();
    if (const auto em = m_window->takeResize()) {  // the layout follows a new screen size at once
        m_presentation.resize(*em, catalog());
        m_frames.changed();
    }
    if (m_presentation.follow(m_visit.session(), catalog())) m_frames.changed();  // fonts change between frames only

    int width = 0, height = 0;
    const bool first = m_frame == 0;
    double from = startMilliseconds();
    m_window->beginFrame(width, height);
    if (first) startStep("first frame begun", from);
    if (m_replay) m_replay->beforeFrame(m_clock, width, height);
    if (m_flatOut && m_options.benchmarkDrag) benchmarkFinger(m_frame, width, height);
    ImGui::NewFrame();
    ui::clearVisibleTexts();
    if (followScreenPower(m_clock.steady())) return showDark();

    from = startMilliseconds();
    const ui::Intents intents = drawScreens(frameStart);
    ImGui::Render();
    if (first) startStep("screen", from);
    if (m_flatOut) m_stats.cpuDone();
    // A soak renders only some frames (see ReplayPlayer::showsFrame); the first three always.
    const bool shown = (!m_replay || m_replay->showsFrame()) || m_frame < 3;
    from = startMilliseconds();
    if (shown) m_window->render(ImGui::ColorConvertU32ToFloat4(ui::palette().background), m_flatOut);
    if (first) startStep("GL draw calls", from);
    if (m_flatOut) m_stats.renderDone();
    ++m_frame;
    if (m_options.screenshot && !m_replay && m_frame == 3) {
        if (!writeScreenshot(*m_options.screenshot, width, height)) {
            spdlog::error("cannot write the screenshot {}", m_options.screenshot->string());
            m_exitCode = 1;
        }
        m_window->close();
    }
    present(intents, shown);
    checkReplay();
}

// Sleeps until a touch, a worker's wake-up or the next thing due.
void Kiosk::sleepUntilDue() {
    const auto now = m_clock.steady();
    const core::ScreenId screen = m_visit.session().current().id;
    FrameScheduler::Due due;
    if (screen != core::ScreenId::Attract) {
        due.idleChange = secondsUntil(m_idle.nextChange(now), now);
        due.minuteShown = screen != core::ScreenId::Home;  // "open now" may change with the minute
    }
    due.soundPlaying = m_explanations.playing();
    due.screenFollowsHours = m_power.followsHours();
    if (m_staffDesk.open()) due.staffCloses = secondsUntil(m_staffDesk.closesAt(), now);
    due.switchedOff = m_power.switchedOff();
    if (m_systemd.watchdogEnabled()) due.watchdog = std::chrono::duration<double>(m_systemd.longestSleep()).count();
    due.secondsToNextMinute = m_clock.secondsToNextMinute();
    m_window->waitEvents(FrameScheduler::sleepSeconds(due));
}

// A stick brought new content (or staff asked to read it again): take it, with fonts for its
// glyphs, and start afresh.
void Kiosk::takeNewContent() {
    if (!((m_updates.takeNewContent() || m_reloadAsked) && m_options.reloadContent)) return;
    m_reloadAsked = false;
    m_content = m_options.reloadContent();
    m_mapCache.clear();  // its pins and their places were the old content's
    m_pictures.clear();
    m_search.reset();  // the new content's, when the search is opened
    m_kioskInfo.contentBuiltAt = m_content.info.builtAt;
    m_kioskInfo.holidays = catalog() ? core::HolidayCalendar(catalog()->network.schoolHolidays) : core::HolidayCalendar();
    m_explanations.setMediaDir(m_content.mediaDir);
    m_visit.startOver();
    m_presentation.takeContent(catalog());
    m_frames.changed();
}

// Outside the screen's hours, or switched off by staff: dark until a touch, which does nothing
// else (the screen comes on when the finger lifts). True while dark.
bool Kiosk::followScreenPower(SteadyClock::time_point now) {
    if (ImGui::IsMouseClicked(0)) m_power.press(now);
    if (!ImGui::GetIO().MouseDown[0]) m_power.release();
    switch (m_power.update(m_clock.local(), now)) {
    case core::ScreenPower::Change::WentDark:
        spdlog::info("display: asleep until a touch ({})",
                     m_power.switchedOff() ? "switched off in staff mode" : "outside display_hours");
        m_visit.startOver();  // nothing of the last family stays behind a dark screen
        m_blackShown = false;
        break;
    case core::ScreenPower::Change::CameOn:
        spdlog::info("display: awake");
        m_idle.touch(now);
        m_frames.changed();
        break;
    case core::ScreenPower::Change::None: break;
    }
    return m_power.dark();
}

// Black once (every frame of a script, which may take screenshots), then nothing drawn; ImGui's
// frame takes the input, which no screen sees.
void Kiosk::showDark() {
    ImGui::EndFrame();
    if (!m_blackShown || m_scripted) {
        m_window->clearBlack();
        m_window->present();
        m_blackShown = true;
        reportReady();
    }
    if (m_power.state() == core::ScreenPower::State::Waking) m_frames.fingerDown();  // until the finger lifts
    else m_frames.pause();
    checkReplay();
}

// The frame's screens: staff mode's, or the family's with the update message over them. What the
// family asked for takes effect now (sound starts before this frame is drawn); the new screen
// shows from the next frame.
ui::Intents Kiosk::drawScreens(SteadyClock::time_point frameStart) {
    const ImGuiIO& io = ImGui::GetIO();
    const auto now = m_clock.steady();
    // A touch anywhere keeps the session alive; an expired one is replaced whole.
    if (io.MouseDown[0]) m_idle.touch(now);
    const bool onAttract = m_visit.session().current().id == core::ScreenId::Attract;
    const core::IdlePhase phase = onAttract ? core::IdlePhase::Active : m_idle.phase(now);
    if (phase == core::IdlePhase::Expired) {
        spdlog::info("idle: session reset");
        m_visit.startOver();  // silence now; nothing of the last family's search stays in memory
        ui::forgetShapedTexts();  // before this frame draws anything
        m_trimInFrames = 3;   // once the start screen (and its language's fonts) is drawn again
    }
    ui::sampleNearest(*ImGui::GetBackgroundDrawList());  // text at its own size: no blending of texels
    ui::Intents intents;
    if (m_staffDesk.open()) followStaff(now, frameStart);
    else {
        drawKiosk(phase, now, intents);
        // Counted once the screen is drawn, so that a tap on a control (the search field, a button)
        // is known as one: the family's own taps never open the PIN pad. The pad covers the family's
        // screen, which "Abbrechen" brings back as it was; only the right PIN starts afresh.
        // (The attract screen, one target for the whole screen, counts as none: the first of the five
        // taps may wake the kiosk.)
        const bool onControl = !onAttract && (GImGui->HoveredId != 0 || !intents.empty());
        if (ImGui::IsMouseClicked(0) &&
            m_staffDesk.press(io.MousePos.x, io.MousePos.y, 3 * m_window->em(), onControl, now))
            m_frames.changed();
    }
    if (ui::drawUpdate(m_updates.poll(), m_visit.session().language)) m_updates.dismiss();
    if (m_replay && m_replay->takeFailFrame()) {
        ImGui::Begin("fail-frame");  // left open, as a screen failing halfway would
        throw std::runtime_error("the replay's fail-frame");
    }
    for (const auto& intent : intents) m_visit.apply(intent, catalog(), frameStart);
    m_visit.follow(m_staffDesk.open());
    return intents;
}

void Kiosk::drawKiosk(core::IdlePhase phase, SteadyClock::time_point now, ui::Intents& intents) {
    if (!m_content.catalog) return ui::drawNotReady(m_config.language);
    ui::View view{*m_content.catalog, m_visit.session(), m_clock.local(), m_kioskInfo, m_qr, m_explanations.view(),
                  m_printJobs.poll(), phase == core::IdlePhase::Warning ? m_idle.secondsLeft(now) : -1};
    view.map = m_districtMap ? &*m_districtMap : nullptr;
    view.here = m_config.location;
    if (!m_search && m_visit.session().current().id == core::ScreenId::Search) m_search = openSearch(m_content);
    view.searchResults = &m_visit.searchResults(m_search.get());
    view.mapCache = &m_mapCache;
    // The big map's picture (some megabytes in the GL driver) is kept while a map is shown only;
    // opening the map again draws it afresh, as the first time.
    if (const auto id = m_visit.session().current().id; id != core::ScreenId::Map && id != core::ScreenId::Actors)
        m_mapCache.big.reset();
    view.pictures = &m_pictures;
    ui::drawKiosk(view, intents);
}

// Staff mode's screen, and what its actions ask of the kiosk.
void Kiosk::followStaff(SteadyClock::time_point now, SteadyClock::time_point frameStart) {
    if (ImGui::GetIO().MouseDown[0]) m_staffDesk.touch(now);
    m_staffDesk.followPrint(m_printJobs.poll());
    const bool wasUnlocked = m_staffDesk.unlocked();
    const bool timedOut = m_staffDesk.closeIfIdle(now);
    const ui::StaffIntents staffIntents = timedOut ? ui::StaffIntents{} : m_staffDesk.draw(m_kioskInfo, m_explanations.view());
    const auto effects = timedOut ? StaffDesk::Effects{.closed = true} : m_staffDesk.apply(staffIntents);
    if (!staffIntents.empty() || timedOut) m_frames.changed();  // show the outcome at once
    if (effects.testSound) {
        m_visit.apply(core::intent::TestSound{}, catalog(), frameStart);
        if (!m_explanations.view().device)
            m_staffDesk.report("staff.sound_failed", ui::tr("staff.sound_none", m_config.language));
    }
    if (effects.testPrint && m_content.catalog) {
        std::vector<std::string> ids;
        for (size_t i = 0; i < m_content.catalog->offers.size() && i < 2; ++i) ids.push_back(m_content.catalog->offers[i].id);
        core::Slip slip = makeSlip(*m_content.catalog, ids, m_config.language, m_config.kioskName, m_clock.local());
        slip.labels.heading = "Testdruck – Familienkiosk " KIOSK_VERSION;
        m_printJobs.start(std::move(slip));
    }
    if (effects.reloadContent) m_reloadAsked = true;
    // Cancelled on the pad, the family's screen comes back as it was; after staff's work (or a pad
    // left alone for two minutes) the kiosk starts afresh.
    if (effects.closed && (wasUnlocked || timedOut)) startAfresh(now);
    else if (effects.closed) m_frames.changed();
    if (effects.displayOff) m_power.switchOff();
    if (effects.restart) {
        m_exitCode = kRestartExitCode;
        m_window->close();
    }
}

// The drawn frame on the screen; how many more to draw.
void Kiosk::present(const ui::Intents& intents, bool shown) {
    if (shown) m_window->present();
    m_pictures.endFrame();  // the frame is rendered: pictures it did not draw are off screen
    if (m_frame == 1) {
        const double from = startMilliseconds();
        malloc_trim(0);  // give what start-up used for a while back to the system
        m_window->finish();
        startStep("swapped and finished", from);
        reportReady();
    }
    if (m_flatOut) {
        m_window->finish();
        m_stats.frameDone(m_frame);
        const int firstTimed = m_options.benchmarkDrag ? kFirstDragFrame : 4;
        if (m_frame >= m_options.benchmarkFrames + firstTimed - 1) m_window->close();
    }
    if (!intents.empty()) {
        m_frames.changed();  // show the new screen at once
        m_qr.clear();        // only now: this frame's draw data still used them
    }
    // What the last family's visit used (fonts of its language, pictures, texts) goes back to the
    // system after an idle reset, so that the kiosk's memory stays that of one visit, not a high
    // water mark of all (the soak measures it).
    // ImGui's draw lists too: each would stay at the largest any family's screen made it.
    if (m_trimInFrames > 0 && --m_trimInFrames == 0) {
        ui::forgetDrawListMemory();
        malloc_trim(0);
    }
    if (ImGui::GetIO().MouseDown[0] || ImGui::IsAnyItemActive()) m_frames.fingerDown();  // dragging
    m_frames.frameDone();
}

// A frame failed: ImGui's frame is closed as far as it got, and the kiosk starts afresh on its
// start screen, as after an idle reset (staff mode closed too).
void Kiosk::recover(const char* what) {
    spdlog::error("frame: {}; the kiosk starts afresh on its start screen", what);
    if (ImGui::GetCurrentContext()->WithinFrameScope) {
        ImGui::ErrorCheckEndFrameRecover(logImGuiRecovery);
        ImGui::EndFrame();
    }
    try {
        m_staffDesk.close();
        startAfresh(m_clock.steady());
    } catch (const std::exception& e) {
        spdlog::error("frame: starting afresh failed too: {}", e.what());
    }
    m_frames.changed();
    checkReplay();
}

void Kiosk::startAfresh(SteadyClock::time_point now) {
    m_visit.startOver();
    m_idle.touch(now);
}

// The first frame is on the screen, a drawn or a black one.
void Kiosk::reportReady() {
    if (std::exchange(m_reportedReady, true)) return;
    content::contentDrawn(m_config.dataDir, m_content);  // drawn from: no longer on trial
    // The wall clock too, for a benchmark that times from exec (before main and the libraries' loading).
    const auto wallMicroseconds =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch());
    spdlog::info("first frame after {:.0f} ms (at {} us); before it: {}", startMilliseconds(), wallMicroseconds.count(),
                 startSteps());
    if (!m_systemd.ready()) spdlog::warn("systemd: cannot report that the kiosk is ready");
    // The sound libraries and device only now: the first frame does not wait for them. A script
    // waits, so that its screens are those of a kiosk with sound from the start.
    m_explanations.open(m_scripted);
}

void Kiosk::checkReplay() {
    if (!m_replay || !m_replay->finished()) return;
    if (m_replay->failed()) m_exitCode = 1;
    m_window->close();
}

}  // namespace

int runKiosk(const Config& config, content::LoadedContent initialContent, const RunOptions& options) {
    // Large blocks (a font atlas's pixels, 10-30 MB at each language or text size change; large
    // pictures; the still pictures of a screen, 1-4 MB each, made and let go as screens change)
    // come from their own mappings and go back to the system when freed. Without a fixed threshold
    // glibc raises it after the first such block is freed and serves the next ones from the heap,
    // which then keeps their holes: the soak saw resident memory grow by half. At 4 MB the still
    // pictures stayed in the heap: 6.5 MiB more after visiting every screen (1 MB: 1.7 MiB more),
    // and no frame's time or page faults moved (300 frames of Baby at 10,000 offers, in turns).
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    // A fixed mmap threshold also fixes the trim threshold at its 128 kB default: the heap's top was
    // then given back after every frame and faulted in again on the next (page faults and zeroing:
    // the search screen's frame 11 -> 16 ms of CPU on llvmpipe). The idle reset's malloc_trim gives
    // the memory back where it matters.
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
    double from = startMilliseconds();
    startStep("content on trial");
    auto districtMap = loadMapAndKeyboards(config.assets);
    startStep("map and keyboards", from);
    // Benchmarks and soaks do not wait for the screen's refresh between frames.
    const bool soak = std::any_of(options.replay.begin(), options.replay.end(),
                                  [](const ReplayLine& line) { return std::holds_alternative<step::Soak>(line.step); });
    from = startMilliseconds();
    auto window = KioskWindow::open(config, initialContent.catalog ? &*initialContent.catalog : nullptr,
                                    options.benchmarkFrames == 0 && !soak);
    startStep("window with GL and fonts", from);
    if (!window) {
        spdlog::critical("{}", window.problem().logLine());
        return 1;
    }
    from = startMilliseconds();
    Kiosk kiosk(config, std::move(initialContent), options, std::move(districtMap), std::move(*window));
    startStep("set up", from);
    return kiosk.run();
}

}  // namespace kiosk::app
