// The screen's hours are opening hours: the same rules and holidays as an offer's.
#include "kiosk/core/display_sleep.hpp"

namespace kiosk::core {

DisplaySleep::DisplaySleep(std::optional<OpeningHours> hours, std::chrono::seconds stayAwake)
    : m_hours(std::move(hours)), m_stayAwake(stayAwake) {}

void DisplaySleep::touch(Clock::time_point now) {
    m_lastTouch = now;
    m_switchedOff = false;
}

bool DisplaySleep::asleep(LocalDateTime local, Clock::time_point now) const {
    if (m_switchedOff) return true;
    if (!m_hours || evaluate(*m_hours, local).state == OpenState::OpenNow) return false;
    return !m_lastTouch || now - *m_lastTouch >= m_stayAwake;
}

}  // namespace kiosk::core
