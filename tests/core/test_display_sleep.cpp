// Unit tests for when the screen sleeps: the network office's hours, a touch, staff switching it off.
#include "kiosk/core/display_sleep.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk::core;
using namespace std::chrono_literals;

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

const DisplaySleep::Clock::time_point t0 = DisplaySleep::Clock::time_point{} + 24h;

}  // namespace

TEST_CASE("the screen is on during the office's hours and sleeps outside them", "[display_sleep]") {
    const DisplaySleep display(officeHours(), 105s);
    CHECK_FALSE(display.asleep(at(26, 8, 0), t0));    // Thursday morning
    CHECK_FALSE(display.asleep(at(26, 11, 59), t0));
    CHECK(display.asleep(at(26, 12, 30), t0));        // lunch break
    CHECK_FALSE(display.asleep(at(26, 17, 59), t0));  // Thursday afternoon
    CHECK(display.asleep(at(26, 18, 0), t0));         // evening
    CHECK(display.asleep(at(26, 7, 59), t0));         // before opening
    CHECK(display.asleep(at(25, 10, 0), t0));         // Wednesday: closed
    CHECK(display.asleep(at(28, 10, 0), t0));         // Saturday: not listed, closed
}

TEST_CASE("without hours the screen never sleeps on its own", "[display_sleep]") {
    const DisplaySleep display(std::nullopt, 105s);
    CHECK_FALSE(display.asleep(at(25, 3, 0), t0));
    CHECK_FALSE(display.asleep(at(28, 23, 0), t0 + 1000h));
}

TEST_CASE("a touch outside the hours wakes the screen until the session would be reset", "[display_sleep]") {
    DisplaySleep display(officeHours(), 105s);
    display.touch(t0);
    CHECK_FALSE(display.asleep(at(26, 19, 0), t0 + 104s));
    display.touch(t0 + 100s);  // the family is still using it
    CHECK_FALSE(display.asleep(at(26, 19, 2), t0 + 200s));
    CHECK(display.asleep(at(26, 19, 3), t0 + 205s));
}

TEST_CASE("staff switch the screen off until the next touch, also during the hours", "[display_sleep]") {
    DisplaySleep display(officeHours(), 105s);
    display.touch(t0);
    display.switchOff();
    CHECK(display.asleep(at(26, 10, 0), t0 + 1s));
    CHECK(display.asleep(at(26, 10, 30), t0 + 30min));
    display.touch(t0 + 31min);
    CHECK_FALSE(display.asleep(at(26, 10, 31), t0 + 31min));
}
