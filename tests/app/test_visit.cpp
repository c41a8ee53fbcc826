// Unit tests for where the family's effects are carried out: the slip's outcome forgotten when the
// family moves on, a sound that cannot play leaving the session quiet, the counts, a fresh visit.
#include "kiosk/app/visit.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <chrono>
#include <thread>

using namespace kiosk;
using kiosk::test::TempFolder;

namespace {

const core::LocalDateTime kMorning{{2026, 11, 26}, 10 * 60 + 42};

// A visit with no printer and SDL's silent audio driver, counting into a private data folder.
struct Fixture {
    Fixture() {
        ::setenv("SDL_AUDIODRIVER", "dummy", 1);
        config.dataDir = data.path();
        config.printer = app::Config::Printer::None;
    }
    TempFolder data;
    app::Config config = app::defaultConfig();
    app::KioskClock clock{kMorning};
    app::Explanations explanations{data.path(), [] {}};
    app::PrintJobs printJobs{config, [] {}};
    ui::QrTextures qr;
};

// Polls the print job until it is no longer printing (a job without a printer fails at once).
ui::PrintView::State printed(app::PrintJobs& jobs) {
    for (int i = 0; i < 500 && jobs.poll().state == ui::PrintView::State::Printing; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return jobs.poll().state;
}

}  // namespace

TEST_CASE("a slip asked for is printed, and its outcome stays until the family moves on", "[visit]") {
    Fixture f;
    app::Visit visit(f.config, {core::ScreenId::List, {}, {}}, f.clock, f.explanations, f.printJobs, f.qr);
    visit.apply(core::intent::PrintList{}, nullptr, std::chrono::steady_clock::now());  // no catalog: no slip
    CHECK(f.printJobs.poll().state == ui::PrintView::State::Idle);

    core::Catalog catalog;
    visit.apply(core::intent::PrintList{}, &catalog, std::chrono::steady_clock::now());
    REQUIRE(printed(f.printJobs) == ui::PrintView::State::Failed);  // printer: none
    CHECK(f.printJobs.poll().problemKey == "print.no_printer");
    visit.apply(core::intent::VolumeUp{}, &catalog, std::chrono::steady_clock::now());
    CHECK(f.printJobs.poll().state == ui::PrintView::State::Idle);  // moved on: no old message next time
}

TEST_CASE("an explanation that cannot be played leaves the session quiet and is marked broken", "[visit]") {
    Fixture f;
    app::Visit visit(f.config, {core::ScreenId::Home, {}, {}}, f.clock, f.explanations, f.printJobs, f.qr);
    visit.apply(core::intent::Listen{"home"}, nullptr, std::chrono::steady_clock::now());
    CHECK(visit.session().listeningTo.empty());
    CHECK(f.explanations.view().broken.count("home") == 1);
    CHECK_FALSE(f.explanations.playing());
}

TEST_CASE("what the family asked for is counted, and a fresh visit keeps nothing of the last", "[visit]") {
    Fixture f;
    {
        app::Visit visit(f.config, {core::ScreenId::Attract, {}, {}}, f.clock, f.explanations, f.printJobs, f.qr);
        const auto now = std::chrono::steady_clock::now();
        visit.apply(core::intent::Wake{}, nullptr, now);
        visit.apply(core::intent::OpenLifeStage{"baby"}, nullptr, now);
        visit.apply(core::intent::AddToList{"kindergeld"}, nullptr, now);
        visit.apply(core::intent::VolumeUp{}, nullptr, now);
        visit.startOver();
        CHECK(visit.session().current().id == core::ScreenId::Attract);
        CHECK(visit.session().chosen.empty());
        CHECK(visit.session().volume == f.config.volume);
    }
    content::Statistics statistics(content::statisticsFile(f.data.path()));
    const std::vector<content::CountRow> expected{{"2026-11-26", content::kWholeDay, "life_stage", "baby", 1},
                                                  {"2026-11-26", 10, "session", "", 1}};
    CHECK(statistics.rows() == expected);
}
