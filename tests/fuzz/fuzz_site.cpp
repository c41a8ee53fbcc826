// The website generator on what an author may type: one YAML file of a small content source replaced
// by the input (its first byte picks which, as in fuzz_content_source), then the whole of `kiosk-pack
// site`: the check, and for content that passes it every page of every language written into a
// folder in /dev/shm (tmpfs: the build's sync costs nothing). Any crash, hang or runaway allocation is
// a defect: text an author typed is escaped into pages, never trusted.
#include "kiosk/site/site.hpp"
#include "tests/fuzz/content_input.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const std::filesystem::path output = [] {
        const std::filesystem::path shm = "/dev/shm";
        const auto base = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
        return base / ("kiosk-fuzz-site-" + std::to_string(::getpid())) / "site";
    }();
    const kiosk::fuzz::ReplacedContentFile replaced(data, size);
    std::vector<kiosk::content::ContentError> errors;
    (void)kiosk::site::buildSite({kiosk::fuzz::contentCopy(), output, KIOSK_FUZZ_ASSETS, "https://fuzz.example/"}, errors);
    return 0;
}
