// The kiosk's two clocks: the steady one for idle and staff time-outs, the wall clock for
// opening hours. A replay's `advance` moves both; `--now` pins the wall clock.
#pragma once

#include "kiosk/core/opening_hours.hpp"

#include <chrono>
#include <optional>

namespace kiosk::app {

class KioskClock {
public:
    using Steady = std::chrono::steady_clock;

    explicit KioskClock(std::optional<core::LocalDateTime> fixed) : m_fixed(fixed) {}
    Steady::time_point steady() const { return Steady::now() + m_offset; }
    core::LocalDateTime local() const;
    // Seconds until the wall clock's next minute, when "open now" may change.
    double secondsToNextMinute() const;
    void advance(std::chrono::seconds by) { m_offset += by; }

private:
    std::optional<core::LocalDateTime> m_fixed;
    Steady::duration m_offset{};
};

}  // namespace kiosk::app
