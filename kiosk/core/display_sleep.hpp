// When the screen sleeps: outside its hours once nobody has touched it for a while, or after staff
// switched it off, until the next touch. The kiosk then shows black and draws nothing.
#pragma once

#include "kiosk/core/opening_hours.hpp"

#include <chrono>
#include <optional>

namespace kiosk::core {

class DisplaySleep {
public:
    using Clock = std::chrono::steady_clock;

    // `hours`: when the screen is on (nothing: always). `stayAwake`: how long a touch outside the
    // hours keeps it on; the kiosk passes its idle timeout plus countdown, so it sleeps as the
    // session is reset.
    DisplaySleep(std::optional<OpeningHours> hours, std::chrono::seconds stayAwake);

    // A touch wakes the screen (also one switched off by staff) and keeps it awake a while.
    void touch(Clock::time_point now);
    // Staff: dark now, until the next touch, whatever the hours.
    void switchOff() { m_switchedOff = true; }

    bool asleep(LocalDateTime local, Clock::time_point now) const;

private:
    std::optional<OpeningHours> m_hours;
    std::chrono::seconds m_stayAwake;
    std::optional<Clock::time_point> m_lastTouch;
    bool m_switchedOff = false;
};

}  // namespace kiosk::core
