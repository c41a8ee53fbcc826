// Frame timings for the benchmarks; timing is printed, never a pass/fail condition.
#include "kiosk/app/frame_stats.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace kiosk::app {

double processCpuMilliseconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void FrameStats::frameDone(int frame) {
    if (frame < m_firstTimed) return;
    using Ms = std::chrono::duration<double, std::milli>;
    const auto now = Clock::now();
    m_milliseconds.push_back(Ms(now - m_start).count());
    m_cpu.push_back(Ms(m_cpuDone - m_start).count());
    m_render.push_back(Ms(m_renderDone - m_cpuDone).count());
    m_present.push_back(Ms(now - m_renderDone).count());
    m_threads.push_back(processCpuMilliseconds() - m_cpuStart);
    countDrawn();
}

// What the GL driver is given: draw calls, vertices, and the pixels its triangles cover (counted
// twice where they overlap) in screens, which a software GL shades one by one.
void FrameStats::countDrawn() {
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Valid) return;
    m_drawCalls = 0;
    m_vertices = data->TotalVtxCount;
    double area = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            ++m_drawCalls;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset + i;
                const ImVec2 a = list->VtxBuffer[cmd.VtxOffset + idx[0]].pos;
                const ImVec2 b = list->VtxBuffer[cmd.VtxOffset + idx[1]].pos;
                const ImVec2 c = list->VtxBuffer[cmd.VtxOffset + idx[2]].pos;
                area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5;
            }
        }
    }
    const double screen = static_cast<double>(data->DisplaySize.x) * data->DisplaySize.y;
    m_coveredScreens = screen > 0 ? area / screen : 0;
}

void FrameStats::print() const {
    if (m_milliseconds.empty()) return;
    auto sorted = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    auto at = [](const std::vector<double>& v, double q) { return v[static_cast<size_t>(q * (v.size() - 1))]; };
    const auto all = sorted(m_milliseconds);
    fmt::print("frames {}\nframe_ms_median {:.2f}\nframe_ms_p95 {:.2f}\nframe_ms_p99 {:.2f}\nframe_ms_max {:.2f}\n",
               all.size(), at(all, 0.5), at(all, 0.95), at(all, 0.99), all.back());
    fmt::print("cpu_ms_median {:.2f}\nrender_ms_median {:.2f}\npresent_ms_median {:.2f}\n", at(sorted(m_cpu), 0.5),
               at(sorted(m_render), 0.5), at(sorted(m_present), 0.5));
    // CPU time of all the process's threads per frame: much less moved than the wall time by
    // other programs on a shared machine.
    fmt::print("process_cpu_ms_median {:.2f}\n", at(sorted(m_threads), 0.5));
    fmt::print("draw_calls {}\nvertices {}\ncovered_screens {:.2f}\n", m_drawCalls, m_vertices, m_coveredScreens);
}

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

}  // namespace kiosk::app
