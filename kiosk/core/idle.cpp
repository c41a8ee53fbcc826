// Pure time arithmetic, so the idle rules are unit-tested without waiting.
#include "kiosk/core/idle.hpp"

namespace kiosk::core {

IdleTimer::IdleTimer(std::chrono::seconds timeout, std::chrono::seconds warning)
    : m_timeout(timeout), m_warning(warning) {}

IdlePhase IdleTimer::phase(Clock::time_point now) const {
    auto idle = now - m_lastTouch;
    if (idle < m_timeout) return IdlePhase::Active;
    if (idle < m_timeout + m_warning) return IdlePhase::Warning;
    return IdlePhase::Expired;
}

int IdleTimer::secondsLeft(Clock::time_point now) const {
    auto left = m_lastTouch + m_timeout + m_warning - now;
    if (left <= Clock::duration::zero()) return 0;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

IdleTimer::Clock::time_point IdleTimer::nextChange(Clock::time_point now) const {
    auto warningStart = m_lastTouch + m_timeout;
    auto reset = warningStart + m_warning;
    if (now < warningStart) return warningStart;
    if (now >= reset) return now;
    // Tick on each whole second of the countdown.
    auto next = reset - std::chrono::seconds(secondsLeft(now) - 1);
    return next > now ? next : now;
}

}  // namespace kiosk::core
