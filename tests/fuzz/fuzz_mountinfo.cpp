// The mount table the USB watch reads at every mount and unmount (/proc/self/mountinfo; the
// editor's stick panel reads it too): a stick's label becomes its mount point (/media/USER/LABEL),
// so whoever brings a stick writes part of this text. The input is read as a whole mount table,
// and its bytes also name one mount (point, type, source: the input split at NUL bytes) that is
// written as the kernel writes it (one blank between fields; blank, tab, newline and backslash as
// \ooo) after the input's own lines: it must be read back exactly, whatever its label holds.
#include "kiosk/platform/usb_watch.hpp"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// The kernel's mangle() (fs/proc_namespace.c): " \t\n\\" as three octal digits.
std::string escapeAsKernel(const std::string& field) {
    static const char digits[] = "01234567";
    std::string out;
    for (const char c : field) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
            const auto byte = static_cast<unsigned char>(c);
            out += '\\';
            out += digits[byte >> 6];
            out += digits[(byte >> 3) & 7];
            out += digits[byte & 7];
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::string> splitAtNul(const std::string& text) {
    std::vector<std::string> parts(1);
    for (const char c : text) {
        if (c == '\0') parts.emplace_back();
        else parts.back() += c;
    }
    return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk::platform;
    const std::string text(reinterpret_cast<const char*>(data), size);
    // The input as the mount table: every mount read has a point, a type, and no stick is named
    // that is not one of them.
    const auto mounts = parseMountinfo(text);
    for (const auto& mount : mounts)
        if (mount.point.empty() || mount.type.empty()) std::abort();
    static const std::vector<std::filesystem::path> folders = {"/media", "/run/media", "/srv/familienkiosk/sticks"};
    for (const auto& root : stickMounts(text, folders)) {
        bool read = false;
        for (const auto& mount : mounts) read = read || mount.point.string() == root;
        if (!read) std::abort();
    }

    // One mount written as the kernel writes it, after the input's lines.
    const auto parts = splitAtNul(text);
    const std::string point = "/media/kiosk/" + parts[0];
    const std::string type = parts.size() > 1 && !parts[1].empty() ? parts[1] : "vfat";
    const std::string source = parts.size() > 2 ? parts[2] : "/dev/sdb1";
    const std::string line = "51 22 8:17 / " + escapeAsKernel(point) + " rw,nosuid,nodev shared:30 - " +
                             escapeAsKernel(type) + " " + escapeAsKernel(source) + " rw,fmask=0022\n";
    const auto alone = parseMountinfo(line);
    if (alone.empty()) {  // only a kernel pseudo file system (proc, sysfs …) is left out
        for (const char c : type)
            if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
                std::abort();
        return 0;
    }
    if (alone.size() != 1 || alone[0].point.string() != point || alone[0].type != type || alone[0].source != source)
        std::abort();
    const auto withLine = parseMountinfo(text + "\n" + line);
    if (withLine.empty() || withLine.back().point.string() != point) std::abort();
    return 0;
}
