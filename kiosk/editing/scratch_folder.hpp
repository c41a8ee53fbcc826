// A private folder under the system's temporary folder for one job (a check, a pack), removed after it.
#pragma once

#include <filesystem>
#include <string>

#include <stdlib.h>

namespace kiosk::editing {

struct ScratchFolder {
    std::filesystem::path path;  // empty when it could not be made
    explicit ScratchFolder(const std::string& prefix) {
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data())) path = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        if (!path.empty()) std::filesystem::remove_all(path, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
};

}  // namespace kiosk::editing
