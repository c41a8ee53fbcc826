// Unit tests for PrivateFolder: the slip's folder of its own, not at a name another user could guess.
#include "kiosk/files/private_folder.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using kiosk::files::PrivateFolder;

TEST_CASE("a private folder is the kiosk's own, at a new name each time, and goes with everything in it") {
    kiosk::test::TempFolder parent;
    std::filesystem::path kept;
    {
        auto first = PrivateFolder::make("familienkiosk-slip", parent.path());
        auto second = PrivateFolder::make("familienkiosk-slip", parent.path());
        REQUIRE(first);
        REQUIRE(second);
        CHECK(first->path() != second->path());
        CHECK(first->path().parent_path() == parent.path());
        // Not made of the process id (the old slip's name), so nobody can lay a symlink there first.
        CHECK(first->path().filename().string().find(std::to_string(::getpid())) == std::string::npos);
        struct stat info {};
        REQUIRE(::lstat(first->path().c_str(), &info) == 0);
        CHECK(S_ISDIR(info.st_mode));
        CHECK((info.st_mode & 0777) == 0700);
        std::ofstream(first->path() / "slip.pdf") << "%PDF";
        kept = first->path();
        PrivateFolder moved = std::move(*first);
        CHECK(moved.path() == kept);
    }
    CHECK_FALSE(std::filesystem::exists(kept));
    CHECK(std::filesystem::is_empty(parent.path()));
}

TEST_CASE("a private folder that cannot be made says so") {
    const auto folder = PrivateFolder::make("familienkiosk-slip", "/nonexistent/folder");
    REQUIRE_FALSE(folder);
    CHECK(folder.problem().detail().find("/nonexistent/folder") != std::string::npos);
}
