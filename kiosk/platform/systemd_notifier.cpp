// sd_notify through libsystemd; quiet outside systemd (no NOTIFY_SOCKET: nothing is sent).
#include "kiosk/platform/systemd_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace kiosk::platform {
namespace {

// WATCHDOG_USEC when WATCHDOG_PID names our parent: cage runs the kiosk as its only client.
std::chrono::microseconds watchdogOfParent() {
    const char* pid = std::getenv("WATCHDOG_PID");
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!pid || !usec || std::to_string(::getppid()) != pid) return std::chrono::microseconds{0};
    char* end = nullptr;
    const unsigned long long value = std::strtoull(usec, &end, 10);
    return std::chrono::microseconds{end && *end == '\0' ? value : 0};
}

}  // namespace

SystemdNotifier::SystemdNotifier() {
    uint64_t usec = 0;
    std::chrono::microseconds interval{0};
    if (sd_watchdog_enabled(0, &usec) > 0) interval = std::chrono::microseconds{usec};
    else interval = watchdogOfParent();
    m_interval = std::chrono::duration_cast<std::chrono::milliseconds>(interval);
}

bool SystemdNotifier::ready() { return sd_notify(0, "READY=1") >= 0; }

void SystemdNotifier::alive(Clock::time_point now) {
    if (!watchdogEnabled() || now - m_lastPing < m_interval / 4) return;
    m_lastPing = now;
    sd_notify(0, "WATCHDOG=1");
}

}  // namespace kiosk::platform
