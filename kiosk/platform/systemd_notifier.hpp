// Tells systemd that the kiosk is up and still drawing (sd_notify): READY=1 after the first
// frame, WATCHDOG=1 from the frame loop, so that a frozen kiosk is killed and restarted.
#pragma once

#include <chrono>

namespace kiosk::platform {

class SystemdNotifier {
public:
    using Clock = std::chrono::steady_clock;

    // Reads NOTIFY_SOCKET and WATCHDOG_USEC from the environment. Under cage the service's main
    // process is the compositor and the kiosk its child: a WATCHDOG_PID naming the parent counts too.
    SystemdNotifier();

    // Whether systemd watches the kiosk (the unit has WatchdogSec=); without it every call is a no-op.
    bool watchdogEnabled() const { return m_interval.count() > 0; }
    // The longest the frame loop may sleep and still ping in time: half the watchdog interval.
    std::chrono::milliseconds longestSleep() const { return m_interval / 2; }

    // The first frame is on the screen. False when systemd could not be told.
    bool ready();
    // Called every loop turn; sends WATCHDOG=1 at most every quarter interval.
    void alive(Clock::time_point now);

private:
    std::chrono::milliseconds m_interval{0};
    Clock::time_point m_lastPing{};
};

}  // namespace kiosk::platform
