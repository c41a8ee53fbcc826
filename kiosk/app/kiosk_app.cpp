// Window and frame loop: sleeps until a touch, a timer or a script needs the next frame.
#include "kiosk/app/kiosk_app.hpp"

#include "kiosk/app/explanations.hpp"
#include "kiosk/app/printing.hpp"
#include "kiosk/app/staff.hpp"
#include "kiosk/app/updates.hpp"
#include "kiosk/content/district_geo.hpp"
#include "kiosk/content/search.hpp"
#include "kiosk/core/display_sleep.hpp"
#include "kiosk/core/idle.hpp"
#include "kiosk/core/screen_size.hpp"
#include "kiosk/platform/service_manager.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/map_pictures.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/view.hpp"
#include "kiosk/ui/widgets.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <malloc.h>
#include <spdlog/spdlog.h>
#include <stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <deque>
#include <future>
#include <utility>
#include <fmt/format.h>

namespace kiosk::app {
namespace {

using SteadyClock = std::chrono::steady_clock;
const auto g_processStart = SteadyClock::now();

double processCpuMilliseconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double millisecondsSince(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// The kiosk's two clocks; a replay's `advance` moves both, `--now` pins the wall clock.
class KioskClock {
public:
    explicit KioskClock(std::optional<core::LocalDateTime> fixed) : m_fixed(fixed) {}
    SteadyClock::time_point steady() const { return SteadyClock::now() + m_offset; }
    core::LocalDateTime local() const {
        if (m_fixed) {
            core::LocalDateTime t = *m_fixed;
            auto minutes = t.minuteOfDay + std::chrono::duration_cast<std::chrono::minutes>(m_offset).count();
            t.date = core::addDays(t.date, static_cast<int>(minutes / 1440));
            t.minuteOfDay = static_cast<int>(minutes % 1440);
            return t;
        }
        std::time_t now = std::chrono::system_clock::to_time_t(
            std::chrono::system_clock::now() + std::chrono::duration_cast<std::chrono::system_clock::duration>(m_offset));
        std::tm tm{};
        localtime_r(&now, &tm);
        return {{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, tm.tm_hour * 60 + tm.tm_min};
    }
    // Seconds until the wall clock's next minute, when "open now" may change.
    double secondsToNextMinute() const {
        if (m_fixed) return 60;
        std::time_t now = std::time(nullptr);
        return 60.0 - static_cast<double>(now % 60) + 0.05;
    }
    void advance(std::chrono::seconds by) { m_offset += by; }

private:
    std::optional<core::LocalDateTime> m_fixed;
    SteadyClock::duration m_offset{};
};

bool writeScreenshot(const std::filesystem::path& file, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 0xFF;  // the window is opaque
    // GL rows run bottom-up; PNG rows top-down.
    const int stride = width * 4;
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path());
    return stbi_write_png(file.c_str(), width, height, 4, pixels.data() + static_cast<size_t>(height - 1) * stride,
                          -stride) != 0;
}

// Feeds a replay script into the frame loop, one command after the screen settled from the last.
class ReplayPlayer {
public:
    ReplayPlayer(std::vector<ReplayLine> lines, core::PixelDensity density)
        : m_lines(std::move(lines)), m_density(std::move(density)) {}

    bool finished() const {
        return m_next >= m_lines.size() && m_mouse.empty() && m_settle == 0 && SteadyClock::now() >= m_waitUntil;
    }
    bool failed() const { return m_failed; }

    // Called before each frame; may override the mouse. Returns false when the script failed.
    void beforeFrame(KioskClock& clock, int width, int height) {
        ImGuiIO& io = ImGui::GetIO();
        // A replayed finger keeps one pace on a busy machine and an idle one: each frame counts as
        // kFrameSeconds for ImGui's gestures (a double tap is two presses within 0.3 s), except
        // while a `wait` lets real time pass.
        if (SteadyClock::now() >= m_waitUntil) io.DeltaTime = kFrameSeconds;
        if (!m_mouse.empty()) {
            const MouseFrame& m = m_mouse.front();
            io.MousePos = ImVec2(m.x, m.y);
            io.MouseDown[0] = m.down;
            m_mouse.pop_front();
            if (m_mouse.empty()) m_settle = 3;
            return;
        }
        if (m_settle > 0) {
            --m_settle;
            return;
        }
        if (SteadyClock::now() < m_waitUntil) return;
        while (m_next < m_lines.size() && m_mouse.empty() && !m_failed) {
            const ReplayLine& line = m_lines[m_next++];
            if (!run(line, clock, width, height)) return;
        }
    }

private:
    struct MouseFrame {
        float x, y;
        bool down;
    };

    // Runs one command; returns false when the loop must render frames before the next command.
    bool run(const ReplayLine& line, KioskClock& clock, int width, int height) {
        auto fail = [&](const std::string& message) {
            spdlog::error("replay line {}: {}", line.number, message);
            m_failed = true;
            m_next = m_lines.size();
            return false;
        };
        if (auto* wait = std::get_if<step::Wait>(&line.step)) {
            m_waitUntil = SteadyClock::now() + std::chrono::milliseconds(wait->milliseconds);
            return false;
        }
        if (auto* tap = std::get_if<step::TapAt>(&line.step)) {
            press(tap->x, tap->y, tap->x, tap->y);
            return false;
        }
        if (auto* tap = std::get_if<step::TapText>(&line.step)) {
            for (const auto& text : ui::visibleTexts()) {
                if (!text.tappable || text.text.find(tap->text) == std::string::npos) continue;
                const float x = std::clamp((text.min.x + text.max.x) * 0.5f, 1.0f, width - 1.0f);
                const float y = std::clamp((text.min.y + text.max.y) * 0.5f, 1.0f, height - 1.0f);
                press(x, y, x, y);
                return false;
            }
            return fail(fmt::format("nothing to tap labelled \"{}\" on screen; tappable: {}", tap->text,
                                    visibleSummary(true)));
        }
        if (auto* drag = std::get_if<step::Drag>(&line.step)) {
            press(drag->x1, drag->y1, drag->x2, drag->y2);
            return false;
        }
        if (auto* expect = std::get_if<step::Expect>(&line.step)) {
            bool found = std::any_of(ui::visibleTexts().begin(), ui::visibleTexts().end(),
                                     [&](const ui::VisibleText& t) { return t.text.find(expect->text) != std::string::npos; });
            if (found != expect->present)
                return fail(fmt::format("expected \"{}\" {}on screen; visible: {}", expect->text,
                                        expect->present ? "" : "not ", visibleSummary(false)));
            spdlog::info("replay line {}: \"{}\" {}on screen, as expected", line.number, expect->text,
                         expect->present ? "" : "not ");
            return true;
        }
        if (auto* shot = std::get_if<step::Screenshot>(&line.step)) {
            if (!writeScreenshot(shot->file, width, height)) return fail("cannot write " + shot->file.string());
            spdlog::info("replay line {}: screenshot {}", line.number, shot->file.string());
            return true;
        }
        if (auto* targets = std::get_if<step::Targets>(&line.step)) {
            std::FILE* file = std::fopen(targets->file.c_str(), "w");
            if (!file) return fail("cannot write " + targets->file.string());
            for (const auto& t : ui::visibleTexts())
                if (t.tappable)
                    fmt::print(file, "{}\t{:.0f}\t{:.0f}\t{:.0f}\t{:.0f}\t{:.1f}\t{:.1f}\t{}\n", t.text, t.fullMin.x, t.fullMin.y,
                               t.fullMax.x, t.fullMax.y, core::toMillimetres(t.fullMax.x - t.fullMin.x, m_density),
                               core::toMillimetres(t.fullMax.y - t.fullMin.y, m_density), t.control ? "control" : "label");
            std::fclose(file);
            spdlog::info("replay line {}: touch targets in {}", line.number, targets->file.string());
            return true;
        }
        if (auto* check = std::get_if<step::CheckTargets>(&line.step)) {
            // Each control's whole size (a card half scrolled away is as large as ever).
            std::string tooSmall, smallest;
            double smallestMm = 1e9;
            int controls = 0;
            for (const auto& t : ui::visibleTexts()) {
                if (!t.control) continue;
                ++controls;
                const double w = core::toMillimetres(t.fullMax.x - t.fullMin.x, m_density);
                const double h = core::toMillimetres(t.fullMax.y - t.fullMin.y, m_density);
                if (std::min(w, h) < smallestMm) {
                    smallestMm = std::min(w, h);
                    smallest = fmt::format("\"{}\" {:.1f} x {:.1f} mm", t.text, w, h);
                }
                if (w < check->millimetres || h < check->millimetres)
                    tooSmall += fmt::format("{}\"{}\" {:.1f} x {:.1f} mm", tooSmall.empty() ? "" : ", ", t.text, w, h);
            }
            if (controls == 0) return fail("no controls on screen to check");
            if (!tooSmall.empty())
                return fail(fmt::format("touch targets under {} mm at {:.2f} px/mm ({}): {}", check->millimetres,
                                        m_density.pixelsPerMm, m_density.source, tooSmall));
            spdlog::info("replay line {}: {} controls at least {} mm each way at {:.2f} px/mm; the smallest: {}", line.number,
                         controls, check->millimetres, m_density.pixelsPerMm, smallest);
            return true;
        }
        if (auto* advance = std::get_if<step::Advance>(&line.step)) {
            clock.advance(std::chrono::seconds(advance->seconds));
            m_settle = 3;
            return false;
        }
        return true;
    }

    // Press at one point, move in steps to another (a drag, or nowhere for a tap), release.
    void press(float x1, float y1, float x2, float y2) {
        m_mouse.push_back({x1, y1, false});
        m_mouse.push_back({x1, y1, true});
        const bool moves = x1 != x2 || y1 != y2;
        const int steps = moves ? 12 : 0;
        for (int i = 1; i <= steps; ++i)
            m_mouse.push_back({x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps, true});
        m_mouse.push_back({x2, y2, false});
    }

    static std::string visibleSummary(bool tappableOnly) {
        std::string summary;
        for (const auto& text : ui::visibleTexts())
            if (!tappableOnly || text.tappable) summary += (summary.empty() ? "\"" : ", \"") + text.text + "\"";
        return summary.empty() ? "nothing" : summary;
    }

    static constexpr float kFrameSeconds = 0.010f;
    std::vector<ReplayLine> m_lines;
    core::PixelDensity m_density;
    size_t m_next = 0;
    std::deque<MouseFrame> m_mouse;
    int m_settle = 3;
    SteadyClock::time_point m_waitUntil{};
    bool m_failed = false;
};

// Frame times while drawing flat out, whole and in parts: the kiosk's own work on the CPU (screens,
// ImGui's vertices), the GL driver drawing them (to glFinish), and presenting the frame.
struct FrameStats {
    std::vector<double> milliseconds, cpu, render, present, threads;
    void print() {
        if (milliseconds.empty()) return;
        auto sorted = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v;
        };
        auto at = [](const std::vector<double>& v, double q) { return v[static_cast<size_t>(q * (v.size() - 1))]; };
        const auto all = sorted(milliseconds);
        fmt::print("frames {}\nframe_ms_median {:.2f}\nframe_ms_p95 {:.2f}\nframe_ms_p99 {:.2f}\nframe_ms_max {:.2f}\n",
                   all.size(), at(all, 0.5), at(all, 0.95), at(all, 0.99), all.back());
        fmt::print("cpu_ms_median {:.2f}\nrender_ms_median {:.2f}\npresent_ms_median {:.2f}\n", at(sorted(cpu), 0.5),
                   at(sorted(render), 0.5), at(sorted(present), 0.5));
        // CPU time of all the process's threads (the driver's rasteriser threads too) per frame:
        // much less moved than the wall time by other programs on a shared machine.
        fmt::print("process_cpu_ms_median {:.2f}\n", at(sorted(threads), 0.5));
    }
};

// --benchmark-drag's finger: a double tap in the middle of the left half (on the map: zoomed in, so
// that it can pan), then pressed there and moved to and fro, 12 pixels a frame (720 pixels a second
// at 60 frames), a quarter of the window's width each way: far enough for the map to be drawn anew
// now and then, not only shifted.
constexpr int kFirstDragFrame = 12;  // the frames from then on move
void benchmarkFinger(int frame, int width, int height) {
    ImGuiIO& io = ImGui::GetIO();
    const float x = 0.3f * static_cast<float>(width), y = 0.5f * static_cast<float>(height);
    io.MouseDown[0] = frame == 4 || frame == 6 || frame >= kFirstDragFrame - 3;
    const int step = std::max(0, frame - (kFirstDragFrame - 3));  // the first timed frame draws a moved map
    const float stepPixels = 12;
    const int half = std::max(1, static_cast<int>(0.25f * static_cast<float>(width) / stepPixels));  // frames one way
    const int phase = step % (2 * half);
    io.MousePos = ImVec2(x + stepPixels * static_cast<float>(phase < half ? phase : 2 * half - phase), y);
}

// Large text: every size on screen grows with the font.
constexpr float kLargeTextScale = 1.35f;

float fontSizeFor(const Config& config, int width, int height) {
    if (config.fontSize > 0) return config.fontSize;
    // About 9 mm text on a 24" 1080p screen, and never smaller than a comfortable 18 px.
    return std::max(18.0f, std::round(std::min(width, height) / 34.0f));
}

void logGlfwError(int code, const char* description) { spdlog::error("GLFW error {}: {}", code, description); }

// A press since the loop last looked: what wakes a sleeping screen (ImGui's handler calls this first).
bool g_pressed = false;
void notePress(GLFWwindow*, int, int action, int) {
    if (action == GLFW_PRESS) g_pressed = true;
}

// The screen's hours from the configuration (checked when it was read); nothing: always on.
std::optional<core::OpeningHours> displayHours(const Config& config) {
    if (config.displayHours.empty()) return std::nullopt;
    std::string error;
    auto hours = core::OpeningHours::parse(config.displayHours, error);
    if (!hours) spdlog::error("display_hours: {}; the screen stays on", error);
    return hours;
}

}  // namespace

int runKiosk(const Config& config, const content::LoadedContent& initialContent, const RunOptions& options) {
    content::LoadedContent content = initialContent;  // replaced when a stick brings new content
    glfwSetErrorCallback(logGlfwError);
    if (!glfwInit()) {
        spdlog::critical("cannot open the display (is DISPLAY set, or the kiosk running under cage?)");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // ImGui needs neither depth nor stencil: a software renderer then neither allocates nor clears them.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWmonitor* monitor = config.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int width = config.windowWidth, height = config.windowHeight;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
    }
    // The fonts are rasterised on the second core while the GL driver loads (a software renderer
    // takes a good part of the start-up there); ImGui is not touched by this thread until then.
    const float em = fontSizeFor(config, width, height);
    // The map and the keyboards are small files (the map's 520 points take well under a millisecond).
    std::string mapError;
    const std::optional<core::DistrictMap> districtMap = content::loadDistrictMap(config.assets / "geo", mapError);
    if (!districtMap) spdlog::error("map: {}", mapError);
    if (std::string problems = ui::loadKeyboards(config.assets / "keyboards"); !problems.empty())
        spdlog::error("keyboards: {}", problems);
    // The search over the content in use; what families type is never logged or kept.
    auto openSearch = [](const content::LoadedContent& loaded) {
        return loaded.database.empty() ? nullptr : std::make_unique<content::Search>(loaded.database);
    };
    std::unique_ptr<content::Search> search = openSearch(content);
    std::string searchedText, searchedLanguage;
    std::vector<std::string> searchResults;
    auto fontsLoaded = std::async(std::launch::async, [&] {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        return ui::loadFonts(em, config.assets, ui::allTexts(content.catalog ? &*content.catalog : nullptr));
    });
    GLFWwindow* window = glfwCreateWindow(width, height, "Familienkiosk", monitor, nullptr);
    const std::string fontError = fontsLoaded.get();
    if (!window || !fontError.empty()) {
        if (!window) spdlog::critical("cannot create an OpenGL 3.2 window of {}x{}", width, height);
        if (!fontError.empty()) spdlog::critical("fonts: {}", fontError);
        ImGui::DestroyContext();
        if (window) glfwDestroyWindow(window);
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.benchmarkFrames > 0 ? 0 : 1);
    if (monitor) {
        // A family must not leave the kiosk: ignore close requests and hide the pointer for touch.
        glfwSetWindowCloseCallback(window, [](GLFWwindow* w) { glfwSetWindowShouldClose(w, GLFW_FALSE); });
        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    }
    ImGuiIO& io = ImGui::GetIO();
    ui::applyTheme(em);
    glfwSetMouseButtonCallback(window, notePress);  // before ImGui's, which then passes presses on
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");

    KioskClock clock(options.fixedTime);
    core::IdleTimer idle(config.idleTimeout, config.idleCountdown);
    platform::ServiceManager systemd;  // readiness and watchdog, when systemd runs the kiosk
    if (systemd.watchdogEnabled())
        spdlog::info("systemd watchdog: waking at least every {} ms to report", systemd.longestSleep().count());
    core::DisplaySleep display(displayHours(config), config.idleTimeout + config.idleCountdown);
    bool dark = false;  // the screen shows black and nothing is drawn
    bool reportedReady = false;
    auto reportReady = [&] {  // the first frame is on the screen, a drawn or a black one
        if (std::exchange(reportedReady, true)) return;
        spdlog::info("first frame after {:.0f} ms", millisecondsSince(g_processStart));
        if (!systemd.ready()) spdlog::warn("systemd: cannot report that the kiosk is ready");
    };
    idle.touch(clock.steady());
    core::Session session = core::freshSession(config.language, options.start, config.volume);
    Explanations explanations(content.mediaDir, [] { glfwPostEmptyEvent(); });
    PrintJobs printJobs(config, [] { glfwPostEmptyEvent(); });  // the worker wakes the loop when done
    Updates updates(config, options.usbRoot, [] { glfwPostEmptyEvent(); });
    ui::KioskInfo kioskInfo{config.kioskName, KIOSK_VERSION, content.info.builtAt,
                            core::HolidayCalendar(content.catalog->network.schoolHolidays)};
    StaffDesk staffDesk(config, updates, printJobs);
    // The display switched off from staff mode: black, no redraws, until the next touch (which
    // only wakes it: the finger must lift before the attract screen takes taps again).
    enum class Blank { No, Off, Waking } blank = Blank::No;
    bool familyPrinting = false;  // a family's slip, counted when it is done (not staff's test slips)
    std::optional<content::Statistics> statistics;
    try {
        std::filesystem::create_directories(config.dataDir);
        statistics.emplace(content::statisticsFile(config.dataDir));
    } catch (const std::exception& e) {
        spdlog::error("statistics: {}; the kiosk counts nothing until restarted", e.what());
    }
    auto count = [&](auto&&... what) {
        if (!statistics) return;
        try {
            statistics->count(clock.local(), what...);
        } catch (const std::exception& e) {
            spdlog::error("statistics: {}", e.what());  // a full disk must not stop the kiosk
        }
    };
    ui::QrTextures qr;
    ui::MapPictures mapPictures;
    std::optional<ReplayPlayer> replay;
    // How large a pixel is, for touch targets in millimetres. In a window (tests, previews) the window
    // stands for the whole screen, as it does for the font size.
    int monitorWidthMm = 0, monitorHeightMm = 0;
    if (monitor) glfwGetMonitorPhysicalSize(monitor, &monitorWidthMm, &monitorHeightMm);
    const core::PixelDensity density =
        core::pixelDensity(config.screenDiagonalInches, monitorWidthMm, monitorHeightMm, width, height);
    spdlog::info("screen: {}x{} px, {:.2f} px/mm ({}); text {:.0f} px = {:.1f} mm, buttons at least {:.1f} mm high", width,
                 height, density.pixelsPerMm, density.source, em, core::toMillimetres(em, density),
                 core::toMillimetres(2.4 * em, density));
    if (core::toMillimetres(1.6 * em, density) < core::kMinTargetMm)  // the smallest control: a map pin
        spdlog::warn("screen: touch targets are smaller than {} mm on this screen; set a larger font_size",
                     core::kMinTargetMm);
    if (options.hasReplay) replay.emplace(options.replay, density);

    bool largeText = false;
    ui::Theme theme = ui::Theme::Standard;
    float themeEm = em;
    const bool flatOut = options.benchmarkFrames > 0;
    FrameStats stats;
    int framesToDraw = 3;  // fonts and layout settle within the first frames
    int frame = 0;
    int exitCode = 0;
    bool reloadAsked = false;
    // A fresh visit on the attract screen: silence, no print job or QR code, nothing of the search.
    auto forgetFamily = [&](auto at) {
        session = core::freshSession(config.language, {core::ScreenId::Attract, {}, {}}, config.volume);
        explanations.follow(session, content.catalog ? &*content.catalog : nullptr, at);
        printJobs.reset();
        qr.clear();
        searchedText.clear();
        searchResults.clear();
    };
    auto reloadFonts = [&](float size) {
        if (std::string error = ui::loadFonts(size, config.assets, ui::allTexts(content.catalog ? &*content.catalog : nullptr));
            error.empty()) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            ui::releaseFontPixels();
        } else {
            spdlog::error("fonts: {}", error);
        }
    };

