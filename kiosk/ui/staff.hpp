// What the staff screens (PIN pad, status and actions) draw from, and what they hand back.
#pragma once

#include "kiosk/core/staff_mode.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

using StaffIntents = std::vector<core::StaffIntent>;

// The kiosk's state at a glance, in plain words the app put together.
struct StaffStatus {
    std::string kioskName;
    std::string softwareVersion;
    std::string contentVersion;             // "Version 5 vom 26.11.2026" or the built-in content
    std::vector<std::string> packHistory;   // newest first
    std::vector<std::string> trustedKeys;   // key file names
    std::string printer;
    std::string sound;
    std::string freeDisk;
    std::string uptime;
    std::vector<std::string> lastErrors;    // newest first
    std::string schoolHolidays;             // for which school years the content lists them, or which lack them
    bool stick = false;                     // a USB stick is in: import and export can go ahead
    bool printing = false;                  // a test slip is on its way
};

struct StaffView {
    const core::StaffMode& staff;
    const StaffStatus& status;
    const std::string& language;
    bool pinSet = false;              // without a PIN the pad says how to set one, and opens nothing
    std::int64_t lockSecondsLeft = 0;  // > 0: the pad is locked
    int attemptsLeft = 5;
};

// The staff screen of the moment, full screen over the kiosk.
void drawStaff(const StaffView& view, StaffIntents& out);
void drawPinPad(const StaffView& view, StaffIntents& out);
void drawStaffStatus(const StaffView& view, StaffIntents& out);

}  // namespace kiosk::ui
