// A replay script (--replay FILE): parsed line by line as the kiosk parses it before running it.
#include "kiosk/app/replay.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)kiosk::app::parseReplay(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
