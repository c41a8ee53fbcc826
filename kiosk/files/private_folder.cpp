// mkdtemp(3) and a recursive remove.
#include "kiosk/files/private_folder.hpp"

#include "kiosk/files/durable_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

namespace kiosk::files {

core::Result<PrivateFolder> PrivateFolder::make(std::string_view prefix, const std::filesystem::path& parent) {
    std::error_code ec;
    const std::filesystem::path base = parent.empty() ? std::filesystem::temp_directory_path(ec) : parent;
    if (ec) return fileProblem(ec.value(), "$TMPDIR", "find the temporary folder");
    std::string pattern = (base / (std::string(prefix) + "-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (::mkdtemp(name.data()) == nullptr) return fileProblem(errno, pattern, "make the folder");
    return PrivateFolder(std::filesystem::path(name.data()));  // mkdtemp makes it 0700
}

PrivateFolder::PrivateFolder(PrivateFolder&& other) noexcept : m_path(std::move(other.m_path)) { other.m_path.clear(); }

PrivateFolder& PrivateFolder::operator=(PrivateFolder&& other) noexcept {
    if (this != &other) {
        std::error_code ignored;
        if (!m_path.empty()) std::filesystem::remove_all(m_path, ignored);
        m_path = std::move(other.m_path);
        other.m_path.clear();
    }
    return *this;
}

PrivateFolder::~PrivateFolder() {
    std::error_code ignored;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ignored);
}

}  // namespace kiosk::files
