#include "kiosk/platform/usb_watch.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <fstream>
#include <sstream>
#include <sys/eventfd.h>
#include <unistd.h>

namespace kiosk::platform {
namespace {

bool pseudoFilesystem(const std::string& type) {
    static const std::set<std::string> pseudo = {
        "proc",    "sysfs",  "cgroup",   "cgroup2",   "devpts",     "devtmpfs", "mqueue",  "tracefs",
        "debugfs", "securityfs", "pstore", "bpf",     "autofs",     "configfs", "fusectl", "binfmt_misc",
        "hugetlbfs", "nsfs", "overlay",   "efivarfs", "rpc_pipefs", "ramfs"};
    return pseudo.count(type) > 0;
}

// mountinfo escapes blanks and a few others as \ooo octal.
std::string unescape(const std::string& field) {
    std::string out;
    for (size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const std::string octal = field.substr(i + 1, 3);
            if (octal.size() == 3 && std::all_of(octal.begin(), octal.end(), [](char c) { return c >= '0' && c <= '7'; })) {
                out += static_cast<char>(std::stoi(octal, nullptr, 8));
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return out;
}

// The whole file behind `fd` from its start. Reading the polled mountinfo descriptor itself is
// what resets its POLLPRI; reading another one would leave poll() firing for ever.
std::string readFrom(int fd) {
    std::string text;
    if (::lseek(fd, 0, SEEK_SET) < 0) return text;
    char buffer[8192];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<size_t>(n));
    return text;
}

bool under(const std::filesystem::path& path, const std::filesystem::path& folder) {
    const auto relative = path.lexically_normal().lexically_relative(folder.lexically_normal());
    return !relative.empty() && *relative.begin() != ".." && relative != ".";
}

// /dev/sdb1 -> its disk in sysfs: removable, or attached through USB.
bool removableBlockDevice(const std::string& source) {
    if (source.rfind("/dev/", 0) != 0) return false;
    std::error_code ec;
    const auto device = std::filesystem::canonical(source, ec);  // /dev/disk/by-label/… are links
    if (ec) return false;
    auto sys = std::filesystem::canonical(std::filesystem::path("/sys/class/block") / device.filename(), ec);
    if (ec) return false;
    if (std::filesystem::exists(sys / "partition", ec)) sys = sys.parent_path();
    std::ifstream removable(sys / "removable");
    char flag = '0';
    removable >> flag;
    return flag == '1' || sys.string().find("/usb") != std::string::npos;
}

long versionOf(const std::filesystem::path& pack) {
    const std::string stem = pack.stem().string();
    const auto dash = stem.rfind('-');
    if (dash == std::string::npos) return -1;
    try {
        size_t used = 0;
        long version = std::stol(stem.substr(dash + 1), &used);
        return used == stem.size() - dash - 1 ? version : -1;
    } catch (const std::exception&) {
        return -1;
    }
}

}  // namespace

std::vector<std::filesystem::path> defaultStickFolders() { return {"/media", "/run/media"}; }

bool isStickMount(const Mount& mount, const std::vector<std::filesystem::path>& stickFolders) {
    for (const auto& folder : stickFolders)
        if (under(mount.point, folder)) return true;
    return removableBlockDevice(mount.source);
}

std::vector<Mount> parseMountinfo(const std::string& text) {
    // 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
    // The kernel separates fields by one blank each and escapes only blank, tab, newline and
    // backslash (\ooo), in the type and source too: a vertical tab, form feed or carriage return
    // in a stick's label stays in its mount point (fuzz_mountinfo found that splitting at any
    // white space cut the point there), and a mount without a source has an empty field.
    std::vector<Mount> mounts;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> f;
        for (size_t start = 0;;) {
            const size_t blank = line.find(' ', start);
            f.push_back(line.substr(start, blank - start));
            if (blank == std::string::npos) break;
            start = blank + 1;
        }
        // Six fields, optional fields (tag[:value]), "-", type, source, super options.
        const auto dash = f.size() > 6 ? std::find(f.begin() + 6, f.end(), "-") : f.end();
        if (dash == f.end() || std::distance(dash, f.end()) < 3) continue;
        Mount m{unescape(f[4]), unescape(*(dash + 1)), unescape(*(dash + 2))};
        // The kernel writes no mount point that is not absolute and no empty type: such a line
        // (two blanks in a row where a point or type belongs) is no mount.
        if (!m.point.is_absolute() || m.type.empty()) continue;
        if (!pseudoFilesystem(m.type)) mounts.push_back(std::move(m));
    }
    return mounts;
}

std::set<std::string> stickMounts(const std::string& mountinfo, const std::vector<std::filesystem::path>& stickFolders) {
    std::set<std::string> roots;
    for (const auto& mount : parseMountinfo(mountinfo))
        if (isStickMount(mount, stickFolders)) roots.insert(mount.point.string());
    return roots;
}

std::vector<std::filesystem::path> findPacks(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> packs;
    for (const auto& dir : {root, root / "familienkiosk"}) {
        std::error_code error;
        for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
            if (it->path().extension() == ".kpack" && it->is_regular_file(error)) packs.push_back(it->path());
    }
    std::sort(packs.begin(), packs.end(), [](const auto& a, const auto& b) {
        const long va = versionOf(a), vb = versionOf(b);
        if (va != vb) return va > vb;
        std::error_code ea, eb;
        return std::filesystem::last_write_time(a, ea) > std::filesystem::last_write_time(b, eb);
    });
    return packs;
}

UsbWatch::UsbWatch(std::function<void()> changed, std::vector<std::filesystem::path> stickFolders)
    : m_stickFolders(std::move(stickFolders)), m_changed(std::move(changed)) {
    m_mountinfo = ::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (m_mountinfo >= 0) m_known = stickMounts(readFrom(m_mountinfo), m_stickFolders);  // what is mounted at start is no new stick
    m_wakeFd = eventfd(0, EFD_CLOEXEC);
    m_thread = std::thread([this] { run(); });
}

UsbWatch::UsbWatch(std::filesystem::path folder, std::function<void()> changed)
    : m_folder(std::move(folder)), m_changed(std::move(changed)) {
    m_wakeFd = eventfd(0, EFD_CLOEXEC);
    m_thread = std::thread([this] { run(); });  // packs already in the folder count as arrived
}

UsbWatch::~UsbWatch() {
    m_stop = true;
    if (m_wakeFd >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto written = ::write(m_wakeFd, &one, sizeof one);
    }
    if (m_thread.joinable()) m_thread.join();
    if (m_wakeFd >= 0) ::close(m_wakeFd);
    if (m_mountinfo >= 0) ::close(m_mountinfo);
}

std::set<std::string> UsbWatch::current() const {
    if (m_folder.empty()) return m_mountinfo >= 0 ? stickMounts(readFrom(m_mountinfo), m_stickFolders) : std::set<std::string>{};
    // The folder "is plugged in" while it holds a pack; a new pack file counts as a new stick.
    std::set<std::string> roots;
    for (const auto& pack : findPacks(m_folder)) roots.insert(pack.string());
    return roots;
}

void UsbWatch::run() {
    const int mountinfo = m_folder.empty() ? m_mountinfo : -1;
    while (!m_stop) {
        pollfd fds[2] = {{m_wakeFd, POLLIN, 0}, {mountinfo, POLLPRI | POLLERR, 0}};
        const int timeout = mountinfo >= 0 ? -1 : 500;
        ::poll(fds, mountinfo >= 0 ? 2 : 1, timeout);
        if (m_stop) break;
        const std::set<std::string> now = current();
        bool news = false;
        {
            std::lock_guard lock(m_mutex);
            for (const auto& root : now)
                if (!m_known.count(root)) {
                    m_arrived.push_back(m_folder.empty() ? std::filesystem::path(root) : m_folder);
                    news = true;
                }
            m_known = now;
        }
        if (news) m_changed();
    }
}

std::vector<std::filesystem::path> UsbWatch::arrived() {
    std::lock_guard lock(m_mutex);
    std::vector<std::filesystem::path> roots;
    for (auto& root : m_arrived)
        if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
    m_arrived.clear();
    return roots;
}

bool UsbWatch::present(const std::filesystem::path& root) const {
    if (!m_folder.empty()) return !findPacks(m_folder).empty();
    std::lock_guard lock(m_mutex);
    return m_known.count(root.string()) > 0;
}

}  // namespace kiosk::platform
