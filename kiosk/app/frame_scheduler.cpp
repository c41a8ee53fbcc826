// The loop's sleep: the earliest of what is due.
#include "kiosk/app/frame_scheduler.hpp"

namespace kiosk::app {

double FrameScheduler::sleepSeconds(const Due& due) {
    double timeout = kLongestSleep;
    auto before = [&](double seconds) { timeout = std::min(timeout, seconds); };
    if (due.idleChange) before(*due.idleChange);
    if (due.minuteShown || due.screenFollowsHours) before(due.secondsToNextMinute);
    if (due.soundPlaying) before(0.1);
    if (due.staffCloses) before(*due.staffCloses);
    if (due.switchedOff) timeout = kLongestSleep;  // nothing but a touch changes a switched-off screen
    // Idle or not, systemd must hear from the loop before its watchdog fires.
    if (due.watchdog) before(*due.watchdog);
    return std::max(0.001, timeout);
}

}  // namespace kiosk::app
