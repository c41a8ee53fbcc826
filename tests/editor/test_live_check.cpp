// The live check finds what `kiosk-pack build` finds, places it at the entry and field, and runs aside.
#include "kiosk/editing/live_check.hpp"
#include "tests/editor/editor_test_support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <thread>

using namespace kiosk;
using namespace kiosk::editing;
using kiosk::test::SampleCopy;

namespace {

ContentDocument openFolder(const std::filesystem::path& folder) {
    auto document = ContentDocument::open(folder);
    REQUIRE(document.ok());
    return std::move(*document);
}

const std::string kProvider = "pro-familia-esslingen";

}  // namespace

TEST_CASE("broken opening hours are a problem at the provider's field, until fixed", "[editing]") {
    SampleCopy sample;
    ContentDocument document = openFolder(sample.folder);
    const auto provider = *document.findEntry("providers.yaml", kProvider);
    REQUIRE(document.setText(provider, "opening_hours", "de", "Mo-Fr 8 bis 12").ok());

    const auto report = checkSnapshot(sample.folder, snapshotOf(document), document.revision());
    const auto placed = placeProblems(document, report.errors);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].where == provider);
    CHECK(placed[0].field == "opening_hours");
    CHECK(placed[0].error.message.find("not valid opening hours") != std::string::npos);
    CHECK(sample.read("providers.yaml").find("8 bis 12") == std::string::npos);  // the check saved nothing

    REQUIRE(document.setText(provider, "opening_hours", "de", "Mo-Fr 08:00-12:00").ok());
    const auto fixed = checkSnapshot(sample.folder, snapshotOf(document), document.revision());
    CHECK(fixed.errors.empty());
    REQUIRE(fixed.catalog);
    CHECK(fixed.catalog->provider(kProvider)->hours.has_value());
}

TEST_CASE("an unknown provider and a nested field are placed at their entry", "[editing]") {
    SampleCopy sample;
    ContentDocument document = openFolder(sample.folder);
    const auto offer = *document.findEntry("offers.yaml", "kindergeld");
    REQUIRE(document.setField(offer, "provider", YAML::Node("familienkase")).ok());
    const auto provider = *document.findEntry("providers.yaml", kProvider);
    REQUIRE(document.setNested(provider, "address", "postal_code", "7372").ok());
    const auto placed = placeProblems(document, checkSnapshot(sample.folder, snapshotOf(document), 1).errors);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].where == provider);
    CHECK(placed[0].field == "address");
    CHECK(placed[1].where == offer);
    CHECK(placed[1].field == "provider");
}

TEST_CASE("the live check runs on its own thread and reports the newest revision", "[editing]") {
    SampleCopy sample;
    ContentDocument document = openFolder(sample.folder);
    LiveCheck check(sample.folder);
    const auto provider = *document.findEntry("providers.yaml", kProvider);
    REQUIRE(document.setText(provider, "phone", "de", "keine Nummer").ok());
    check.submit(document.revision(), snapshotOf(document));
    std::optional<CheckReport> report;
    for (int i = 0; i < 6000 && !report; ++i) {  // a hang guard of a minute, not a timing check
        report = check.take();
        if (!report) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(report);
    CHECK(report->revision == document.revision());
    REQUIRE(report->errors.size() == 1);
    CHECK(report->errors[0].field == "phone");
    CHECK_FALSE(check.take());  // taken once
}

TEST_CASE("an event's and a working group's problems in the unsaved text are placed at their field", "[editing]") {
    SampleCopy sample;
    ContentDocument document = openFolder(sample.folder);
    const auto event = *document.findEntry("events.yaml", "impuls-kinderarmut-erkennen");
    const auto group = *document.findEntry("working_groups.yaml", "ag-beratung");
    REQUIRE(document.setField(event, "end", YAML::Node("2027-01-14T12:00")).ok());  // before its start
    REQUIRE(document.setField(event, "place", YAML::Node("caritas")).ok());         // no such provider
    REQUIRE(document.setNested(group, "contact", "phone", "ruf an").ok());
    const auto placed = placeProblems(document, checkSnapshot(sample.folder, snapshotOf(document), 1).errors);
    REQUIRE(placed.size() == 3);
    std::map<std::string, EntryRef> at;
    for (const auto& problem : placed) {
        REQUIRE(problem.where);
        at[problem.field] = *problem.where;
    }
    CHECK(at.at("end") == event);
    CHECK(at.at("place") == event);
    CHECK(at.at("contact") == group);

    REQUIRE(document.setField(event, "end", YAML::Node("2027-01-14T16:00")).ok());
    REQUIRE(document.setField(event, "place", YAML::Node("online")).ok());
    REQUIRE(document.setNested(group, "contact", "phone", "0711 3902-42651").ok());
    const auto fixed = checkSnapshot(sample.folder, snapshotOf(document), 2);
    CHECK(fixed.errors.empty());
    REQUIRE(fixed.catalog);
    CHECK(fixed.catalog->event("impuls-kinderarmut-erkennen")->place.online);
    CHECK(fixed.catalog->workingGroup("ag-beratung")->contact.phone == "0711 3902-42651");
}
