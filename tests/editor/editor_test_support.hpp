// A copy of the sample content for one editor test, with helpers to read and write its files.
#pragma once

#include "tests/support/temp_folder.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace kiosk::test {

inline std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

struct SampleCopy {
    TempFolder root{"kiosk-editor-test"};
    std::filesystem::path folder = root.path() / "content";
    SampleCopy() { std::filesystem::copy(KIOSK_SAMPLE_CONTENT, folder); }
    std::string read(const std::string& name) const { return readFile(folder / name); }
};

}  // namespace kiosk::test
