// A folder of the kiosk's own for a file that lives only while it is used (the slip PDF on its way
// to CUPS): made with mkdtemp(3) under an unpredictable name, readable only by the kiosk's user,
// removed with everything in it when the object goes. A fixed name in /tmp (such as one made of
// the process id) could be made a symlink by another user beforehand.
#pragma once

#include "kiosk/core/problem.hpp"

#include <filesystem>
#include <string_view>

namespace kiosk::files {

class PrivateFolder {
public:
    // Under `parent` (default: std::filesystem::temp_directory_path(), $TMPDIR or /tmp), named
    // `<prefix>-XXXXXX`, mode 0700. A files::FileProblem when it cannot be made.
    static core::Result<PrivateFolder> make(std::string_view prefix, const std::filesystem::path& parent = {});

    PrivateFolder(PrivateFolder&& other) noexcept;
    PrivateFolder& operator=(PrivateFolder&& other) noexcept;
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    ~PrivateFolder();

    const std::filesystem::path& path() const { return m_path; }

private:
    explicit PrivateFolder(std::filesystem::path path) : m_path(std::move(path)) {}
    std::filesystem::path m_path;
};

}  // namespace kiosk::files
