// Unit tests for reading replay scripts: each command becomes its step with its line number, and a
// line the kiosk cannot understand is refused by number before anything runs.
#include "kiosk/app/replay.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include <unistd.h>

using namespace kiosk::app;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

using kiosk::test::TempFolder;

std::vector<ReplayLine> parsed(const std::string& script) {
    auto lines = parseReplay(script);
    INFO((lines ? std::string() : lines.problem().english()));
    REQUIRE(lines.ok());
    return *lines;
}

// The error for a script that must be refused.
std::string refusal(const std::string& script) {
    auto lines = parseReplay(script);
    INFO(script);
    REQUIRE_FALSE(lines.ok());
    return lines.problem().english();
}

template <typename T>
const T& stepAs(const ReplayLine& line) {
    const T* step = std::get_if<T>(&line.step);
    INFO("line " << line.number << " holds step kind " << line.step.index());
    REQUIRE(step != nullptr);
    return *step;
}

}  // namespace

TEST_CASE("each command becomes its step, with its line number", "[replay]") {
    const auto lines = parsed(
        "wait 250\n"
        "tap 960 540\n"
        "tap \"Geld und Leistungen\"\n"
        "drag 1200 950 1200 350.5\n"
        "expect \"Jetzt geöffnet – bis 18:00\"\n"
        "expect-not \"Sind Sie noch da?\"\n"
        "screenshot shots/kindergeld.png\n"
        "advance 92\n");
    REQUIRE(lines.size() == 8);
    for (size_t i = 0; i < lines.size(); ++i) CHECK(lines[i].number == static_cast<int>(i) + 1);

    CHECK(stepAs<step::Wait>(lines[0]).milliseconds == 250);
    const auto& tapAt = stepAs<step::TapAt>(lines[1]);
    CHECK(tapAt.x == 960);
    CHECK(tapAt.y == 540);
    CHECK(stepAs<step::TapText>(lines[2]).text == "Geld und Leistungen");
    const auto& drag = stepAs<step::Drag>(lines[3]);
    CHECK(drag.x1 == 1200);
    CHECK(drag.y1 == 950);
    CHECK(drag.x2 == 1200);
    CHECK(drag.y2 == 350.5f);
    const auto& expect = stepAs<step::Expect>(lines[4]);
    CHECK(expect.text == "Jetzt geöffnet – bis 18:00");
    CHECK(expect.present);
    const auto& expectNot = stepAs<step::Expect>(lines[5]);
    CHECK(expectNot.text == "Sind Sie noch da?");
    CHECK_FALSE(expectNot.present);
    CHECK(stepAs<step::Screenshot>(lines[6]).file == fs::path("shots/kindergeld.png"));
    CHECK(stepAs<step::Advance>(lines[7]).seconds == 92);
}

TEST_CASE("fail-frame asks the next frame to fail, to test the kiosk's recovery", "[replay]") {
    const auto lines = parsed("fail-frame\n");
    REQUIRE(lines.size() == 1);
    CHECK(std::holds_alternative<step::FailFrame>(lines[0].step));
    CHECK_THAT(refusal("fail-frame now\n"), StartsWith("line 1: cannot understand"));
}

TEST_CASE("check-texts asks whether the screen shows a text without words", "[replay]") {
    const auto lines = parsed("check-texts\n");
    REQUIRE(lines.size() == 1);
    CHECK(std::holds_alternative<step::CheckTexts>(lines[0].step));
    CHECK_THAT(refusal("check-texts all\n"), StartsWith("line 1: cannot understand"));
}

TEST_CASE("soak asks for TAPS seeded random taps, for scripts/soak", "[replay]") {
    const auto lines = parsed("soak 5000 42\n");
    REQUIRE(lines.size() == 1);
    const auto* soak = std::get_if<step::Soak>(&lines[0].step);
    REQUIRE(soak);
    CHECK(soak->taps == 5000);
    CHECK(soak->seed == 42);
    CHECK(soak->presentEvery == 1);  // every frame shown unless asked otherwise
    CHECK_THAT(refusal("soak 0 1\n"), StartsWith("line 1: cannot understand"));
    CHECK_THAT(refusal("soak 10 -1\n"), StartsWith("line 1: cannot understand"));
    CHECK_THAT(refusal("soak 10 1.5\n"), StartsWith("line 1: cannot understand"));
    CHECK_THAT(refusal("soak 10\n"), StartsWith("line 1: cannot understand"));
}

TEST_CASE("a soak may render and show only every Nth frame, to go faster", "[replay]") {
    const auto lines = parsed("soak 5000 42 16\n");
    REQUIRE(lines.size() == 1);
    const auto* soak = std::get_if<step::Soak>(&lines[0].step);
    REQUIRE(soak);
    CHECK(soak->taps == 5000);
    CHECK(soak->presentEvery == 16);
    CHECK_THAT(refusal("soak 10 1 0\n"), StartsWith("line 1: cannot understand"));
    CHECK_THAT(refusal("soak 10 1 2.5\n"), StartsWith("line 1: cannot understand"));
    CHECK_THAT(refusal("soak 10 1 1001\n"), StartsWith("line 1: cannot understand"));
    CHECK_THAT(refusal("soak 10 1 16 3\n"), StartsWith("line 1: cannot understand"));
    CHECK_THAT(refusal("soak 10.5 1\n"), StartsWith("line 1: cannot understand"));
}

