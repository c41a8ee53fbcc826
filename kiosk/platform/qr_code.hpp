// QR codes as a plain module matrix (libqrencode), so drawing and printing need no QR library.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::platform {

class QrCode {
public:
    // Error correction M (15 %) at least, as a phone camera at an angle needs it.
    // Nothing for text too long for any QR version.
    static std::optional<QrCode> encode(std::string_view text);

    int size() const { return m_size; }  // modules per side, without the quiet zone
    bool dark(int x, int y) const { return m_modules[static_cast<size_t>(y) * m_size + x] != 0; }

    static constexpr int kQuietZone = 4;  // modules of light border the standard asks for

private:
    QrCode(int size, std::vector<std::uint8_t> modules) : m_size(size), m_modules(std::move(modules)) {}
    int m_size = 0;
    std::vector<std::uint8_t> m_modules;
};

}  // namespace kiosk::platform
