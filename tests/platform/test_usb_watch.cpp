// Noticing a USB stick: the mount table parsed, packs found newest first, and a real mount (a
// tmpfs, as root) or a stand-in folder reported once as it arrives.
#include "kiosk/platform/usb_watch.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <sys/mount.h>
#include <thread>

using namespace kiosk::platform;
using kiosk::test::TempFolder;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& file) { std::ofstream(file) << "x"; }

// Waits up to two seconds for the watch to report something.
std::vector<fs::path> waitForArrival(UsbWatch& watch) {
    for (int i = 0; i < 40; ++i) {
        if (auto roots = watch.arrived(); !roots.empty()) return roots;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return {};
}

}  // namespace

TEST_CASE("the mount table is read with escaped blanks, without pseudo file systems", "[usb]") {
    const std::string text =
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "23 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw\n"
        "24 22 0:22 / /sys rw,nosuid shared:2 - sysfs sysfs rw\n"
        "51 22 8:17 / /media/kiosk/USB\\040STICK rw,nosuid,nodev shared:30 - vfat /dev/sdb1 rw,fmask=0022\n"
        "52 22 0:45 / /mnt/probe rw shared:31 master:2 - fuseblk /dev/sdc1 rw\n";
    const auto mounts = parseMountinfo(text);
    REQUIRE(mounts.size() == 3);
    CHECK(mounts[0].point == "/");
    CHECK(mounts[1].point == "/media/kiosk/USB STICK");
    CHECK(mounts[1].type == "vfat");
    CHECK(mounts[1].source == "/dev/sdb1");
    CHECK(mounts[2].type == "fuseblk");
}

TEST_CASE("a mount is read as the kernel writes it: fields end only at a blank, type and source unescaped", "[usb]") {
    // fuzz_mountinfo's first finding: a label of one vertical tab (the kernel escapes only blank,
    // tab, newline and backslash) ended the mount point, which was read as /media/kiosk/.
    const std::string text =
        "51 22 8:17 / /media/kiosk/\v rw,nosuid,nodev shared:30 - vfat /dev/sdb1 rw,fmask=0022\n"
        "52 22 8:33 / /run/media/anna/Kita\rFotos rw,nosuid shared:31 - exfat /dev/sdc1 rw\n"
        "53 22 8:49 / /media/kiosk/F\xC3\xBCr\fAlle rw - vfat /dev/sdd1 rw\n"
        "54 22 0:50 / /mnt/no-source rw shared:32 - tmpfs  rw,size=1024k\n"
        "55 22 0:51 / /home/anna/net rw shared:33 - fuse.my\\040share anna@host:/ rw\n";
    const auto mounts = parseMountinfo(text);
    REQUIRE(mounts.size() == 5);
    CHECK(mounts[0].point == "/media/kiosk/\v");
    CHECK(mounts[0].source == "/dev/sdb1");
    CHECK(mounts[1].point == "/run/media/anna/Kita\rFotos");
    CHECK(mounts[1].type == "exfat");
    CHECK(mounts[2].point == "/media/kiosk/F\xC3\xBCr\fAlle");
    CHECK(mounts[3].source.empty());
    CHECK(mounts[3].type == "tmpfs");
    CHECK(mounts[4].type == "fuse.my share");
    CHECK(mounts[4].source == "anna@host:/");
    CHECK(stickMounts(text, defaultStickFolders()) ==
          std::set<std::string>{"/media/kiosk/\v", "/run/media/anna/Kita\rFotos", "/media/kiosk/F\xC3\xBCr\fAlle"});
}

TEST_CASE("a line with an empty or relative mount point, or an empty type, is no mount", "[usb]") {
    // fuzz_mountinfo's second finding (of the parser that keeps empty fields): two blanks in a row
    // made a mount without a point.
    const std::string text =
        "28 27 8:1 /  rw,relatime shared:1 - vfat /dev/sdb1 rw\n"
        "29 27 8:1 / media/STICK rw,relatime shared:1 - vfat /dev/sdb1 rw\n"
        "30 27 8:1 / /media/STICK rw,relatime shared:1 -  /dev/sdb1 rw\n"
        "31 27 8:1 / /media/STICK rw,relatime shared:1 - vfat /dev/sdb1 rw\n";
    const auto mounts = parseMountinfo(text);
    REQUIRE(mounts.size() == 1);
    CHECK(mounts[0].point == "/media/STICK");
    CHECK(mounts[0].type == "vfat");
}

