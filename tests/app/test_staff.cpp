// Unit tests for what staff mode's wiring counts (only what the family asked for, as counts) and
// the "last errors" it shows.
#include "kiosk/app/staff.hpp"
#include "kiosk/app/visit.hpp"

#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

using namespace kiosk;
using content::CountRow;

namespace {
const core::LocalDateTime kMorning{{2026, 11, 26}, 10 * 60 + 42};
}

TEST_CASE("a family's taps become counts (visits per hour, the rest per day), and nothing else") {
    content::Statistics statistics(":memory:");
    core::Session session = core::freshSession("de");
    const std::vector<core::Intent> visit{
        core::intent::Wake{},
        core::intent::ChooseLanguage{"tr"},
        core::intent::OpenLifeStage{"baby"},
        core::intent::FilterTopic{"money"},
        core::intent::FilterTopic{""},  // back to all topics: not a topic chosen
        core::intent::OpenOffer{"kindergeld"},
        core::intent::Listen{"offer:kindergeld"},
        core::intent::StopListening{},
        core::intent::VolumeUp{},
        core::intent::AddToList{"kindergeld"},
        core::intent::AddToList{"familienhebamme"},
        core::intent::OpenList{},
        core::intent::ShowListQr{},
        core::intent::Back{},
        core::intent::OpenEmergencies{},
        core::intent::Home{},
    };
    for (const auto& intent : visit) app::countUsage(statistics, core::apply(session, intent), kMorning);
    const std::vector<CountRow> expected{
        // What the family opened per day (a quiet hour would describe it whole), the visit per hour.
        {"2026-11-26", content::kWholeDay, "audio", "offer:kindergeld", 1},
        {"2026-11-26", content::kWholeDay, "emergencies", "", 1},
        {"2026-11-26", content::kWholeDay, "language", "tr", 1},
        {"2026-11-26", content::kWholeDay, "life_stage", "baby", 1},
        {"2026-11-26", content::kWholeDay, "offer", "kindergeld", 1},
        {"2026-11-26", content::kWholeDay, "qr", "familienhebamme", 1},
        {"2026-11-26", content::kWholeDay, "qr", "kindergeld", 1},
        {"2026-11-26", content::kWholeDay, "topic", "money", 1},
        {"2026-11-26", 10, "session", "", 1},
    };
    CHECK(statistics.rows() == expected);
}

TEST_CASE("two families in the same hour cannot be told apart") {
    content::Statistics statistics(":memory:");
    for (const char* stage : {"baby", "toddler"}) {
        core::Session session = core::freshSession("de");
        for (const core::Intent& intent : {core::Intent{core::intent::Wake{}}, core::Intent{core::intent::OpenLifeStage{stage}},
                                           core::Intent{core::intent::OpenOffer{"kindergeld"}}})
            app::countUsage(statistics, core::apply(session, intent), kMorning);
    }
    const std::vector<CountRow> expected{
        {"2026-11-26", content::kWholeDay, "life_stage", "baby", 1},
        {"2026-11-26", content::kWholeDay, "life_stage", "toddler", 1},
        {"2026-11-26", content::kWholeDay, "offer", "kindergeld", 2}, {"2026-11-26", 10, "session", "", 2},
    };
    CHECK(statistics.rows() == expected);
}

TEST_CASE("the staff screen's last errors are the log's latest warnings and errors, newest first") {
    app::keepRecentProblems();
    spdlog::info("an ordinary line");
    spdlog::warn("the printer is out of paper");
    spdlog::error("the sound file home.ogg is missing");
    const auto problems = app::recentProblems();
    REQUIRE(problems.size() >= 2);
    CHECK_THAT(problems[0], Catch::EndsWith("the sound file home.ogg is missing"));
    CHECK_THAT(problems[1], Catch::EndsWith("the printer is out of paper"));
    for (const auto& line : problems) CHECK_THAT(line, !Catch::Contains("ordinary"));
}

TEST_CASE("the staff status names the school years whose holidays the content lacks", "[staff][school]") {
    const kiosk::core::HolidayCalendar sample({{"Herbstferien", {2026, 10, 26}, {2026, 10, 30}},
                                               {"Herbstferien", {2027, 11, 2}, {2027, 11, 6}}});
    CHECK(kiosk::app::schoolHolidayStatus(sample, {2026, 12, 4}, "de") == "eingetragen für 2026/27, 2027/28");
    CHECK(kiosk::app::schoolHolidayStatus(sample, {2027, 12, 4}, "de").starts_with("fehlen für 2028/29 –"));
    CHECK(kiosk::app::schoolHolidayStatus(kiosk::core::HolidayCalendar(), {2026, 12, 4}, "en")
              .starts_with("missing for 2026/27, 2027/28 –"));
}
