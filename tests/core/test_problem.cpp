// One problem type: codes compared by module and value, words filled in, a detail for the log.
#include "kiosk/core/problem.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace demo {
enum class DemoProblem { TooOld, Broken };
std::string_view problemDomain(DemoProblem) { return "demo"; }
std::string_view problemName(DemoProblem code) { return code == DemoProblem::TooOld ? "too-old" : "broken"; }
std::string_view problemEnglish(DemoProblem code) {
    return code == DemoProblem::TooOld ? "Version {} is older than {}." : "It is broken.";
}
enum class OtherProblem { First };
std::string_view problemDomain(OtherProblem) { return "other"; }
std::string_view problemName(OtherProblem) { return "first"; }
std::string_view problemEnglish(OtherProblem) { return "First."; }
}  // namespace demo

using kiosk::core::Problem;
using kiosk::core::Result;

TEST_CASE("a problem names its code, its words' key and its values", "[problem]") {
    const Problem problem(demo::DemoProblem::TooOld, {"3", "5"}, "pack.kpack: version 3");
    CHECK(problem.is(demo::DemoProblem::TooOld));
    CHECK_FALSE(problem.is(demo::DemoProblem::Broken));
    CHECK_FALSE(problem.is(demo::OtherProblem::First));  // the same value in another module is another code
    CHECK(problem.key() == "demo.too-old");
    CHECK(problem.english() == "Version 3 is older than 5.");
    CHECK(problem.logLine() == "Version 3 is older than 5. (pack.kpack: version 3)");
    CHECK(Problem(demo::DemoProblem::Broken).logLine() == "It is broken.");
}

TEST_CASE("a result holds a value or a problem", "[problem]") {
    Result<int> good = 7;
    REQUIRE(good.ok());
    CHECK(*good == 7);
    Result<int> bad = Problem(demo::DemoProblem::Broken);
    REQUIRE_FALSE(bad);
    CHECK(bad.problem().is(demo::DemoProblem::Broken));
    CHECK(bad.valueOr(3) == 3);

    Result<std::string> moved = std::string("text");
    CHECK(std::move(moved).value() == "text");

    Result<void> done;
    CHECK(done.ok());
    Result<void> failed = Problem(demo::DemoProblem::Broken, {}, "detail");
    REQUIRE_FALSE(failed);
    CHECK(std::move(failed).takeProblem().detail() == "detail");
}
