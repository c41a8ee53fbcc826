// The output folder is written whole or not at all, and only an earlier output is replaced.
#include "kiosk/hsds/hsds_problem.hpp"
#include "kiosk/hsds/output_folder.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace kiosk::hsds;
namespace fs = std::filesystem;

namespace {

struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("hsds-output-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() { fs::remove_all(dir); }
    std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {})); }
};

std::string read(const fs::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("a refused check leaves nothing behind, an earlier output stays", "[hsds]") {
    Scratch scratch;
    const fs::path target = scratch.dir / "out";
    REQUIRE(writeFolder(target, {{"a.txt", "first"}, {".mark", ""}}, ".mark").ok());
    CHECK(read(target / "a.txt") == "first");
    CHECK((fs::status(target).permissions() & fs::perms::others_read) != fs::perms::none);  // a web server may read it

    const auto refused = writeFolder(target, {{"a.txt", "second"}, {".mark", ""}}, ".mark", [](const fs::path& folder) {
        CHECK(read(folder / "a.txt") == "second");  // checked where it was built, beside the target
        return kiosk::core::Result<void>(hsdsProblem(HsdsProblem::ContentRefused, "offers.yaml", "offer 'x'", "url", "no"));
    });
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.problem().is(HsdsProblem::ContentRefused));
    CHECK(read(target / "a.txt") == "first");
    CHECK(scratch.entries() == 1);  // no temporary folder left

    REQUIRE(writeFolder(target, {{"b.txt", "third"}, {".mark", ""}}, ".mark").ok());
    CHECK(read(target / "b.txt") == "third");
    CHECK_FALSE(fs::exists(target / "a.txt"));  // replaced as a whole
    CHECK(scratch.entries() == 1);
}

TEST_CASE("a folder that is not an earlier output is never replaced", "[hsds]") {
    Scratch scratch;
    const fs::path target = scratch.dir / "mine";
    fs::create_directories(target);
    std::ofstream(target / "notes.txt") << "keep";
    const auto refused = writeFolder(target, {{"a.txt", "x"}}, ".mark");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.problem().is(HsdsProblem::OutputRefused));
    CHECK(read(target / "notes.txt") == "keep");
    CHECK(scratch.entries() == 1);
}
