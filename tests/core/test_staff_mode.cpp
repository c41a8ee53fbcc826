// Unit tests for staff mode's rules: the corner gesture, the PIN lock and its doubling, the time-out.
#include "kiosk/core/staff_mode.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace kiosk::core;
using namespace std::chrono_literals;

namespace {
const CornerTaps::Clock::time_point kStart = CornerTaps::Clock::time_point{} + 1000h;
const PinLock::Clock::time_point kNoon = PinLock::Clock::time_point{} + 490'000h;  // some day in 2025
constexpr float kCorner = 100;
}  // namespace

TEST_CASE("five quick taps into the corner open the PIN pad") {
    CornerTaps taps;
    for (int i = 0; i < 4; ++i) CHECK_FALSE(taps.tap(10, 20, kCorner, kStart + i * 500ms));
    CHECK(taps.tap(90, 5, kCorner, kStart + 2500ms));
    // The count starts again afterwards.
    CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + 2600ms));
}

TEST_CASE("steady taps open the PIN pad however long the five take, a pause of over two seconds does not") {
    CornerTaps taps;
    for (int i = 0; i < 4; ++i) CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + i * 1900ms));
    CHECK(taps.tap(10, 10, kCorner, kStart + 4 * 1900ms));  // 7.6 s in all, but no gap over 2 s

    for (int i = 0; i < 3; ++i) CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + 20s + i * 100ms));
    CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + 20s + 200ms + 2001ms));  // a pause: counts as the first
    for (int i = 1; i < 4; ++i) CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + 20s + 2201ms + i * 100ms));
    CHECK(taps.tap(10, 10, kCorner, kStart + 20s + 2201ms + 400ms));
}

TEST_CASE("a tap outside the corner starts the count again") {
    CornerTaps taps;
    for (int i = 0; i < 4; ++i) CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + i * 100ms));
    CHECK_FALSE(taps.tap(500, 400, kCorner, kStart + 450ms));  // a family's tap on the screen
    CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + 500ms));
    CHECK_FALSE(taps.tap(101, 10, kCorner, kStart + 600ms));  // just beside the corner
    for (int i = 0; i < 4; ++i) CHECK_FALSE(taps.tap(10, 10, kCorner, kStart + 700ms + i * 100ms));
    CHECK(taps.tap(10, 10, kCorner, kStart + 1200ms));
}

TEST_CASE("five wrong PINs lock the pad for five minutes") {
    PinLock lock;
    for (int i = 0; i < 4; ++i) {
        CHECK_FALSE(lock.wrong(kNoon + i * 1s));
        CHECK_FALSE(lock.locked(kNoon + i * 1s));
    }
    CHECK(lock.attemptsLeft() == 1);
    CHECK(lock.wrong(kNoon + 4s));
    CHECK(lock.locked(kNoon + 4s));
    CHECK(lock.secondsLeft(kNoon + 4s) == 300);
    CHECK(lock.secondsLeft(kNoon + 4s + 299s) == 1);
    CHECK(lock.locked(kNoon + 4s + 299s + 500ms));
    CHECK_FALSE(lock.locked(kNoon + 4s + 300s));
    CHECK(lock.attemptsLeft() == 5);
}

TEST_CASE("PINs tried while the pad is locked are not counted") {
    PinLock lock;
    for (int i = 0; i < 5; ++i) lock.wrong(kNoon);
    for (int i = 0; i < 20; ++i) CHECK_FALSE(lock.wrong(kNoon + 1s));
    CHECK(lock.secondsLeft(kNoon + 1s) == 299);
    CHECK(lock.attemptsLeft() == 5);
}

TEST_CASE("each further lock lasts twice as long, up to a day, the right PIN ends the doubling") {
    PinLock lock;
    auto now = kNoon;
    std::int64_t expected = 300;
    for (int round = 0; round < 12; ++round) {
        for (int i = 0; i < 5; ++i) lock.wrong(now);
        CHECK(lock.secondsLeft(now) == std::min<std::int64_t>(expected, 24 * 3600));
        now += std::chrono::seconds(lock.secondsLeft(now));
        CHECK_FALSE(lock.locked(now));
        expected *= 2;
    }
    lock.right();
    for (int i = 0; i < 5; ++i) lock.wrong(now);
    CHECK(lock.secondsLeft(now) == 300);
}

