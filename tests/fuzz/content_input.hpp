// What the content fuzzers share: the input's first byte picks one file of the content source's
// copy (fuzz_support.hpp), the rest of the input stands in for it until the end of the scope. An
// optional file the copy does not have (synonyms, practices, events, working groups) is removed
// again afterwards: left behind empty, it failed the check for every later input (an empty list
// file is refused), so the website, editor and export targets stopped reaching past the check.
#pragma once

#include "kiosk/content/source_loader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace kiosk::fuzz {

// content::sourceFiles(), then optionalSourceFiles(): the order scripts/fuzz's seeds are made in.
inline const std::vector<std::string>& contentFiles() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> files = content::sourceFiles();
        for (const auto& file : content::optionalSourceFiles()) files.push_back(file);
        return files;
    }();
    return all;
}

class ReplacedContentFile {
public:
    // `size` at least 1.
    ReplacedContentFile(const std::uint8_t* data, std::size_t size)
        : m_file(contentCopy() / contentFiles()[data[0] % contentFiles().size()]),
          m_existed(std::filesystem::exists(m_file)),
          m_original(readFile(m_file)) {
        writeFile(m_file, reinterpret_cast<const char*>(data + 1), size - 1);
    }
    ~ReplacedContentFile() {
        if (m_existed) {
            writeFile(m_file, m_original.data(), m_original.size());
        } else {
            std::error_code ignored;
            std::filesystem::remove(m_file, ignored);
        }
    }
    ReplacedContentFile(const ReplacedContentFile&) = delete;
    ReplacedContentFile& operator=(const ReplacedContentFile&) = delete;

private:
    std::filesystem::path m_file;
    bool m_existed;
    std::string m_original;
};

}  // namespace kiosk::fuzz
