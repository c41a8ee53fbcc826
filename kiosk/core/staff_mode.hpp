// Staff mode for receptionists: the hidden gesture that opens the PIN pad, the lock after wrong
// PINs, and the staff screens' state, which closes itself after two minutes without a touch.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace kiosk::core {

// Five quick taps into the top-left corner, none more than two seconds after the one before (a
// pause or a tap anywhere else starts the count again), so a family tapping around the screen
// does not open the PIN pad by chance. The gap, not the whole gesture, is timed: a receptionist
// tapping steadily, or a kiosk busy drawing, still gets there.
class CornerTaps {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int kTaps = 5;
    static constexpr std::chrono::seconds kGap{2};

    // `corner`: the side of the square (pixels) counted as the corner. True on the fifth tap.
    bool tap(float x, float y, float corner, Clock::time_point now);

private:
    int m_count = 0;
    Clock::time_point m_last{};
};

// After five wrong PINs the pad locks for five minutes, each further lock twice as long as the
// last (capped at a day); the right PIN ends the doubling. Wall-clock time, so that the lock can
// be written to disk and outlast a restart; a clock set back never lengthens a lock.
class PinLock {
public:
    using Clock = std::chrono::system_clock;
    static constexpr int kAttempts = 5;
    static constexpr std::chrono::minutes kFirstLock{5};
    static constexpr std::chrono::hours kLongestLock{24};

    bool locked(Clock::time_point now) const { return secondsLeft(now) > 0; }
    // Whole seconds until the pad opens again, rounded up; 0 when it is open.
    std::int64_t secondsLeft(Clock::time_point now) const;
    int attemptsLeft() const { return kAttempts - m_wrong; }

    // A wrong PIN; true when it locked the pad.
    bool wrong(Clock::time_point now);
    void right();
    // Locks the pad now, as five wrong PINs would: what the kiosk does when it cannot trust or keep
    // the count (a damaged lock file, a data folder that cannot be written), so the lock fails closed.
    void lockNow(Clock::time_point now);
    // The stricter of two views of the same lock (the one in memory and the one in the file): more
    // wrong PINs, more locks, a later end. Neither a lost write nor an old file opens the pad.
    static PinLock stricter(const PinLock& a, const PinLock& b);

    // "wrong locks until" as one line of text, for the file in the data folder; nothing when the
    // text is not such a line (the caller then starts from an open pad, and says so in the log).
    std::string toText() const;
    static std::optional<PinLock> fromText(std::string_view text);

    friend bool operator==(const PinLock&, const PinLock&) = default;

private:
    std::chrono::seconds lockLength() const;  // of the lock in force (the m_locks-th)

    int m_wrong = 0;   // wrong PINs since the last lock or the right PIN
    int m_locks = 0;   // locks since the right PIN
    std::int64_t m_until = 0;  // seconds since the epoch: locked until then
};

enum class StaffScreen { Closed, PinPad, Status };

namespace staff {
struct Digit { char digit; };
struct Erase {};
struct Submit {};  // the app checks the PIN and calls StaffMode::accept / refuse
struct Close {};
// Actions on the status screen; the app carries them out and reports with StaffMode::report.
struct Restart {};
struct ReloadContent {};
struct ImportFromStick {};
struct RollBack {};
struct TestSound {};
struct TestPrint {};
struct ExportStatistics {};
struct DisplayOff {};
}  // namespace staff

using StaffIntent = std::variant<staff::Digit, staff::Erase, staff::Submit, staff::Close, staff::Restart,
                                 staff::ReloadContent, staff::ImportFromStick, staff::RollBack, staff::TestSound,
                                 staff::TestPrint, staff::ExportStatistics, staff::DisplayOff>;

// What the staff screens show. Nothing here is kept when staff mode closes.
class StaffMode {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds kTimeout{120};
    static constexpr std::size_t kMaxDigits = 12;

    StaffScreen screen() const { return m_screen; }
    bool open() const { return m_screen != StaffScreen::Closed; }
    const std::string& digits() const { return m_digits; }
    // A UI string key for the line under the PIN pad or the actions ("staff.pin_wrong" ...), and
    // any detail (a number, a reason) to go with it.
    const std::string& messageKey() const { return m_messageKey; }
    const std::string& messageDetail() const { return m_messageDetail; }

    void openPad(Clock::time_point now);
    void touch(Clock::time_point now) { m_lastTouch = now; }
    // Closes after two minutes without a touch; true when it did just now.
    bool closeIfIdle(Clock::time_point now);
    Clock::time_point closesAt() const { return m_lastTouch + kTimeout; }

    // Digits, erase and close; everything else is the app's to carry out.
    void apply(const StaffIntent& intent);
    void accept();  // the right PIN: the status screen
    void refuse(std::string messageKey, std::string detail = {});  // a wrong PIN or a locked pad
    void report(std::string messageKey, std::string detail = {});  // an action's outcome
    void close();

private:
    StaffScreen m_screen = StaffScreen::Closed;
    std::string m_digits;
    std::string m_messageKey;
    std::string m_messageDetail;
    Clock::time_point m_lastTouch{};
};

}  // namespace kiosk::core
