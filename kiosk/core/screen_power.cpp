// The screen's hours are opening hours: the same rules and holidays as an offer's.
#include "kiosk/core/screen_power.hpp"

namespace kiosk::core {

ScreenPower::ScreenPower(std::optional<OpeningHours> hours, std::chrono::seconds stayAwake)
    : m_hours(std::move(hours)), m_stayAwake(stayAwake) {}

void ScreenPower::press(Clock::time_point now) {
    m_lastTouch = now;
    m_switchedOff = false;
    if (m_state == State::Dark) m_state = State::Waking;
}

void ScreenPower::release() {
    if (m_state == State::Waking) m_state = State::On;
}

void ScreenPower::switchOff() {
    m_switchedOff = true;
    m_state = State::Dark;
}

bool ScreenPower::outsideHours(LocalDateTime local, Clock::time_point now) const {
    if (!m_hours || evaluate(*m_hours, local).state == OpenState::OpenNow) return false;
    return !m_lastTouch || now - *m_lastTouch >= m_stayAwake;
}

ScreenPower::Change ScreenPower::update(LocalDateTime local, Clock::time_point now) {
    if (m_state == State::On && outsideHours(local, now)) m_state = State::Dark;
    const bool dark = this->dark();
    if (dark == m_reportedDark) return Change::None;
    m_reportedDark = dark;
    return dark ? Change::WentDark : Change::CameOn;
}

}  // namespace kiosk::core
