// ESC/POS receipt printers (58 or 80 mm): the slip as raster image commands, written to the
// printer's device file (/dev/usb/lp0, a serial port, …).
#pragma once

#include "kiosk/core/problem.hpp"
#include "kiosk/core/slip.hpp"
#include "kiosk/platform/slip_render.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::platform {

// Why a slip did not come out of the receipt printer; the first value is the device.
enum class ReceiptProblem {
    NotConnected,  // no device file, or nothing behind it
    NoPermission,  // the kiosk's user may not write to it
    Busy,          // another program has it open
    OutOfPaper,    // the driver says so (ENOSPC)
    Fault,         // an I/O error: switched off, out of paper or its cover open
    Stalled,       // it stopped taking bytes for longer than the timeout
    CannotDraw,    // the slip could not be drawn at the printer's width
    Failed,        // any other error (the detail has the system's words)
};
std::string_view problemDomain(ReceiptProblem);
std::string_view problemName(ReceiptProblem code);
std::string_view problemEnglish(ReceiptProblem code);

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

    // Prints the slip. The device is written as it is (no temporary file and rename: it is a
    // printer, not a file to replace).
    core::Result<void> print(const core::Slip& slip) const;

    // Writes prepared bytes (a test pattern, a slip) the same way.
    core::Result<void> write(const std::vector<std::uint8_t>& bytes) const;

private:
    std::filesystem::path m_device;
    int m_widthDots;
    std::chrono::milliseconds m_timeout;
};

}  // namespace kiosk::platform
