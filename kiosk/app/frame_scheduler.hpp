// When the frame loop sleeps and how many frames it draws: an untouched kiosk draws nothing and
// sleeps until a touch or the next thing due (the idle countdown, the minute, staff's time-out,
// systemd's watchdog); after a wake-up or a change it draws a few frames, until the layout settled.
#pragma once

#include <algorithm>
#include <optional>

namespace kiosk::app {

class FrameScheduler {
public:
    // What is due while nobody touches the screen, in seconds from now.
    struct Due {
        std::optional<double> idleChange;     // the idle countdown starts or the session is reset
        bool minuteShown = false;             // the screen says "open now": drawn anew each minute
        bool soundPlaying = false;            // its progress bar moves: ten frames a second
        bool screenFollowsHours = false;      // the screen's hours may begin or end with the minute
        std::optional<double> staffCloses;    // staff mode closes itself
        bool switchedOff = false;             // dark by staff's hand: only a touch wakes it
        std::optional<double> watchdog;       // systemd must hear from the loop by then
        double secondsToNextMinute = 60;
    };
    static constexpr double kLongestSleep = 3600;
    // How long the loop may sleep waiting for input: at least a millisecond, at most an hour.
    static double sleepSeconds(const Due& due);

    // True when the loop should sleep until input or the next thing due (scripted runs never do).
    bool mustSleep(bool scripted) const { return !scripted && m_frames <= 0; }
    // Input (or a timer) woke the loop: press and release may arrive together, the second frame sees the release.
    void wokeUp() { m_frames = 2; }
    // Something changed on screen: fonts and layout settle within three frames.
    void changed() { m_frames = 3; }
    // A finger is down or an item is held: keep drawing while it drags.
    void fingerDown() { m_frames = std::max(m_frames, 2); }
    // A dark screen draws nothing more.
    void pause() { m_frames = 0; }
    void frameDone() { --m_frames; }
    int framesLeft() const { return m_frames; }

private:
    int m_frames = 3;  // fonts and layout settle within the first frames
};

}  // namespace kiosk::app
