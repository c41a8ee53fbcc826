// Local time from the system (or --now), shifted by what a replay advanced.
#include "kiosk/app/kiosk_clock.hpp"

#include <ctime>

namespace kiosk::app {

core::LocalDateTime KioskClock::local() const {
    if (m_fixed) {
        core::LocalDateTime t = *m_fixed;
        auto minutes = t.minuteOfDay + std::chrono::duration_cast<std::chrono::minutes>(m_offset).count();
        t.date = core::addDays(t.date, static_cast<int>(minutes / 1440));
        t.minuteOfDay = static_cast<int>(minutes % 1440);
        return t;
    }
    std::time_t now = std::chrono::system_clock::to_time_t(
        std::chrono::system_clock::now() + std::chrono::duration_cast<std::chrono::system_clock::duration>(m_offset));
    std::tm tm{};
    localtime_r(&now, &tm);
    return {{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, tm.tm_hour * 60 + tm.tm_min};
}

double KioskClock::secondsToNextMinute() const {
    if (m_fixed) return 60;
    std::time_t now = std::time(nullptr);
    return 60.0 - static_cast<double>(now % 60) + 0.05;
}

}  // namespace kiosk::app
