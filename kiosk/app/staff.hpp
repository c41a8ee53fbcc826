// Staff mode in the running kiosk: the corner gesture, checking the PIN against the configured
// hash with the lock kept in the data folder, the status at a glance, and the actions that need
// no more than the configuration, the stick and the printer. What changes the kiosk itself
// (reload, restart, display off, test sound) is handed back to the frame loop as effects.
#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/app/printing.hpp"
#include "kiosk/app/staff_pin.hpp"
#include "kiosk/app/updates.hpp"
#include "kiosk/content/statistics.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/core/staff_mode.hpp"
#include "kiosk/platform/print_problem.hpp"
#include "kiosk/ui/staff.hpp"
#include "kiosk/ui/view.hpp"

#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

// The process exit status that asks the service to start the kiosk again ("restart the kiosk").
inline constexpr int kRestartExitCode = 75;

// Keeps the last warnings and errors of the log for the staff screen (call once at start).
void keepRecentProblems();
std::vector<std::string> recentProblems();  // newest first

// The staff status row on school holidays: listed for the current and next school year, or which lack them.
std::string schoolHolidayStatus(const core::HolidayCalendar& holidays, core::Date today, const std::string& lang);

class StaffDesk {
public:
    using Clock = std::chrono::steady_clock;

    StaffDesk(const Config& config, Updates& updates);

    // Every press on the screen; true when it completed the gesture and opened the PIN pad. A press
    // on a control (`onControl`: a button, the search field) is a family's and starts the count again.
    bool press(float x, float y, float corner, bool onControl, Clock::time_point now);
    // Whether the right PIN opened the status since the pad opened (closing then starts afresh).
    bool unlocked() const { return m_staff.screen() == core::StaffScreen::Status; }
    bool open() const { return m_staff.open(); }
    // Closes staff mode after two minutes without a touch; true when it did just now.
    bool closeIfIdle(Clock::time_point now) { return m_staff.closeIfIdle(now); }
    void touch(Clock::time_point now) { m_staff.touch(now); }
    void close() { m_staff.close(); }  // the kiosk starts afresh (after a frame failed)
    Clock::time_point closesAt() const { return m_staff.closesAt(); }

    // Draws the staff screen of the moment; the intents it returned.
    ui::StaffIntents draw(const ui::KioskInfo& kiosk, const ui::AudioView& audio);

    struct Effects {
        bool closed = false;         // staff mode closed: the kiosk starts afresh
        bool reloadContent = false;  // the content changed on disk (rollback) or was asked to be read again
        bool restart = false;
        bool displayOff = false;
        bool testSound = false;
        bool testPrint = false;
    };
    Effects apply(const ui::StaffIntents& intents);

    // Outcomes that arrive later (a test slip, a sound that could not play).
    void followPrint(const ui::PrintView& print);
    void report(std::string messageKey, std::string detail = {}) { m_staff.report(std::move(messageKey), std::move(detail)); }

private:
    void submitPin();

    const Config& m_config;
    Updates& m_updates;
    core::StaffMode m_staff;
    core::CornerTaps m_corner;
    KeptPinLock m_lock;
    ui::StaffStatus m_status;
    std::future<platform::PrintResult> m_printerCheck;
    std::string m_printerState;
    bool m_testPrinting = false;
};

}  // namespace kiosk::app
