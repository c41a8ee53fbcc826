// When a family has walked away: a quiet period, a "still there?" countdown, then a full reset.
#pragma once

#include <chrono>

namespace kiosk::core {

enum class IdlePhase { Active, Warning, Expired };

class IdleTimer {
public:
    using Clock = std::chrono::steady_clock;

    IdleTimer(std::chrono::seconds timeout, std::chrono::seconds warning);

    // Any touch starts the quiet period again (also during the countdown).
    void touch(Clock::time_point now) { m_lastTouch = now; }

    IdlePhase phase(Clock::time_point now) const;
    // Whole seconds left in the countdown, rounded up (10, 9, ... 1).
    int secondsLeft(Clock::time_point now) const;
    // The next moment the display must change because of idling: the start of the
    // countdown, its next second, or the reset.
    Clock::time_point nextChange(Clock::time_point now) const;

private:
    std::chrono::seconds m_timeout;
    std::chrono::seconds m_warning;
    Clock::time_point m_lastTouch{};
};

}  // namespace kiosk::core
