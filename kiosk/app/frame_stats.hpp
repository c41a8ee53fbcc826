// Timing frames drawn flat out (`--benchmark-frames`), and the finger that `--benchmark-drag`
// moves meanwhile.
#pragma once

#include <chrono>
#include <vector>

namespace kiosk::app {

// CPU time of all the process's threads (the GL driver's rasteriser threads too), in ms.
double processCpuMilliseconds();

// Frame times, whole and in parts: the kiosk's own work on the CPU (screens, ImGui's vertices),
// the GL driver drawing them (to glFinish), and presenting the frame.
class FrameStats {
public:
    using Clock = std::chrono::steady_clock;

    // The frames from `firstTimed` on count (the first ones load fonts and settle the layout).
    explicit FrameStats(int firstTimed) : m_firstTimed(firstTimed) {}

    void frameStarted() {
        m_start = Clock::now();
        m_cpuStart = processCpuMilliseconds();
    }
    void cpuDone() { m_cpuDone = Clock::now(); }
    void renderDone() { m_renderDone = Clock::now(); }
    // After the frame was presented and finished.
    void frameDone(int frame);
    // Prints the medians and percentiles, one "name value" a line, to standard output.
    void print() const;

private:
    void countDrawn();  // of the last frame

    int m_firstTimed;
    int m_drawCalls = 0, m_vertices = 0;
    double m_coveredScreens = 0;
    Clock::time_point m_start, m_cpuDone, m_renderDone;
    double m_cpuStart = 0;
    std::vector<double> m_milliseconds, m_cpu, m_render, m_present, m_threads;
};

// --benchmark-drag's finger: a double tap in the middle of the left half (on the map: zoomed in, so
// that it can pan), then pressed there and moved to and fro, 12 pixels a frame (720 pixels a second
// at 60 frames), a quarter of the window's width each way: far enough for the map to be drawn anew
// now and then, not only shifted. Sets ImGui's mouse for `frame`.
inline constexpr int kFirstDragFrame = 12;  // the frames from then on move
void benchmarkFinger(int frame, int width, int height);

}  // namespace kiosk::app
