// Notices a USB stick: new mounts in the mount table (/proc/self/mountinfo signals every mount
// and unmount to poll() as POLLPRI), or, for development and tests, a folder standing in for the
// stick (`--usb-root DIR`). Runs its own thread and calls back when something may have arrived.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::platform {

struct Mount {
    std::filesystem::path point;
    std::string type;    // vfat, ext4, fuseblk, tmpfs …
    std::string source;  // /dev/sdb1 …
};

// The mounts in a mountinfo text (the format of /proc/self/mountinfo), without the kernel's
// pseudo file systems (proc, sysfs, cgroup …), which are never a stick.
std::vector<Mount> parseMountinfo(const std::string& text);

// Where the system mounts sticks (udev's rule: /media/familienkiosk/; desktops: /media/USER/,
// /run/media/USER/).
std::vector<std::filesystem::path> defaultStickFolders();

// Whether a mount is a stick's: its mount point lies under one of `stickFolders`, or it is a
// file system on a removable block device (sysfs `removable`, or a device on the USB bus). Any
// other mount (another program's tmpfs in /tmp, a loop device, a network share) is not.
bool isStickMount(const Mount& mount, const std::vector<std::filesystem::path>& stickFolders);

// The mount points of sticks (isStickMount) in a mountinfo text: what the watch reads from
// /proc/self/mountinfo at every change.
std::set<std::string> stickMounts(const std::string& mountinfo, const std::vector<std::filesystem::path>& stickFolders);

// Content packs a stick offers: *.kpack in its top folder and in a folder named familienkiosk/,
// newest first (by the version in NAME-VERSION.kpack, then by modification time).
std::vector<std::filesystem::path> findPacks(const std::filesystem::path& root);

class UsbWatch {
public:
    // Watches the mount table for sticks' mounts (isStickMount with `stickFolders`); `changed`
    // runs on the watch thread (keep it short, thread-safe).
    explicit UsbWatch(std::function<void()> changed,
                      std::vector<std::filesystem::path> stickFolders = defaultStickFolders());
    // Watches `folder` instead (checked twice a second), as if it were a stick's top folder.
    UsbWatch(std::filesystem::path folder, std::function<void()> changed);
    ~UsbWatch();
    UsbWatch(const UsbWatch&) = delete;
    UsbWatch& operator=(const UsbWatch&) = delete;

    // Roots that appeared since the last call (mount points, or the folder when a new pack lies
    // in it). Each arrival is reported once; a stick pulled and put in again counts anew.
    std::vector<std::filesystem::path> arrived();
    // Whether `root` is still there (mounted, or the folder still holds packs).
    bool present(const std::filesystem::path& root) const;

private:
    void run();
    std::set<std::string> current() const;

    std::filesystem::path m_folder;  // empty: the mount table
    std::vector<std::filesystem::path> m_stickFolders;
    std::function<void()> m_changed;
    mutable std::mutex m_mutex;
    std::set<std::string> m_known;     // roots seen so far (present)
    std::vector<std::filesystem::path> m_arrived;
    std::atomic<bool> m_stop{false};
    int m_wakeFd = -1;     // eventfd to end the thread's poll
    int m_mountinfo = -1;  // /proc/self/mountinfo, polled for POLLPRI
    std::thread m_thread;
};

}  // namespace kiosk::platform
