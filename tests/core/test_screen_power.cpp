// Unit tests for whether the screen shows anything: the network office's hours, a touch, staff
// switching it off, and the touch that wakes a dark screen doing nothing else.
#include "kiosk/core/screen_power.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk::core;
using namespace std::chrono_literals;
using State = ScreenPower::State;
using Change = ScreenPower::Change;

namespace {

const char* const kOfficeHours = "Mo,Tu,Fr 08:00-12:00; Th 08:00-12:00,13:00-18:00; We off";

OpeningHours officeHours() {
    std::string error;
    auto hours = OpeningHours::parse(kOfficeHours, error);
    REQUIRE(hours);
    return *hours;
}

// Thursday 26 November 2026 at hh:mm (Wednesday the 25th, Saturday the 28th).
LocalDateTime at(int day, int hour, int minute) { return {{2026, 11, day}, hour * 60 + minute}; }

const ScreenPower::Clock::time_point t0 = ScreenPower::Clock::time_point{} + 24h;

// Whether the screen is dark at `local` for a screen nobody touched (a fresh one each time).
bool darkAt(LocalDateTime local) {
    ScreenPower power(officeHours(), 105s);
    power.update(local, t0);
    return power.dark();
}

// A touch: the finger goes down, the screen sees it for a frame, the finger lifts.
void tap(ScreenPower& power, ScreenPower::Clock::time_point now) {
    power.press(now);
    power.release();
}

}  // namespace

TEST_CASE("the screen is on during the office's hours and dark outside them", "[screen_power]") {
    CHECK_FALSE(darkAt(at(26, 8, 0)));    // Thursday morning
    CHECK_FALSE(darkAt(at(26, 11, 59)));
    CHECK(darkAt(at(26, 12, 30)));        // lunch break
    CHECK_FALSE(darkAt(at(26, 17, 59)));  // Thursday afternoon
    CHECK(darkAt(at(26, 18, 0)));         // evening
    CHECK(darkAt(at(26, 7, 59)));         // before opening
    CHECK(darkAt(at(25, 10, 0)));         // Wednesday: closed
    CHECK(darkAt(at(28, 10, 0)));         // Saturday: not listed, closed
}

TEST_CASE("without hours the screen never goes dark on its own", "[screen_power]") {
    ScreenPower power(std::nullopt, 105s);
    CHECK(power.update(at(25, 3, 0), t0) == Change::None);
    CHECK(power.update(at(28, 23, 0), t0 + 1000h) == Change::None);
    CHECK(power.state() == State::On);
    CHECK_FALSE(power.followsHours());
}

TEST_CASE("the hours darken the screen once, and a new day's hours do not light it without a touch",
          "[screen_power]") {
    ScreenPower power(officeHours(), 105s);
    CHECK(power.followsHours());
    CHECK(power.update(at(26, 17, 59), t0) == Change::None);
    CHECK(power.update(at(26, 18, 0), t0 + 1min) == Change::WentDark);
    CHECK(power.update(at(26, 18, 1), t0 + 2min) == Change::None);  // reported once
    CHECK(power.update(at(27, 8, 0), t0 + 14h) == Change::None);    // Friday morning: still dark, nobody touched it
    CHECK(power.dark());
}

TEST_CASE("a touch outside the hours wakes the screen until the session would be reset", "[screen_power]") {
    ScreenPower power(officeHours(), 105s);
    REQUIRE(power.update(at(26, 19, 0), t0) == Change::WentDark);
    power.press(t0);
    CHECK(power.state() == State::Waking);  // the finger is still down: black, no screen sees it
    CHECK(power.update(at(26, 19, 0), t0) == Change::None);
    power.release();
    CHECK(power.update(at(26, 19, 0), t0) == Change::CameOn);
    CHECK(power.update(at(26, 19, 1), t0 + 104s) == Change::None);
    tap(power, t0 + 100s);  // the family is still using it
    CHECK(power.update(at(26, 19, 2), t0 + 200s) == Change::None);
    CHECK(power.update(at(26, 19, 3), t0 + 205s) == Change::WentDark);
}

TEST_CASE("staff switch the screen off until the next touch, also during the hours", "[screen_power]") {
    ScreenPower power(officeHours(), 105s);
    tap(power, t0);
    power.switchOff();
    CHECK(power.switchedOff());
    CHECK(power.update(at(26, 10, 0), t0 + 1s) == Change::WentDark);
    CHECK(power.update(at(26, 10, 30), t0 + 30min) == Change::None);
    CHECK(power.dark());
    power.press(t0 + 31min);
    CHECK_FALSE(power.switchedOff());
    CHECK(power.dark());  // until the finger lifts: the waking touch is no tap on the screen
    power.release();
    CHECK(power.update(at(26, 10, 31), t0 + 31min) == Change::CameOn);
}

TEST_CASE("without hours, staff's switch-off is the only way dark, and a touch ends it", "[screen_power]") {
    ScreenPower power(std::nullopt, 105s);
    power.switchOff();
    CHECK(power.update(at(26, 10, 0), t0) == Change::WentDark);
    power.release();  // no finger came down: still dark
    CHECK(power.state() == State::Dark);
    tap(power, t0 + 1h);
    CHECK(power.update(at(26, 11, 0), t0 + 1h) == Change::CameOn);
}
