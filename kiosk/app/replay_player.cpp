// The replay's commands in the running kiosk: a finger at one pace, checks of the visible texts.
#include "kiosk/app/replay_player.hpp"

#include "kiosk/app/kiosk_window.hpp"
#include "kiosk/ui/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <malloc.h>
#include <sqlite3.h>
#include <unistd.h>

namespace kiosk::app {
namespace {

std::string visibleSummary(bool tappableOnly) {
    std::string summary;
    for (const auto& text : ui::visibleTexts())
        if (!tappableOnly || text.tappable) summary += (summary.empty() ? "\"" : ", \"") + text.text + "\"";
    return summary.empty() ? "nothing" : summary;
}

// A number (in kB) after NAME in /proc/self/status, e.g. "RssAnon:".
long statusKb(const std::string& status, std::string_view name) {
    const size_t at = status.find(name);
    return at == std::string::npos ? -1 : std::strtol(status.c_str() + at + name.size(), nullptr, 10);
}

}  // namespace

bool ReplayPlayer::finished() const {
    return m_next >= m_lines.size() && m_soakLeft == 0 && !m_soakReportDue && m_mouse.empty() && m_settle == 0 &&
           KioskClock::Steady::now() >= m_waitUntil;
}

void ReplayPlayer::beforeFrame(KioskClock& clock, int width, int height) {
    ImGuiIO& io = ImGui::GetIO();
    // A replayed finger keeps one pace on a busy machine and an idle one: each frame counts as
    // kFrameSeconds for ImGui's gestures (a double tap is two presses within 0.3 s), except
    // while a `wait` lets real time pass.
    const auto now = KioskClock::Steady::now();
    if (now >= m_waitUntil) io.DeltaTime = kFrameSeconds;
    if (m_keyDown) {  // pressed for one frame, like a finger on a key
        io.KeysDown[m_keyDown->code] = false;
        io.KeyCtrl = false;
        m_keyDown.reset();
        m_settle = 3;
        return;
    }
    if (!m_mouse.empty()) return nextMouseFrame();
    if (m_settle > 0) {
        --m_settle;
        return;
    }
    if (now < m_waitUntil) return;
    if (m_soakLeft > 0 || m_soakReportDue) return soakStep(clock, width, height);
    while (m_next < m_lines.size() && m_mouse.empty() && !m_failed) {
        const ReplayLine& line = m_lines[m_next++];
        if (!run(line, clock, width, height)) return;
    }
}

// The finger's next position. After the release, frames for the screen to settle: three, or one
// during a soak (the frame after the release draws what the tap opened; fonts change before it).
void ReplayPlayer::nextMouseFrame() {
    ImGuiIO& io = ImGui::GetIO();
    const MouseFrame& m = m_mouse.front();
    io.MousePos = ImVec2(m.x, m.y);
    io.MouseDown[0] = m.down;
    m_mouse.pop_front();
    if (m_mouse.empty()) m_settle = m_soakLeft > 0 ? 1 : 3;
}

bool ReplayPlayer::fail(const ReplayLine& line, const std::string& message) {
    spdlog::error("replay line {}: {}", line.number, message);
    m_failed = true;
    m_next = m_lines.size();
    return false;
}

// Runs one command; returns false when the loop must render frames before the next command.
bool ReplayPlayer::run(const ReplayLine& line, KioskClock& clock, int width, int height) {
    if (auto* wait = std::get_if<step::Wait>(&line.step)) {
        m_waitUntil = KioskClock::Steady::now() + std::chrono::milliseconds(wait->milliseconds);
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
        return fail(line, fmt::format("nothing to tap labelled \"{}\" on screen; tappable: {}", tap->text,
                                      visibleSummary(true)));
    }
    if (auto* type = std::get_if<step::Type>(&line.step)) {
        ImGui::GetIO().AddInputCharactersUTF8(type->text.c_str());
        m_settle = 3;
        return false;
    }
    if (auto* key = std::get_if<step::Key>(&line.step)) {
        ImGui::GetIO().KeysDown[key->code] = true;
        ImGui::GetIO().KeyCtrl = key->ctrl;
        m_keyDown = *key;
        return false;
    }
    if (auto* drag = std::get_if<step::Drag>(&line.step)) {
        press(drag->x1, drag->y1, drag->x2, drag->y2);
        return false;
    }
    if (auto* size = std::get_if<step::WindowSize>(&line.step)) {
        const auto now = KioskClock::Steady::now();
        if (width == size->width && height == size->height) {
            m_expectDeadline.reset();
            m_settle = 3;  // frames drawn at the new size before what comes next
            return false;
        }
        if (!m_expectDeadline) m_expectDeadline = now + kWindowPatience;
        if (now < *m_expectDeadline) {
            --m_next;  // the same line again after a frame
            m_settle = 1;
            return false;
        }
        m_expectDeadline.reset();
        return fail(line, fmt::format("the window is {}x{}, not {}x{}, after {} s", width, height, size->width,
                                      size->height, kWindowPatience.count()));
    }
    if (auto* expect = std::get_if<step::Expect>(&line.step)) {
        bool found = std::any_of(ui::visibleTexts().begin(), ui::visibleTexts().end(),
                                 [&](const ui::VisibleText& t) { return t.text.find(expect->text) != std::string::npos; });
        if (found != expect->present) {
            // What comes after work beside the frame loop (a pack written to a stick, a check on its
            // thread) may take a moment on a busy machine: `expect` waits for it up to kExpectPatience;
            // `expect-not` is checked at once.
            const auto now = KioskClock::Steady::now();
            if (expect->present && !m_expectDeadline)
                m_expectDeadline = now + (expect->seconds > 0 ? std::chrono::seconds(expect->seconds) : kExpectPatience);
            if (expect->present && now < *m_expectDeadline) {
                --m_next;  // the same line again after a frame
                m_settle = 1;
                return false;
            }
            m_expectDeadline.reset();
            return fail(line, fmt::format("expected \"{}\" {}on screen; visible: {}", expect->text,
                                          expect->present ? "" : "not ", visibleSummary(false)));
        }
        m_expectDeadline.reset();
        spdlog::info("replay line {}: \"{}\" {}on screen, as expected", line.number, expect->text,
                     expect->present ? "" : "not ");
        return true;
    }
    if (auto* shot = std::get_if<step::Screenshot>(&line.step)) {
        if (!writeScreenshot(shot->file, width, height)) return fail(line, "cannot write " + shot->file.string());
        spdlog::info("replay line {}: screenshot {}", line.number, shot->file.string());
        return true;
    }
    if (auto* targets = std::get_if<step::Targets>(&line.step)) return writeTargets(line, *targets);
    if (auto* check = std::get_if<step::CheckTargets>(&line.step)) return checkTargets(line, *check);
    if (std::holds_alternative<step::CheckTexts>(line.step)) return checkTexts(line);
    if (auto* advance = std::get_if<step::Advance>(&line.step)) {
        clock.advance(std::chrono::seconds(advance->seconds));
        m_settle = 3;
        return false;
    }
    if (auto* soak = std::get_if<step::Soak>(&line.step)) {
        spdlog::info("replay line {}: soak of {} taps, seed {}", line.number, soak->taps, soak->seed);
        m_soakLeft = soak->taps;
        m_soakDone = 0;
        m_soakReportEvery = std::clamp(soak->taps / 10, 100L, 10'000L);
        m_soakPresentEvery = soak->presentEvery;
        m_soakFrames = 0;
        m_soakStarted = KioskClock::Steady::now();
        m_random.seed(soak->seed);
        return false;
    }
    if (std::holds_alternative<step::FailFrame>(line.step)) {
        spdlog::info("replay line {}: this frame fails", line.number);
        m_failFrame = true;
        m_settle = 3;
        return false;
    }
    return true;
}

// The soak's report: resident memory split into anonymous (heap, software OpenGL's textures and
// compiled shaders) and file-backed pages (libraries' code read in, e.g. libLLVM's as llvmpipe
// compiles), open files, ImGui's windows and the state it keeps per id, time and CPU used.
void ReplayPlayer::soakReport() const {
    std::string status;
    if (std::FILE* file = std::fopen("/proc/self/status", "r")) {
        char buffer[4096];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) status.append(buffer, n);
        std::fclose(file);
    }
    std::error_code ec;
    const auto fds = std::distance(std::filesystem::directory_iterator("/proc/self/fd", ec),
                                   std::filesystem::directory_iterator());
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    int stored = 0;
    for (const ImGuiWindow* window : g.Windows) stored += window->StateStorage.Data.Size;
    timespec cpu{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    const double seconds = std::chrono::duration<double>(KioskClock::Steady::now() - m_soakStarted).count();
    const struct mallinfo2 heap = ::mallinfo2();  // what is allocated, without what was freed and not yet given back
    spdlog::info("soak: taps={} rss_kb={} anon_kb={} file_kb={} heap_kb={} sqlite_kb={} fds={} imgui_windows={} "
                 "imgui_stored={} seconds={:.1f} cpu_seconds={:.1f}",
                 m_soakDone, statusKb(status, "VmRSS:"), statusKb(status, "RssAnon:"), statusKb(status, "RssFile:"),
                 (heap.uordblks + heap.hblkhd) / 1024, sqlite3_memory_used() / 1024, fds, g.Windows.Size, stored, seconds,
                 static_cast<double>(cpu.tv_sec) + cpu.tv_nsec * 1e-9);
}

// One random action of a soak: mostly a tap on something tappable on screen, else anywhere, a
// drag now and then, an idle reset every thousand.
void ReplayPlayer::soakStep(KioskClock& clock, int width, int height) {
    const auto uniform = [&](float low, float high) { return std::uniform_real_distribution<float>(low, high)(m_random); };
    // A report due at an idle reset is made once the start screen is back (the memory a kiosk
    // keeps between families, comparable from one report to the next).
    if (std::exchange(m_soakReportDue, false)) {
        soakReport();
        if (m_soakLeft == 0) return;  // the last report, after the closing idle reset
    }
    --m_soakLeft;
    ++m_soakDone;
    const bool reportDue = m_soakDone % m_soakReportEvery == 0 || m_soakLeft == 0;
    if (m_soakDone % 1000 == 0 || m_soakLeft == 0) {  // the idle reset, as when a family leaves; and at the end
        clock.advance(std::chrono::seconds(600));
        m_settle = 6;
        m_soakReportDue = reportDue;
        return;
    }
    if (reportDue) soakReport();
    const float choice = uniform(0, 1);
    std::vector<const ui::VisibleText*> tappable;
    for (const auto& text : ui::visibleTexts())
        if (text.tappable) tappable.push_back(&text);
    if (choice < 0.7f && !tappable.empty()) {
        const auto* text = tappable[std::uniform_int_distribution<size_t>(0, tappable.size() - 1)(m_random)];
        const float x = std::clamp(uniform(text->min.x, text->max.x + 1), 1.0f, width - 1.0f);
        const float y = std::clamp(uniform(text->min.y, text->max.y + 1), 1.0f, height - 1.0f);
        press(x, y, x, y);
    } else if (choice < 0.9f) {
        const float x = uniform(1, width - 1), y = uniform(1, height - 1);
        press(x, y, x, y);
    } else {
        press(uniform(1, width - 1), uniform(1, height - 1), uniform(1, width - 1), uniform(1, height - 1));
    }
    nextMouseFrame();  // the finger arrives in this frame already
}

bool ReplayPlayer::writeTargets(const ReplayLine& line, const step::Targets& targets) {
    std::FILE* file = std::fopen(targets.file.c_str(), "w");
    if (!file) return fail(line, "cannot write " + targets.file.string());
    for (const auto& t : ui::visibleTexts())
        if (t.tappable)
            fmt::print(file, "{}\t{:.0f}\t{:.0f}\t{:.0f}\t{:.0f}\t{:.1f}\t{:.1f}\t{}\n", t.text, t.fullMin.x, t.fullMin.y,
                       t.fullMax.x, t.fullMax.y, core::toMillimetres(t.fullMax.x - t.fullMin.x, m_density),
                       core::toMillimetres(t.fullMax.y - t.fullMin.y, m_density), t.control ? "control" : "label");
    std::fclose(file);
    spdlog::info("replay line {}: touch targets in {}", line.number, targets.file.string());
    return true;
}

bool ReplayPlayer::checkTargets(const ReplayLine& line, const step::CheckTargets& check) {
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
        if (w < check.millimetres || h < check.millimetres)
            tooSmall += fmt::format("{}\"{}\" {:.1f} x {:.1f} mm", tooSmall.empty() ? "" : ", ", t.text, w, h);
    }
    if (controls == 0) return fail(line, "no controls on screen to check");
    if (!tooSmall.empty())
        return fail(line, fmt::format("touch targets under {} mm at {:.2f} px/mm ({}): {}", check.millimetres,
                                      m_density.pixelsPerMm, m_density.source, tooSmall));
    spdlog::info("replay line {}: {} controls at least {} mm each way at {:.2f} px/mm; the smallest: {}", line.number,
                 controls, check.millimetres, m_density.pixelsPerMm, smallest);
    return true;
}

bool ReplayPlayer::checkTexts(const ReplayLine& line) {
    const auto& wordless = ui::wordlessTexts();
    if (ui::visibleTexts().empty()) return fail(line, "no texts on screen to check");
    if (!wordless.empty()) {
        // The nearest text with words, to say where.
        const ImVec2 at = wordless.front();
        std::string beside = "nothing";
        float nearest = 1e30f;
        for (const auto& t : ui::visibleTexts()) {
            const float dx = t.fullMin.x - at.x, dy = t.fullMin.y - at.y;
            if (dx * dx + dy * dy < nearest) {
                nearest = dx * dx + dy * dy;
                beside = "\"" + t.text + "\"";
            }
        }
        return fail(line, fmt::format("{} text(s) without words on screen, the first at {:.0f},{:.0f} (near {})",
                                      wordless.size(), at.x, at.y, beside));
    }
    spdlog::info("replay line {}: {} texts on screen, none without words", line.number, ui::visibleTexts().size());
    return true;
}

// Press at one point, move in steps to another (a drag, or nowhere for a tap), release.
void ReplayPlayer::press(float x1, float y1, float x2, float y2) {
    m_mouse.push_back({x1, y1, false});
    m_mouse.push_back({x1, y1, true});
    const bool moves = x1 != x2 || y1 != y2;
    const int steps = moves ? 12 : 0;
    for (int i = 1; i <= steps; ++i) m_mouse.push_back({x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps, true});
    m_mouse.push_back({x2, y2, false});
}

}  // namespace kiosk::app
