// Write beside, sync, rename, sync the folder: the POSIX steps in one place, every error kept.
#include "kiosk/files/durable_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

namespace kiosk::files {
namespace fs = std::filesystem;

std::string_view problemDomain(FileProblem) { return "file"; }

std::string_view problemName(FileProblem code) {
    switch (code) {
    case FileProblem::NoRoom: return "no-room";
    case FileProblem::NotAllowed: return "not-allowed";
    case FileProblem::Missing: return "missing";
    case FileProblem::Failed: return "failed";
    }
    return "failed";
}

std::string_view problemEnglish(FileProblem code) {
    switch (code) {
    case FileProblem::NoRoom: return "There is no room left to write {}: is the disk full?";
    case FileProblem::NotAllowed: return "{} may not be written here (no permission, or a read-only disk).";
    case FileProblem::Missing: return "The folder of {} is not there (was the stick pulled out?).";
    case FileProblem::Failed: return "{} could not be written: the disk reported an error.";
    }
    return "{} could not be written.";
}

core::Problem fileProblem(int error, const fs::path& path, std::string_view action) {
    FileProblem code = FileProblem::Failed;
    switch (error) {
    case ENOSPC:
    case EDQUOT: code = FileProblem::NoRoom; break;
    case EACCES:
    case EPERM:
    case EROFS: code = FileProblem::NotAllowed; break;
    case ENOENT:
    case ENOTDIR: code = FileProblem::Missing; break;
    default: break;
    }
    std::string detail(action);
    detail += ' ';
    detail += path.string();
    detail += ": ";
    detail += std::strerror(error);
    return core::Problem(code, {path.string()}, std::move(detail));
}

namespace {

fs::path folderOf(const fs::path& file) {
    return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// Closes on every path; EINTR from close(2) on Linux still closed the descriptor.
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

core::Result<FileReplacement> FileReplacement::begin(fs::path target, mode_t mode) {
    fs::path pattern = folderOf(target) / ("." + target.filename().string() + ".new-XXXXXX");
    std::string name = pattern.string();
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) return fileProblem(errno, target, "create beside");
    if (::fchmod(fd, mode) != 0) {
        const int saved = errno;
        ::close(fd);
        ::unlink(name.c_str());
        return fileProblem(saved, target, "chmod");
    }
    return FileReplacement(std::move(target), fs::path(name), fd);
}

FileReplacement::FileReplacement(FileReplacement&& other) noexcept
    : m_target(std::move(other.m_target)),
      m_temporary(std::move(other.m_temporary)),
      m_fd(std::exchange(other.m_fd, -1)) {
    other.m_temporary.clear();
}

FileReplacement& FileReplacement::operator=(FileReplacement&& other) noexcept {
    if (this != &other) {
        discard();
        m_target = std::move(other.m_target);
        m_temporary = std::move(other.m_temporary);
        m_fd = std::exchange(other.m_fd, -1);
        other.m_temporary.clear();
    }
    return *this;
}

FileReplacement::~FileReplacement() { discard(); }

void FileReplacement::discard() noexcept {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
    m_temporary.clear();
}

core::Result<void> FileReplacement::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fileProblem(errno, m_target, "write");
        if (n == 0) return fileProblem(ENOSPC, m_target, "write");
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return {};
}

core::Result<void> FileReplacement::commit() {
    if (::fsync(m_fd) != 0) return fileProblem(errno, m_target, "fsync");
    const int fd = std::exchange(m_fd, -1);
    if (::close(fd) != 0 && errno != EINTR) return fileProblem(errno, m_target, "close");
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) return fileProblem(errno, m_target, "rename");
    m_temporary.clear();
    return syncFolder(folderOf(m_target));
}

core::Result<void> writeFileDurably(const fs::path& file, std::string_view bytes, mode_t mode) {
    auto replacement = FileReplacement::begin(file, mode);
    if (!replacement) return std::move(replacement).takeProblem();
    if (auto written = replacement->write(bytes); !written) return written;
    return replacement->commit();
}

core::Result<void> syncFile(const fs::path& file) {
    Descriptor d{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
    if (d.fd < 0) return fileProblem(errno, file, "open");
    if (::fsync(d.fd) != 0) return fileProblem(errno, file, "fsync");
    return {};
}

core::Result<void> syncFolder(const fs::path& folder) {
    Descriptor d{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (d.fd < 0) return fileProblem(errno, folder, "open folder");
    if (::fsync(d.fd) != 0) return fileProblem(errno, folder, "fsync folder");
    return {};
}

core::Result<void> syncFileSystem(const fs::path& path) {
    Descriptor d{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (d.fd < 0) return fileProblem(errno, path, "open");
    if (::syncfs(d.fd) != 0) return fileProblem(errno, path, "syncfs");
    return {};
}

core::Result<void> renameDurably(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) return fileProblem(errno, to, "rename");
    if (auto synced = syncFolder(folderOf(to)); !synced) return synced;
    if (folderOf(from) != folderOf(to)) return syncFolder(folderOf(from));
    return {};
}

core::Result<void> exchangeDurably(const fs::path& first, const fs::path& second) {
    if (::renameat2(AT_FDCWD, first.c_str(), AT_FDCWD, second.c_str(), RENAME_EXCHANGE) != 0)
        return fileProblem(errno, second, "exchange");
    if (auto synced = syncFolder(folderOf(second)); !synced) return synced;
    if (folderOf(first) != folderOf(second)) return syncFolder(folderOf(first));
    return {};
}

}  // namespace kiosk::files
