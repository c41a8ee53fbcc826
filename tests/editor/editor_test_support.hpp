// A copy of the sample content for one editor test, with helpers to read and write its files.
#pragma once

#include "tests/support/temp_folder.hpp"

#include <sys/mount.h>

#include <catch2/catch.hpp>

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

// A tmpfs of `kilobytes` mounted on a fresh folder (root only), unmounted at the end.
struct TmpfsMount {
    TempFolder mount{"kiosk-editor-tmpfs"};
    explicit TmpfsMount(std::size_t kilobytes) {
        const std::string options = "size=" + std::to_string(kilobytes) + "k";
        REQUIRE(::mount("tmpfs", mount.path().c_str(), "tmpfs", 0, options.c_str()) == 0);
    }
    ~TmpfsMount() { ::umount2(mount.path().c_str(), MNT_DETACH); }
    const std::filesystem::path& path() const { return mount.path(); }
};

}  // namespace kiosk::test
