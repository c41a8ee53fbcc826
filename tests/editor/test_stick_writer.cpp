// "Auf USB-Stick schreiben": a verified pack on the stick, or a plain refusal with the content untouched.
#include "kiosk/content/pack_keys.hpp"
#include "kiosk/editing/stick_writer.hpp"
#include "kiosk/files/durable_file.hpp"
#include "tests/editor/editor_test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <map>

using namespace kiosk;
using namespace kiosk::editing;
using kiosk::test::SampleCopy;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> contentsOf(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& item : fs::recursive_directory_iterator(folder))
        if (item.is_regular_file()) files[fs::relative(item.path(), folder).string()] = kiosk::test::readFile(item.path());
    return files;
}

using Stick = kiosk::test::TmpfsMount;  // a stick: a tmpfs of its own (root only)

}  // namespace

TEST_CASE("a pack written to a stick verifies there, and the next version is proposed", "[editing]") {
    if (::geteuid() != 0) {
        WARN("needs root to mount a tmpfs as the stick; CI runs as root");
        return;
    }
    SampleCopy sample;
    const fs::path key = sample.root.path() / "network.key";
    REQUIRE(content::generateKeyPair(key).ok());
    CHECK(proposedVersion(sample.folder) == 1);
    Stick stick(8192);
    double last = -1;
    auto written = writePackToStick(sample.folder, key, 1, "esslingen", stick.path(),
                                    [&](double fraction) { last = fraction; });
    REQUIRE(written.ok());
    CHECK(written->file == stick.path() / "esslingen-1.kpack");
    CHECK(fs::file_size(written->file) > 0);
    CHECK(last == 1.0);
    CHECK(proposedVersion(sample.folder) == 2);
}

TEST_CASE("a stick too small or a key in the content folder is refused, the content untouched", "[editing]") {
    SampleCopy sample;
    const fs::path inside = sample.folder / "network.key";
    REQUIRE(content::generateKeyPair(inside).ok());
    auto refused = writePackToStick(sample.folder, inside, 1, "esslingen", sample.root.path());
    REQUIRE_FALSE(refused);
    CHECK(refused.problem().is(StickProblem::KeyInContent));
    fs::remove(inside);
    fs::remove(fs::path(inside) += ".pub");

    if (::geteuid() != 0) return;
    const fs::path key = sample.root.path() / "network.key";
    REQUIRE(content::generateKeyPair(key).ok());
    const auto before = contentsOf(sample.folder);
    Stick stick(64);  // the sample's pack needs more
    auto full = writePackToStick(sample.folder, key, 1, "esslingen", stick.path());
    REQUIRE_FALSE(full);
    CHECK(full.problem().is(files::FileProblem::NoRoom));
    CHECK(contentsOf(sample.folder) == before);
    CHECK(fs::is_empty(stick.path()));  // no half pack left on the stick
    CHECK(proposedVersion(sample.folder) == 1);
}
