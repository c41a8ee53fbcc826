// Durable files: the old version or the new one, never a part, and a full disk said as such.
#include "kiosk/files/durable_file.hpp"

#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using kiosk::files::FileProblem;

namespace {

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A fresh folder under the system's temporary folder, removed at the end.
struct Folder {
    fs::path path;
    Folder() {
        std::string pattern = (fs::temp_directory_path() / "durable-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~Folder() {
        ::umount2(path.c_str(), MNT_DETACH);
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    size_t entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(path), {})); }
};

}  // namespace

TEST_CASE("a file written durably replaces the old one whole, with its mode", "[durable]") {
    Folder folder;
    const fs::path file = folder.path / "stats.csv";
    REQUIRE(kiosk::files::writeFileDurably(file, "old\n").ok());
    REQUIRE(kiosk::files::writeFileDurably(file, "new\n", 0600).ok());
    CHECK(read(file) == "new\n");
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(folder.entries() == 1);  // no temporary file left beside it
}

TEST_CASE("a replacement that is not committed leaves the old file and nothing else", "[durable]") {
    Folder folder;
    const fs::path file = folder.path / "pin.lock";
    REQUIRE(kiosk::files::writeFileDurably(file, "old").ok());
    {
        auto replacement = kiosk::files::FileReplacement::begin(file);
        REQUIRE(replacement.ok());
        REQUIRE(replacement->write("half of the new").ok());
        CHECK(fs::exists(replacement->temporaryPath()));
    }
    CHECK(read(file) == "old");
    CHECK(folder.entries() == 1);
}

TEST_CASE("a missing folder and a read-only file system are said as such", "[durable]") {
    Folder folder;
    auto missing = kiosk::files::writeFileDurably(folder.path / "gone" / "file", "x");
    REQUIRE_FALSE(missing);
    CHECK(missing.problem().is(FileProblem::Missing));
    CHECK(missing.problem().values().at(0) == (folder.path / "gone" / "file").string());
    CHECK(missing.problem().detail().find("No such file") != std::string::npos);

    if (::geteuid() != 0) return;  // read-only: root ignores permissions, so a read-only mount
    REQUIRE(::mount("tmpfs", folder.path.c_str(), "tmpfs", MS_RDONLY, "size=64k") == 0);
    auto readOnly = kiosk::files::writeFileDurably(folder.path / "file", "x");
    REQUIRE_FALSE(readOnly);
    CHECK(readOnly.problem().is(FileProblem::NotAllowed));
}

TEST_CASE("a full disk is said as one and keeps the old file", "[durable]") {
    if (::geteuid() != 0) {
        WARN("needs root to mount a small tmpfs; CI runs as root");
        return;
    }
    Folder folder;
    REQUIRE(::mount("tmpfs", folder.path.c_str(), "tmpfs", 0, "size=64k") == 0);
    const fs::path file = folder.path / "content.db";
    REQUIRE(kiosk::files::writeFileDurably(file, std::string(20 * 1024, 'a')).ok());
    auto full = kiosk::files::writeFileDurably(file, std::string(200 * 1024, 'b'));
    REQUIRE_FALSE(full);
    CHECK(full.problem().is(FileProblem::NoRoom));
    CHECK(full.problem().english().find("is the disk full?") != std::string::npos);
    CHECK(read(file) == std::string(20 * 1024, 'a'));
    CHECK(folder.entries() == 1);
}

TEST_CASE("a durable rename moves a folder and a link into place", "[durable]") {
    Folder folder;
    fs::create_directory(folder.path / "staging");
    REQUIRE(kiosk::files::writeFileDurably(folder.path / "staging" / "a", "a").ok());
    REQUIRE(kiosk::files::renameDurably(folder.path / "staging", folder.path / "v2").ok());
    CHECK(read(folder.path / "v2" / "a") == "a");
    fs::create_symlink("v2", folder.path / "current.new");
    REQUIRE(kiosk::files::renameDurably(folder.path / "current.new", folder.path / "current").ok());
    CHECK(fs::read_symlink(folder.path / "current") == "v2");
    CHECK(kiosk::files::syncFileSystem(folder.path).ok());
    CHECK(kiosk::files::syncFile(folder.path / "v2" / "a").ok());
    CHECK_FALSE(kiosk::files::renameDurably(folder.path / "nothing", folder.path / "x").ok());
}
