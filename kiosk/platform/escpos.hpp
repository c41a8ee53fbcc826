// ESC/POS receipt printers (58 or 80 mm): the slip as raster image commands, written to the
// printer's device file (/dev/usb/lp0, a serial port, …).
#pragma once

#include "kiosk/core/slip.hpp"
#include "kiosk/platform/slip_render.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::platform {

// ESC @ (reset), the image as GS v 0 raster bands, a few lines of feed, GS V 1 (partial cut).
std::vector<std::uint8_t> escposRaster(const Raster& raster);

class EscPosPrinter {
public:
    // `widthDots`: kReceiptDots58mm (fits either paper) or kReceiptDots80mm. `timeout`: how long a
    // printer may refuse more bytes (out of paper, cover open) before print() gives up.
    explicit EscPosPrinter(std::filesystem::path device, int widthDots = kReceiptDots58mm,
                           std::chrono::milliseconds timeout = std::chrono::seconds(20));

    const std::filesystem::path& device() const { return m_device; }

    // Whether the device file exists and this user may write to it.
    bool ready() const;

    // Prints the slip and returns an error in plain words for the receptionist, empty on success.
    std::string print(const core::Slip& slip) const;

    // Writes prepared bytes (a test pattern, a slip) the same way.
    std::string write(const std::vector<std::uint8_t>& bytes) const;

private:
    std::filesystem::path m_device;
    int m_widthDots;
    std::chrono::milliseconds m_timeout;
};

}  // namespace kiosk::platform
