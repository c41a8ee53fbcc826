// Whether the screen shows anything: on, or dark (black, nothing drawn, no screen sees a touch)
// outside its hours once nobody has touched it for a while, or after staff switched it off. A
// touch wakes a dark screen, and only wakes it: the screen is on again when the finger lifts.
#pragma once

#include "kiosk/core/opening_hours.hpp"

#include <chrono>
#include <optional>

namespace kiosk::core {

class ScreenPower {
public:
    using Clock = std::chrono::steady_clock;
    enum class State {
        On,
        Dark,    // black until a touch
        Waking,  // touched while dark: still black until the finger lifts
    };
    // What changed since the last update(), for the app to act on (log, start afresh, redraw).
    enum class Change { None, WentDark, CameOn };

    // `hours`: when the screen is on (nothing: always). `stayAwake`: how long a touch outside the
    // hours keeps it on; the kiosk passes its idle timeout plus countdown, so it sleeps as the
    // session is reset.
    ScreenPower(std::optional<OpeningHours> hours, std::chrono::seconds stayAwake);

    // A finger went down: wakes a dark screen, and keeps a screen outside its hours on a while.
    void press(Clock::time_point now);
    // No finger on the screen: a waking screen comes on.
    void release();
    // Staff: dark now, until the next touch, whatever the hours.
    void switchOff();

    // Puts the screen to sleep when its hours say so; reports what changed since the last call.
    Change update(LocalDateTime local, Clock::time_point now);

    State state() const { return m_state; }
    bool dark() const { return m_state != State::On; }
    // Dark by staff's hand: only a touch ends it, the hours need not be watched.
    bool switchedOff() const { return m_switchedOff; }
    // The hours may switch the screen on or off at any minute.
    bool followsHours() const { return m_hours.has_value(); }

private:
    bool outsideHours(LocalDateTime local, Clock::time_point now) const;

    std::optional<OpeningHours> m_hours;
    std::chrono::seconds m_stayAwake;
    std::optional<Clock::time_point> m_lastTouch;
    State m_state = State::On;
    bool m_switchedOff = false;
    bool m_reportedDark = false;  // as the last update() said
};

}  // namespace kiosk::core
