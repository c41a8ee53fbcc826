// A private folder under the system's temp folder for one test, removed again at its end.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace kiosk::test {

class TempFolder {
public:
    explicit TempFolder(const std::string& prefix = "kiosk-test") {
        std::random_device random;
        do {
            m_path = std::filesystem::temp_directory_path() /
                     (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
        } while (!std::filesystem::create_directory(m_path));
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace kiosk::test