TEST_CASE("comments and blank lines are skipped but still counted", "[replay]") {
    const auto lines = parsed(
        "# home -> baby\n"
        "\n"
        "   \t\n"
        "tap \"Baby\"   # the life stage\n"
        "  expect \"Alle Themen\"\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].number == 4);
    CHECK(stepAs<step::TapText>(lines[0]).text == "Baby");
    CHECK(lines[1].number == 5);
    CHECK(stepAs<step::Expect>(lines[1]).text == "Alle Themen");
}

TEST_CASE("a # inside quotes is part of the text, not a comment", "[replay]") {
    const auto lines = parsed("expect \"Raum #3\"\n");
    REQUIRE(lines.size() == 1);
    CHECK(stepAs<step::Expect>(lines[0]).text == "Raum #3");
}

TEST_CASE("a script saved with Windows line endings reads the same", "[replay]") {
    const auto lines = parsed("tap \"Baby\"\r\nwait 100\r\nscreenshot baby.png\r\n");
    REQUIRE(lines.size() == 3);
    CHECK(stepAs<step::TapText>(lines[0]).text == "Baby");
    CHECK(stepAs<step::Wait>(lines[1]).milliseconds == 100);
    CHECK(stepAs<step::Screenshot>(lines[2]).file == fs::path("baby.png"));
}

TEST_CASE("an unknown command is refused with its line number and the commands there are", "[replay]") {
    const auto error = refusal("tap \"Baby\"\n# next\nklick 960 540\n");
    CHECK_THAT(error, StartsWith("line 3: ") && Contains("klick 960 540") && Contains("tap X Y"));
}

TEST_CASE("expect may wait longer than 10 s, and window waits for a size: conditions, not time", "[replay]") {
    const auto lines = parsed("expect \"Neue Inhalte\" 120\nwindow 1920 1080\nexpect \"Baby\"\n");
    REQUIRE(lines.size() == 3);
    const auto* longer = std::get_if<step::Expect>(&lines[0].step);
    REQUIRE(longer);
    CHECK(longer->text == "Neue Inhalte");
    CHECK(longer->seconds == 120);
    const auto* size = std::get_if<step::WindowSize>(&lines[1].step);
    REQUIRE(size);
    CHECK(size->width == 1920);
    CHECK(size->height == 1080);
    CHECK(std::get<step::Expect>(lines[2].step).seconds == 0);  // the usual 10 s
    for (const char* bad : {"expect \"Baby\" 0", "expect \"Baby\" 3601", "expect \"Baby\" 1.5", "expect-not \"Baby\" 5",
                            "window 1920", "window 0 1080", "window 1920 20000", "window 1920.5 1080"})
        CHECK_THAT(refusal(std::string(bad) + "\n"), StartsWith("line 1: cannot understand"));
}

TEST_CASE("a command missing a number, or with a word for one, is refused with its line number", "[replay]") {
    const char* bad = GENERATE("wait", "wait soon", "wait -5", "advance", "advance 1min", "tap 960 bottom",
                               "drag 1200 950 1200", "drag 1200 950 1200 up", "wait 1e10", "wait inf",
                               "advance nan", "tap 960 nan");
    const auto error = refusal(std::string("expect \"Baby\"\n") + bad + "\n");
    CHECK_THAT(error, StartsWith("line 2: cannot understand '" + std::string(bad) + "'"));
}

TEST_CASE("a text command without its text, or with two, is refused", "[replay]") {
    const char* bad = GENERATE("expect", "expect-not", "screenshot", "tap", "expect \"Baby\" \"Kleinkind\"");
    const auto error = refusal(std::string(bad) + "\n");
    CHECK_THAT(error, StartsWith("line 1: cannot understand"));
}

TEST_CASE("an unclosed quote is refused with its line number", "[replay]") {
    const auto error = refusal("wait 100\n\ntap \"Geld und Leistungen\n");
    CHECK(error == "line 3: a quote is not closed");
}

TEST_CASE("a script file is read, and its mistakes name the file and line", "[replay]") {
    TempFolder folder;
    const fs::path file = folder.path() / "browse.replay";

    SECTION("a good script") {
        std::ofstream(file) << "tap \"Baby\"\nexpect \"Alle Themen\"\n";
        const auto lines = loadReplay(file);
        REQUIRE(lines.ok());
        CHECK(lines->size() == 2);
    }
    SECTION("a mistake") {
        std::ofstream(file) << "tap \"Baby\"\nexpect Alle Themen\n";
        const auto lines = loadReplay(file);
        REQUIRE_FALSE(lines.ok());
        CHECK(lines.problem().is(ReplayProblem::UnknownCommand));
        CHECK_THAT(lines.problem().logLine(), StartsWith("line 2: ") && Contains("(" + file.string() + ")"));
    }
    SECTION("no such file") {
        const auto lines = loadReplay(folder.path() / "missing.replay");
        REQUIRE_FALSE(lines.ok());
        CHECK_THAT(lines.problem().english(), Contains("missing.replay") && Contains("cannot be read"));
    }
}