TEST_CASE("a stick's packs are found in its top folder and in familienkiosk/, newest first", "[usb]") {
    TempFolder stick;
    fs::create_directory(stick.path() / "familienkiosk");
    touch(stick.path() / "inhalt-3.kpack");
    touch(stick.path() / "inhalt-10.kpack");
    touch(stick.path() / "familienkiosk" / "inhalt-7.kpack");
    touch(stick.path() / "urlaub.jpg");
    touch(stick.path() / "familienkiosk" / "notizen.txt");
    const auto packs = findPacks(stick.path());
    REQUIRE(packs.size() == 3);
    CHECK(packs[0].filename() == "inhalt-10.kpack");
    CHECK(packs[1].filename() == "inhalt-7.kpack");
    CHECK(packs[2].filename() == "inhalt-3.kpack");
    CHECK(findPacks(stick.path() / "gibt-es-nicht").empty());
}

TEST_CASE("a folder standing in for a stick reports a new pack once", "[usb]") {
    TempFolder folder;
    int calls = 0;
    UsbWatch watch(folder.path(), [&] { ++calls; });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(watch.arrived().empty());
    touch(folder.path() / "inhalt-2.kpack");
    const auto roots = waitForArrival(watch);
    REQUIRE(roots.size() == 1);
    CHECK(roots[0] == folder.path());
    CHECK(watch.present(folder.path()));
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    CHECK(watch.arrived().empty());  // once
    CHECK(calls == 1);
}

TEST_CASE("only a stick's mount counts: under /media or /run/media, or a removable block device", "[usb]") {
    const auto folders = defaultStickFolders();
    CHECK(isStickMount({"/media/familienkiosk/STICK", "vfat", "/dev/sdb1"}, folders));
    CHECK(isStickMount({"/run/media/anna/USB STICK", "exfat", "/dev/sdc1"}, folders));
    // Another program's tmpfs in /tmp was once taken for a stick.
    CHECK_FALSE(isStickMount({"/tmp/other-program", "tmpfs", "none"}, folders));
    CHECK_FALSE(isStickMount({"/mediathek/archive", "ext4", "none"}, folders));
    CHECK_FALSE(isStickMount({"/media", "tmpfs", "none"}, folders));  // the folder itself is no stick
    CHECK_FALSE(isStickMount({"/mnt/image", "ext4", "/dev/loop0"}, folders));  // a loop device is not removable
    CHECK_FALSE(isStickMount({"/srv/share", "nfs", "server:/export"}, folders));
    CHECK(isStickMount({"/srv/test/media/stick", "tmpfs", "none"}, {"/srv/test/media"}));  // a test's own folder
}

TEST_CASE("a real mount is noticed through the mount table where sticks are mounted, and again after being pulled",
          "[usb]") {
    TempFolder base;
    const fs::path media = base.path() / "media", point = media / "stick", elsewhere = base.path() / "elsewhere";
    fs::create_directories(point);
    fs::create_directories(elsewhere);
    if (::mount("none", point.c_str(), "tmpfs", 0, "size=1m") != 0) {
        WARN("mounting is not permitted here (" << std::strerror(errno)
                                                << "); the folder test above stands in for a stick");
        return;
    }
    ::umount(point.c_str());
    UsbWatch watch([] {}, {media});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(watch.arrived().empty());  // what was mounted before does not count
    // A mount outside the sticks' folders (another program's tmpfs) is no stick.
    REQUIRE(::mount("none", elsewhere.c_str(), "tmpfs", 0, "size=1m") == 0);
    CHECK(waitForArrival(watch).empty());
    ::umount(elsewhere.c_str());
    REQUIRE(::mount("none", point.c_str(), "tmpfs", 0, "size=1m") == 0);
    auto roots = waitForArrival(watch);
    CHECK(roots == std::vector<fs::path>{point});
    CHECK(watch.present(point));
    ::umount(point.c_str());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK_FALSE(watch.present(point));
    REQUIRE(::mount("none", point.c_str(), "tmpfs", 0, "size=1m") == 0);
    roots = waitForArrival(watch);
    CHECK(roots == std::vector<fs::path>{point});
    ::umount(point.c_str());
}