    while (!glfwWindowShouldClose(window)) {
        const bool scripted = replay || options.screenshot || flatOut;
        if (framesToDraw <= 0 && !scripted) {
            // Sleep until something happens: a touch, the idle countdown, or the next minute.
            auto now = clock.steady();
            double timeout = 3600;
            if (session.current().id != core::ScreenId::Attract) {
                timeout = std::chrono::duration<double>(idle.nextChange(now) - now).count();
                if (session.current().id != core::ScreenId::Home) timeout = std::min(timeout, clock.secondsToNextMinute());
            }
            if (explanations.playing()) timeout = std::min(timeout, 0.1);  // its progress bar moves
            if (!config.displayHours.empty()) timeout = std::min(timeout, clock.secondsToNextMinute());
            if (staffDesk.open())
                timeout = std::min(timeout, std::chrono::duration<double>(staffDesk.closesAt() - now).count());
            if (blank == Blank::Off) timeout = 3600;
            // Idle or not, systemd must hear from the loop before its watchdog fires.
            if (systemd.watchdogEnabled())
                timeout = std::min(timeout, std::chrono::duration<double>(systemd.longestSleep()).count());
            glfwWaitEventsTimeout(std::max(0.001, timeout));
            framesToDraw = 2;  // press and release may arrive together: the second frame sees the release
        } else {
            glfwPollEvents();
        }
        const auto frameStart = SteadyClock::now();
        const double frameCpuStart = flatOut ? processCpuMilliseconds() : 0;
        systemd.alive(frameStart);

        // A stick brought new content (or staff asked to read it again): take it, with fonts for
        // its glyphs, and start afresh.
        if ((updates.takeNewContent() || reloadAsked) && options.reloadContent) {
            reloadAsked = false;
            content = options.reloadContent();
            mapPictures.clear();  // its pins and their places were the old content's
            search = openSearch(content);
            kioskInfo.contentBuiltAt = content.info.builtAt;
            kioskInfo.holidays = core::HolidayCalendar(content.catalog->network.schoolHolidays);
            explanations.setMediaDir(content.mediaDir);
            forgetFamily(frameStart);
            largeText = false;  // the fresh session's size
            reloadFonts(em);
            framesToDraw = 3;
        }

        // Outside the screen's hours, or switched off: black once, then nothing drawn until a touch
        // or the hours begin. The touch that wakes the screen does nothing else.
        if (std::exchange(g_pressed, false)) display.touch(clock.steady());
        if (!scripted && display.asleep(clock.local(), clock.steady())) {
            if (!dark) {
                dark = true;
                spdlog::info("display: asleep until a touch");
                forgetFamily(frameStart);
                glClearColor(0, 0, 0, 1);
                glClear(GL_COLOR_BUFFER_BIT);
                glfwSwapBuffers(window);
                reportReady();
            }
            ImGui_ImplGlfw_NewFrame();  // takes the input, which no screen sees
            ImGui::NewFrame();
            ImGui::EndFrame();
            framesToDraw = 0;
            continue;
        }
        if (dark) {
            dark = false;
            spdlog::info("display: awake");
            idle.touch(clock.steady());
            framesToDraw = 3;
        }
        // Large text and high contrast are the family's choice, until the idle reset takes them back.
        if (session.largeText != largeText) {
            largeText = session.largeText;
            reloadFonts(largeText ? std::round(em * kLargeTextScale) : em);
            theme = ui::Theme::Standard;  // the style's sizes follow the font: set again below
            framesToDraw = 3;
        }
        if (const auto wanted = session.highContrast ? ui::Theme::HighContrast : ui::Theme::Standard;
            wanted != theme || ui::em() != themeEm) {
            theme = wanted;
            themeEm = ui::em();
            ui::applyTheme(themeEm, theme);
            framesToDraw = 3;
        }

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        glfwGetFramebufferSize(window, &width, &height);
        if (replay) replay->beforeFrame(clock, width, height);
        if (flatOut && options.benchmarkDrag) benchmarkFinger(frame, width, height);

        // A touch anywhere keeps the session alive; an expired one is replaced whole.
        auto now = clock.steady();
        if (io.MouseDown[0]) idle.touch(now);
        const bool onAttract = session.current().id == core::ScreenId::Attract;
        const core::IdlePhase phase = onAttract ? core::IdlePhase::Active : idle.phase(now);
        if (phase == core::IdlePhase::Expired) {
            spdlog::info("idle: session reset");
            forgetFamily(frameStart);  // silence now; nothing of the last family's search stays in memory
        }

        ImGui::NewFrame();
        ui::sampleNearest(*ImGui::GetBackgroundDrawList());  // text at its own size: no blending of texels
        ui::clearVisibleTexts();
        ui::Intents intents;
        auto startAfresh = [&] {
            forgetFamily(frameStart);
            idle.touch(now);
        };
        if (blank != Blank::No) {
            if (blank == Blank::Off && ImGui::IsMouseClicked(0)) blank = Blank::Waking;
            if (blank == Blank::Waking && !io.MouseDown[0]) {
                spdlog::info("display: on again");
                blank = Blank::No;
                framesToDraw = 3;
            }
        } else if (ImGui::IsMouseClicked(0) && staffDesk.press(io.MousePos.x, io.MousePos.y, 3 * em, now)) {
            startAfresh();  // nothing of a family's visit stays behind the PIN pad
        }
        if (staffDesk.open()) {
            if (io.MouseDown[0]) staffDesk.touch(now);
            staffDesk.followPrint(printJobs.poll());
            const bool timedOut = staffDesk.closeIfIdle(now);
            const ui::StaffIntents staffIntents = timedOut ? ui::StaffIntents{} : staffDesk.draw(kioskInfo, explanations.view());
            const auto effects = timedOut ? StaffDesk::Effects{.closed = true} : staffDesk.apply(staffIntents);
            if (!staffIntents.empty() || timedOut) framesToDraw = 3;  // show the outcome at once
            if (effects.testSound) {
                session.listeningTo = "home";
                if (!explanations.view().device) staffDesk.report("staff.sound_failed", ui::tr("staff.sound_none", config.language));
            }
            if (effects.testPrint && content.catalog) {
                std::vector<std::string> ids;
                for (size_t i = 0; i < content.catalog->offers.size() && i < 2; ++i) ids.push_back(content.catalog->offers[i].id);
                core::Slip slip = makeSlip(*content.catalog, ids, config.language, config.kioskName, clock.local());
                slip.labels.heading = "Testdruck – Familienkiosk " KIOSK_VERSION;
                printJobs.start(std::move(slip));
            }
            if (effects.reloadContent) reloadAsked = true;
            if (effects.closed) startAfresh();
            if (effects.displayOff) blank = Blank::Off;
            if (effects.restart) {
                exitCode = kRestartExitCode;
                glfwSetWindowShouldClose(window, GLFW_TRUE);
            }
        } else if (blank != Blank::No) {
            // Nothing drawn: the frame is cleared to black below.
        } else if (content.catalog) {
            ui::View view{*content.catalog, session, clock.local(), kioskInfo, qr, explanations.view(), printJobs.poll(),
                          phase == core::IdlePhase::Warning ? idle.secondsLeft(now) : -1};
            view.map = districtMap ? &*districtMap : nullptr;
            view.here = config.location;
            if (session.current().id == core::ScreenId::Search &&
                (session.searchText != searchedText || session.language != searchedLanguage)) {
                searchedText = session.searchText;
                searchedLanguage = session.language;
                searchResults = search ? search->find(searchedText, searchedLanguage) : std::vector<std::string>{};
            }
            view.searchResults = &searchResults;
            view.mapPictures = &mapPictures;
            ui::drawKiosk(view, intents);
        } else {
            ui::drawNotReady(config.language);
        }
        if (ui::drawUpdate(updates.poll(), session.language)) updates.dismiss();
        // What the family asked for takes effect now (sound starts before this frame is drawn);
        // the new screen shows from the next frame.
        for (const auto& intent : intents) {
            if (std::holds_alternative<core::intent::PrintList>(intent) && content.catalog) {
                printJobs.start(makeSlip(*content.catalog, session.chosen, session.language, config.kioskName,
                                         clock.local()));
                familyPrinting = true;
            } else {
                printJobs.reset();  // the family moved on: no old "done" on the next visit to the list
            }
            if (statistics) {
                try {
                    countUsage(*statistics, intent, session, clock.local());
                } catch (const std::exception& e) {
                    spdlog::error("statistics: {}", e.what());
                }
            }
            core::apply(session, intent);
        }
        if (familyPrinting && !staffDesk.open()) {
            const auto state = printJobs.poll().state;
            if (state == ui::PrintView::State::Done) count(content::metric::kSlip);
            if (state != ui::PrintView::State::Printing) familyPrinting = false;
        }
        explanations.follow(session, content.catalog ? &*content.catalog : nullptr, frameStart);
        ImGui::Render();
        const auto cpuDone = SteadyClock::now();
        glViewport(0, 0, width, height);
        const ImVec4 background = blank != Blank::No ? ImVec4(0, 0, 0, 1)
                                                     : ImGui::ColorConvertU32ToFloat4(ui::palette().background);
        glClearColor(background.x, background.y, background.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (flatOut) glFinish();
        const auto renderDone = SteadyClock::now();

        ++frame;
        if (options.screenshot && !replay && frame == 3) {
            if (!writeScreenshot(*options.screenshot, width, height)) {
                spdlog::error("cannot write the screenshot {}", options.screenshot->string());
                exitCode = 1;
            }
            glfwSetWindowShouldClose(window, GLFW_TRUE);
        }
        glfwSwapBuffers(window);
        if (frame == 1) {
            ui::releaseFontPixels();  // the renderer uploaded them in the first frame
            malloc_trim(0);           // and give what start-up used for a while back to the system
            glFinish();
            reportReady();
        }
        if (flatOut) {
            glFinish();
            const int firstTimed = options.benchmarkDrag ? kFirstDragFrame : 4;
            if (frame >= firstTimed) {
                using Ms = std::chrono::duration<double, std::milli>;
                stats.milliseconds.push_back(millisecondsSince(frameStart));
                stats.cpu.push_back(Ms(cpuDone - frameStart).count());
                stats.render.push_back(Ms(renderDone - cpuDone).count());
                stats.present.push_back(Ms(SteadyClock::now() - renderDone).count());
                stats.threads.push_back(processCpuMilliseconds() - frameCpuStart);
            }
            if (frame >= options.benchmarkFrames + firstTimed - 1) glfwSetWindowShouldClose(window, GLFW_TRUE);
        }

        if (!intents.empty()) {
            framesToDraw = 3;  // show the new screen at once
            qr.clear();  // only now: this frame's draw data still used them
        }
        if (io.MouseDown[0] || ImGui::IsAnyItemActive()) framesToDraw = std::max(framesToDraw, 2);  // dragging
        --framesToDraw;

        if (replay && replay->finished()) {
            if (replay->failed()) exitCode = 1;
            glfwSetWindowShouldClose(window, GLFW_TRUE);
        }
    }
    if (flatOut) stats.print();

    qr.clear();  // GL textures go while their context is still there
    mapPictures.clear();
    ui::releaseGlObjects();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

}  // namespace kiosk::app
