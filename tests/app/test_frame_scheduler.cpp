// Unit tests for when the frame loop sleeps and how many frames it draws after a wake-up.
#include "kiosk/app/frame_scheduler.hpp"

#include <catch2/catch.hpp>

using kiosk::app::FrameScheduler;
using Due = FrameScheduler::Due;

TEST_CASE("an untouched kiosk with nothing due sleeps an hour", "[frame_scheduler]") {
    CHECK(FrameScheduler::sleepSeconds(Due{}) == FrameScheduler::kLongestSleep);
}

TEST_CASE("the loop wakes for the earliest thing due", "[frame_scheduler]") {
    Due due;
    due.idleChange = 75;
    CHECK(FrameScheduler::sleepSeconds(due) == 75);
    due.minuteShown = true;  // an offer's "open now"
    due.secondsToNextMinute = 12.5;
    CHECK(FrameScheduler::sleepSeconds(due) == 12.5);
    due.staffCloses = 3;
    CHECK(FrameScheduler::sleepSeconds(due) == 3);
    due.soundPlaying = true;  // the progress bar moves
    CHECK(FrameScheduler::sleepSeconds(due) == 0.1);
}

TEST_CASE("the screen's hours wake the loop each minute, even on the start screen", "[frame_scheduler]") {
    Due due;
    due.screenFollowsHours = true;
    due.secondsToNextMinute = 42;
    CHECK(FrameScheduler::sleepSeconds(due) == 42);
}

TEST_CASE("a screen switched off by staff sleeps until a touch, but systemd still hears from it",
          "[frame_scheduler]") {
    Due due;
    due.idleChange = 5;
    due.screenFollowsHours = true;
    due.switchedOff = true;
    CHECK(FrameScheduler::sleepSeconds(due) == FrameScheduler::kLongestSleep);
    due.watchdog = 15;
    CHECK(FrameScheduler::sleepSeconds(due) == 15);
}

TEST_CASE("a deadline already past does not spin the loop", "[frame_scheduler]") {
    Due due;
    due.idleChange = -2;
    CHECK(FrameScheduler::sleepSeconds(due) == 0.001);
}

TEST_CASE("after a wake-up two frames, after a change three, then sleep", "[frame_scheduler]") {
    FrameScheduler frames;
    auto drawnUntilSleep = [&] {
        int drawn = 0;
        while (!frames.mustSleep(false)) {
            frames.frameDone();
            ++drawn;
        }
        return drawn;
    };
    CHECK(drawnUntilSleep() == 3);  // the first frames: fonts and layout settle
    frames.wokeUp();
    CHECK(drawnUntilSleep() == 2);  // the second frame sees a release that came with the press
    frames.wokeUp();
    frames.frameDone();
    frames.changed();  // the tap opened another screen
    CHECK(drawnUntilSleep() == 3);
}

TEST_CASE("frames go on while a finger is down, and scripts never sleep", "[frame_scheduler]") {
    FrameScheduler frames;
    frames.pause();
    CHECK(frames.mustSleep(false));
    CHECK_FALSE(frames.mustSleep(true));  // a replay, a screenshot or a benchmark drives every frame
    for (int i = 0; i < 100; ++i) {
        frames.fingerDown();
        frames.frameDone();
        CHECK_FALSE(frames.mustSleep(false));
    }
    frames.frameDone();
    CHECK(frames.mustSleep(false));  // lifted: one more frame, then sleep
}
