// Opening hours <-> HSDS schedules: what both can say is mapped, the rest travels as the written text.
#include "kiosk/hsds/schedule.hpp"

#include <catch2/catch.hpp>

using kiosk::core::OpeningHours;
using kiosk::hsds::openingHoursOf;
using kiosk::hsds::Record;
using kiosk::hsds::schedulesOf;

namespace {

OpeningHours hours(const char* text) { return OpeningHours::read(text).value(); }

std::vector<Record> records(const std::vector<nlohmann::ordered_json>& rows) {
    std::vector<Record> out;
    int n = 0;
    for (const auto& row : rows) {
        Record r{"schedules.csv", "row " + std::to_string(++n), {}};
        r.values["id"] = "s" + std::to_string(n);
        for (const auto& [k, v] : row.items()) r.values[k] = v.get<std::string>();
        out.push_back(r);
    }
    return out;
}

std::string back(const std::vector<Record>& rows, std::vector<std::string>* leftOut = nullptr) {
    std::vector<const Record*> pointers;
    for (const auto& r : rows) pointers.push_back(&r);
    auto result = openingHoursOf(pointers);
    if (leftOut) *leftOut = result.leftOut;
    return result.openingHours;
}

}  // namespace

TEST_CASE("weekly hours become one WEEKLY schedule per time range, with the days that have it", "[hsds]") {
    const auto rows = schedulesOf(hours("Mo-Fr 08:00-12:00; Tu,Th 08:00-12:00,14:00-18:00"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["freq"] == "WEEKLY");
    CHECK(rows[0]["byday"] == "MO,TU,WE,TH,FR");
    CHECK(rows[0]["opens_at"] == "08:00:00");
    CHECK(rows[0]["closes_at"] == "12:00:00");
    CHECK(rows[1]["byday"] == "TU,TH");
    CHECK(rows[1]["opens_at"] == "14:00:00");
    CHECK(rows[1]["closes_at"] == "18:00:00");
    CHECK_FALSE(rows[0].contains("description"));  // nothing more to say
    CHECK(back(records(rows)) == "Mo,We,Fr 08:00-12:00; Tu,Th 08:00-12:00,14:00-18:00");
}

TEST_CASE("what a schedule cannot say keeps the written value in the description", "[hsds]") {
    const auto rows = schedulesOf(hours("Mo-Fr 09:00-12:00; PH off"));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["byday"] == "MO,TU,WE,TH,FR");
    CHECK(rows[0]["description"] == "Mo-Fr 09:00-12:00; PH off");
    CHECK(back(records(rows)) == "Mo-Fr 09:00-12:00; PH off");  // taken back as it was written

    const auto appointment = schedulesOf(hours("\"nach Vereinbarung\""));
    REQUIRE(appointment.size() == 1);
    CHECK_FALSE(appointment[0].contains("freq"));
    CHECK(appointment[0]["description"] == "\"nach Vereinbarung\"");
}

TEST_CASE("the nth weekday of a month becomes a MONTHLY schedule", "[hsds]") {
    const auto rows = schedulesOf(hours("Mo[1] 15:00-17:00"));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["freq"] == "MONTHLY");
    CHECK(rows[0]["byday"] == "1MO");
    CHECK(rows[0]["opens_at"] == "15:00:00");
    auto without = records(rows);
    without[0].values.erase("description");
    CHECK(back(without) == "Mo[1] 15:00-17:00");
}

TEST_CASE("all day and round the clock close at the end of the day", "[hsds]") {
    const auto rows = schedulesOf(hours("24/7"));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["byday"] == "MO,TU,WE,TH,FR,SA,SU");
    CHECK(rows[0]["closes_at"] == "23:59:59");
    CHECK(back(records(rows)) == "Mo-Su 00:00-24:00");
}

TEST_CASE("another directory's schedules become opening hours, what they say beyond is listed", "[hsds]") {
    Record weekly{"schedules.csv", "row 2", {{"id", "a"}, {"freq", "WEEKLY"}, {"byday", "TH,FR"}, {"opens_at", "10:00"},
                                             {"closes_at", "18:00"}, {"valid_from", "2005-01-01"}}};
    std::vector<std::string> leftOut;
    CHECK(back({weekly}, &leftOut) == "Th,Fr 10:00-18:00");
    REQUIRE(leftOut.size() == 1);
    CHECK(leftOut[0] == "schedule 'a'\tfield 'valid_from'\tnot carried: the kiosk's opening hours have no such rule");

    weekly.values["description"] = "Not on public holidays";
    CHECK(back({weekly}) == "Th,Fr 10:00-18:00 open \"Not on public holidays\"");

    Record fortnightly{"schedules.csv", "row 3", {{"id", "b"}, {"freq", "WEEKLY"}, {"interval", "2"}, {"byday", "MO"},
                                                  {"opens_at", "10:00"}, {"closes_at", "12:00"}}};
    CHECK(back({fortnightly}, &leftOut).empty());
    CHECK(leftOut.back().find("field 'freq'\tnot carried") != std::string::npos);

    Record words{"schedules.csv", "row 4", {{"id", "c"}, {"description", "Call \"us\" first"}}};
    CHECK(back({words}) == "\"Call 'us' first\"");  // times to ask for, with the words
}