TEST_CASE("the lock survives being written and read back, as across a restart") {
    PinLock lock;
    for (int i = 0; i < 5; ++i) lock.wrong(kNoon);
    for (int i = 0; i < 3; ++i) lock.wrong(kNoon + 301s);  // unlocked again, three wrong since
    for (int i = 0; i < 2; ++i) lock.wrong(kNoon + 302s);  // the second lock: ten minutes
    const auto text = lock.toText();
    const auto back = PinLock::fromText(text);
    REQUIRE(back);
    CHECK(*back == lock);
    CHECK(back->secondsLeft(kNoon + 302s) == 600);

    PinLock counting;
    counting.wrong(kNoon);
    counting.wrong(kNoon);
    const auto counted = PinLock::fromText(counting.toText());
    REQUIRE(counted);
    CHECK(counted->attemptsLeft() == 3);  // a restart does not give back attempts
}

TEST_CASE("a damaged lock file is not read as a lock") {
    CHECK_FALSE(PinLock::fromText(""));
    CHECK_FALSE(PinLock::fromText("garbage"));
    CHECK_FALSE(PinLock::fromText("1 2"));
    CHECK_FALSE(PinLock::fromText("9 0 0"));      // more wrong PINs than a lock allows
    CHECK_FALSE(PinLock::fromText("1 2 3 4"));
    CHECK_FALSE(PinLock::fromText("-1 0 0"));
    CHECK(PinLock::fromText("0 0 0\n"));
}

TEST_CASE("a clock set back does not make a lock longer than it is") {
    PinLock lock;
    for (int i = 0; i < 5; ++i) lock.wrong(kNoon);
    CHECK(lock.secondsLeft(kNoon - 48h) == 300);
}

TEST_CASE("the PIN pad collects digits, erases, and forgets them when refused or closed") {
    StaffMode staff;
    const auto t = StaffMode::Clock::time_point{} + 5h;
    CHECK_FALSE(staff.open());
    staff.apply(staff::Digit{'1'});  // nothing is typed into a closed pad
    CHECK(staff.digits().empty());
    staff.openPad(t);
    CHECK(staff.screen() == StaffScreen::PinPad);
    for (char c : std::string("12x34")) staff.apply(staff::Digit{c});
    CHECK(staff.digits() == "1234");
    staff.apply(staff::Erase{});
    CHECK(staff.digits() == "123");
    staff.refuse("staff.pin_wrong");
    CHECK(staff.digits().empty());
    CHECK(staff.messageKey() == "staff.pin_wrong");
    staff.apply(staff::Digit{'9'});
    CHECK(staff.messageKey().empty());
    staff.accept();
    CHECK(staff.screen() == StaffScreen::Status);
    CHECK(staff.digits().empty());
    staff.apply(staff::Digit{'5'});  // the status screen takes no digits
    CHECK(staff.digits().empty());
    staff.apply(staff::Close{});
    CHECK_FALSE(staff.open());
}

TEST_CASE("staff mode closes itself after two minutes without a touch") {
    StaffMode staff;
    const auto t = StaffMode::Clock::time_point{} + 5h;
    staff.openPad(t);
    staff.accept();
    CHECK_FALSE(staff.closeIfIdle(t + 119s));
    staff.touch(t + 100s);
    CHECK_FALSE(staff.closeIfIdle(t + 219s));
    CHECK(staff.open());
    CHECK(staff.closeIfIdle(t + 220s));
    CHECK(staff.screen() == StaffScreen::Closed);
    CHECK_FALSE(staff.closeIfIdle(t + 500s));
}

TEST_CASE("the stricter of two views of a lock counts every wrong PIN and the later end") {
    const auto now = std::chrono::system_clock::now();
    PinLock memory, file;
    for (int i = 0; i < 3; ++i) memory.wrong(now);
    file.wrong(now);
    CHECK(PinLock::stricter(memory, file).attemptsLeft() == 2);
    CHECK(PinLock::stricter(file, memory).attemptsLeft() == 2);
    PinLock locked;
    locked.lockNow(now);
    CHECK(locked.locked(now + std::chrono::minutes(4)));
    CHECK_FALSE(locked.locked(now + std::chrono::minutes(6)));
    CHECK(PinLock::stricter(memory, locked).locked(now));
    CHECK(PinLock::stricter(PinLock{}, PinLock{}) == PinLock{});
}
