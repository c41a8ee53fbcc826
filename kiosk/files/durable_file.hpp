// Files that survive a power cut whole: a new version is written beside the old one, synced, and
// renamed over it, so a reader (or the next start after a crash) finds the old file or the new
// one, never a part. The one place in the kiosk that writes, syncs and renames (POSIX).
#pragma once

#include "kiosk/core/problem.hpp"

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::files {

enum class FileProblem {
    NoRoom,      // ENOSPC, EDQUOT: the disk (or the stick) is full
    NotAllowed,  // EACCES, EPERM, EROFS: no permission, or a read-only disk
    Missing,     // ENOENT, ENOTDIR: the folder is not there (a stick pulled out)
    Failed,      // anything else: an input/output error, a damaged disk
};
std::string_view problemDomain(FileProblem);
std::string_view problemName(FileProblem code);
std::string_view problemEnglish(FileProblem code);

// The problem for a failed system call on `path`: the code from `error` (an errno value), the
// path as the words' value, and "<action> <path>: <strerror>" as the detail for the log.
core::Problem fileProblem(int error, const std::filesystem::path& path, std::string_view action);

// A new version of `target` being written beside it. Nothing changes at `target` until commit();
// destroyed without a commit, the partial file is removed.
class FileReplacement {
public:
    // Creates the temporary file ".<name>.new-XXXXXX" in the target's folder with `mode`.
    static core::Result<FileReplacement> begin(std::filesystem::path target, mode_t mode = 0644);

    FileReplacement(FileReplacement&& other) noexcept;
    FileReplacement& operator=(FileReplacement&& other) noexcept;
    FileReplacement(const FileReplacement&) = delete;
    FileReplacement& operator=(const FileReplacement&) = delete;
    ~FileReplacement();

    int fd() const { return m_fd; }  // for writers that take a descriptor (libarchive)
    const std::filesystem::path& temporaryPath() const { return m_temporary; }
    const std::filesystem::path& target() const { return m_target; }

    core::Result<void> write(std::string_view bytes);
    // Syncs the file, renames it over the target and syncs the folder, so the rename is on disk too.
    core::Result<void> commit();

private:
    FileReplacement(std::filesystem::path target, std::filesystem::path temporary, int fd)
        : m_target(std::move(target)), m_temporary(std::move(temporary)), m_fd(fd) {}
    void discard() noexcept;

    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    int m_fd = -1;
};

// Replaces `file` by `bytes`, durably (see FileReplacement).
core::Result<void> writeFileDurably(const std::filesystem::path& file, std::string_view bytes, mode_t mode = 0644);

// Syncs a file someone else wrote (a database written without its own syncs) to the disk.
core::Result<void> syncFile(const std::filesystem::path& file);
// Syncs a folder, so that names created, renamed or removed in it are on the disk.
core::Result<void> syncFolder(const std::filesystem::path& folder);
// Syncs the whole file system `path` lies on (syncfs(2)): one call for many files just written.
core::Result<void> syncFileSystem(const std::filesystem::path& path);
// Renames `from` to `to` (a file, a folder or a symbolic link, replacing `to` where rename(2)
// may) and syncs the folder, so the new name is on the disk when this returns.
core::Result<void> renameDurably(const std::filesystem::path& from, const std::filesystem::path& to);
// Swaps two existing names in one step (renameat2 RENAME_EXCHANGE) and syncs their folders: a whole
// folder is replaced by a new one while a reader sees the old one or the new one, never neither.
core::Result<void> exchangeDurably(const std::filesystem::path& first, const std::filesystem::path& second);

}  // namespace kiosk::files
