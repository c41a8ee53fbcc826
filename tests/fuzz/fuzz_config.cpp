// The configuration file (/etc/familienkiosk/config.yaml), which an administrator edits by hand:
// read as the kiosk reads it at start, over the defaults.
#include "kiosk/app/config.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto file = kiosk::fuzz::contentCopy() / "config.yaml";
    kiosk::fuzz::writeFile(file, reinterpret_cast<const char*>(data), size);
    (void)kiosk::app::loadConfig(file, kiosk::app::defaultConfig());
    int width = 0, height = 0;
    (void)kiosk::app::parseWindowSize(std::string(reinterpret_cast<const char*>(data), size), width, height);
    return 0;
}
