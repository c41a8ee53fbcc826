// A content picture (a practice's image) as the content check and the kiosk's textures decode it:
// any bytes, named as PNG or as JPEG (the input's first byte chooses), never crash or overrun, and
// a decoded picture always has the pixels its size says, within the bounds.
#include "kiosk/picture/picture.hpp"

#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const char* name = data[0] & 1 ? "images/fuzz.jpg" : "images/fuzz.png";
    auto decoded = kiosk::picture::decodePicture(std::span(data + 1, size - 1), name);
    if (decoded) {
        const auto& p = *decoded;
        if (p.width < 1 || p.height < 1 || p.width > kiosk::picture::kMaxSide || p.height > kiosk::picture::kMaxSide ||
            p.rgba.size() != static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * 4)
            std::abort();
    } else {
        (void)decoded.problem().english();
    }
    return 0;
}
