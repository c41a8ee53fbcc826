// Feeds a replay script (`--replay`) into the frame loop, one command after the screen settled
// from the last: taps and drags become ImGui mouse input, checks read what the last frame drew.
#pragma once

#include "kiosk/app/kiosk_clock.hpp"
#include "kiosk/app/replay.hpp"
#include "kiosk/core/screen_size.hpp"

#include <deque>
#include <optional>
#include <random>
#include <utility>
#include <string>
#include <vector>

namespace kiosk::app {

class ReplayPlayer {
public:
    ReplayPlayer(std::vector<ReplayLine> lines, core::PixelDensity density)
        : m_lines(std::move(lines)), m_density(std::move(density)) {}

    bool finished() const;
    bool failed() const { return m_failed; }
    // Called between ImGui's backends' NewFrame and ImGui::NewFrame; may set the mouse.
    void beforeFrame(KioskClock& clock, int width, int height);
    // True once after a `fail-frame`: this frame's drawing must fail.
    bool takeFailFrame() { return std::exchange(m_failFrame, false); }
    // Whether this frame is rendered and shown: every frame, but during a soak only every
    // PRESENT_EVERY-th (the soak's speed goes to the kiosk's code, not to software OpenGL's pixels).
    // Called once a frame.
    bool showsFrame() { return m_soakLeft == 0 || ++m_soakFrames % m_soakPresentEvery == 0; }

private:
    struct MouseFrame {
        float x, y;
        bool down;
    };

    bool run(const ReplayLine& line, KioskClock& clock, int width, int height);
    bool fail(const ReplayLine& line, const std::string& message);
    bool writeTargets(const ReplayLine& line, const step::Targets& targets);
    bool checkTargets(const ReplayLine& line, const step::CheckTargets& check);
    bool checkTexts(const ReplayLine& line);
    void press(float x1, float y1, float x2, float y2);
    void soakStep(KioskClock& clock, int width, int height);
    void soakReport() const;
    void nextMouseFrame();

    static constexpr float kFrameSeconds = 0.010f;
    std::vector<ReplayLine> m_lines;
    core::PixelDensity m_density;
    size_t m_next = 0;
    std::deque<MouseFrame> m_mouse;
    int m_settle = 3;
    KioskClock::Steady::time_point m_waitUntil{};
    bool m_failed = false;
    bool m_failFrame = false;
    std::optional<step::Key> m_keyDown;  // released in the next frame
    std::optional<KioskClock::Steady::time_point> m_expectDeadline;  // of an `expect` still waiting
    static constexpr std::chrono::seconds kExpectPatience{10};
    static constexpr std::chrono::seconds kWindowPatience{60};
    long m_soakLeft = 0, m_soakDone = 0, m_soakReportEvery = 10'000, m_soakFrames = 0;
    int m_soakPresentEvery = 1;
    bool m_soakReportDue = false;  // a report after the idle reset that has just begun
    KioskClock::Steady::time_point m_soakStarted{};
    std::mt19937 m_random;
};

}  // namespace kiosk::app
