// Unit tests for the idle timer: quiet period, "still there?" countdown and reset, on fixed clock values.
#include "kiosk/core/idle.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <ostream>
#include <vector>

namespace kiosk::core {
// Readable failure output for Catch.
std::ostream& operator<<(std::ostream& out, IdlePhase phase) {
    switch (phase) {
        case IdlePhase::Active: return out << "Active";
        case IdlePhase::Warning: return out << "Warning";
        case IdlePhase::Expired: return out << "Expired";
    }
    return out << "?";
}
}  // namespace kiosk::core

using namespace kiosk::core;
using namespace std::chrono_literals;
using TimePoint = IdleTimer::Clock::time_point;

namespace {

constexpr auto kTimeout = 120s;
constexpr auto kWarning = 15s;
// An arbitrary moment of the steady clock at which the family last touched the screen.
const TimePoint kTouched = TimePoint{} + 5h;
const TimePoint kWarningStart = kTouched + kTimeout;
const TimePoint kReset = kWarningStart + kWarning;

IdleTimer touchedTimer() {
    IdleTimer timer(kTimeout, kWarning);
    timer.touch(kTouched);
    return timer;
}

}  // namespace

TEST_CASE("the kiosk stays active during the quiet period", "[idle]") {
    IdleTimer timer = touchedTimer();
    CHECK(timer.phase(kTouched) == IdlePhase::Active);
    CHECK(timer.phase(kTouched + 60s) == IdlePhase::Active);
    CHECK(timer.phase(kWarningStart - 1ms) == IdlePhase::Active);
}

TEST_CASE("the countdown counts down from 15 to 1, one number per second", "[idle]") {
    IdleTimer timer = touchedTimer();
    std::vector<int> shown;
    for (int second = 0; second < 15; ++second) {
        const TimePoint now = kWarningStart + std::chrono::seconds(second);
        INFO("second " << second << " of the countdown");
        CHECK(timer.phase(now) == IdlePhase::Warning);
        CHECK(timer.phase(now + 999ms) == IdlePhase::Warning);
        CHECK(timer.secondsLeft(now + 999ms) == timer.secondsLeft(now));
        shown.push_back(timer.secondsLeft(now));
    }
    CHECK(shown == std::vector<int>{15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
}

TEST_CASE("the session expires when the countdown has run out", "[idle]") {
    IdleTimer timer = touchedTimer();
    CHECK(timer.phase(kReset - 1ms) == IdlePhase::Warning);
    CHECK(timer.secondsLeft(kReset - 1ms) == 1);
    CHECK(timer.phase(kReset) == IdlePhase::Expired);
    CHECK(timer.secondsLeft(kReset) == 0);
    CHECK(timer.phase(kReset + 10min) == IdlePhase::Expired);
    CHECK(timer.secondsLeft(kReset + 10min) == 0);
}

TEST_CASE("a touch during the countdown makes the kiosk active again", "[idle]") {
    IdleTimer timer = touchedTimer();
    const TimePoint touchedAgain = kWarningStart + 7s;
    REQUIRE(timer.phase(touchedAgain) == IdlePhase::Warning);

    timer.touch(touchedAgain);
    CHECK(timer.phase(touchedAgain) == IdlePhase::Active);
    // The old deadline no longer applies: a full quiet period starts again.
    CHECK(timer.phase(kReset) == IdlePhase::Active);
    CHECK(timer.phase(touchedAgain + kTimeout - 1ms) == IdlePhase::Active);
    CHECK(timer.phase(touchedAgain + kTimeout) == IdlePhase::Warning);
    CHECK(timer.secondsLeft(touchedAgain + kTimeout) == 15);
    CHECK(timer.nextChange(touchedAgain) == touchedAgain + kTimeout);
}

TEST_CASE("nextChange wakes the kiosk at the countdown start, each second, then the reset", "[idle]") {
    IdleTimer timer = touchedTimer();
    CHECK(timer.nextChange(kTouched) == kWarningStart);
    CHECK(timer.nextChange(kTouched + 100s) == kWarningStart);

    // Following nextChange from the last touch visits every displayed number once.
    std::vector<TimePoint> wakeUps;
    TimePoint now = kTouched;
    while (timer.phase(now) != IdlePhase::Expired && wakeUps.size() < 100) {
        now = timer.nextChange(now);
        wakeUps.push_back(now);
    }
    std::vector<TimePoint> expected{kWarningStart};
    for (int second = 1; second <= 15; ++second) expected.push_back(kWarningStart + std::chrono::seconds(second));
    CHECK(wakeUps == expected);
    CHECK(wakeUps.back() == kReset);
}

TEST_CASE("nextChange in the middle of a countdown second is the start of the next one", "[idle]") {
    IdleTimer timer = touchedTimer();
    CHECK(timer.nextChange(kWarningStart + 500ms) == kWarningStart + 1s);
    CHECK(timer.nextChange(kWarningStart + 13s + 1ms) == kWarningStart + 14s);
    CHECK(timer.nextChange(kReset - 1ms) == kReset);
}

TEST_CASE("nextChange after the reset is due at once", "[idle]") {
    IdleTimer timer = touchedTimer();
    CHECK(timer.nextChange(kReset) == kReset);
    CHECK(timer.nextChange(kReset + 3s) == kReset + 3s);
}
