#include "kiosk/app/start_steps.hpp"

#include <fmt/format.h>

#include <chrono>
#include <mutex>

namespace kiosk::app {
namespace {

using SteadyClock = std::chrono::steady_clock;
const auto g_processStart = SteadyClock::now();  // static set-up: the loader is done
std::mutex g_mutex;
std::string g_steps;

}  // namespace

double startMilliseconds() {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - g_processStart).count();
}

void startStep(const char* step, double since) {
    const double now = startMilliseconds();
    std::lock_guard lock(g_mutex);
    g_steps += fmt::format("{}{} {:.0f} ms", g_steps.empty() ? "" : ", ", step, now);
    if (since >= 0) g_steps += fmt::format(" (+{:.1f})", now - since);
}

std::string startSteps() {
    std::lock_guard lock(g_mutex);
    return g_steps;
}

}  // namespace kiosk::app
