// What the fuzz targets share: a private copy of a small content source.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include <stdlib.h>

namespace kiosk::fuzz {

// The complete small example of content/README.md (tests/fuzz/small_content), copied once into a
// folder of the process's own: small, so that each input is checked in milliseconds.
inline const std::filesystem::path& contentCopy() {
    static const std::filesystem::path folder = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-fuzz-XXXXXX").string();
        std::filesystem::path copy = ::mkdtemp(pattern.data());
        for (const auto& entry : std::filesystem::directory_iterator(KIOSK_FUZZ_CONTENT))
            if (entry.path().extension() == ".yaml") std::filesystem::copy(entry.path(), copy / entry.path().filename());
        return copy;
    }();
    return folder;
}

// A folder of the process's own beside the content copy, emptied of what the last input left.
inline std::filesystem::path emptyFolder(const std::string& name) {
    static const std::filesystem::path root = contentCopy().parent_path() / (contentCopy().filename().string() + "-work");
    const std::filesystem::path folder = root / name;
    std::error_code error;
    std::filesystem::remove_all(folder, error);
    std::filesystem::create_directories(folder, error);
    return folder;
}

inline std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void writeFile(const std::filesystem::path& file, const char* data, size_t size) {
    std::ofstream(file, std::ios::binary | std::ios::trunc).write(data, static_cast<std::streamsize>(size));
}
inline void writeFile(const std::filesystem::path& file, const std::string& text) {
    writeFile(file, text.data(), text.size());
}

}  // namespace kiosk::fuzz
