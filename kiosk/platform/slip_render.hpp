// Draws the referral slip with cairo and pango (so every script, Arabic included, is shaped): as a
// PDF for office printers and as a 1-bit raster for receipt printers.
#pragma once

#include "kiosk/core/problem.hpp"
#include "kiosk/core/slip.hpp"
#include "kiosk/platform/print_request.hpp"  // kReceiptDots58mm, kReceiptDots80mm

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::platform {

// A black-and-white image as receipt printers take it: 1 bit per dot, 1 = black, each row
// (width + 7) / 8 bytes, the leftmost dot in the most significant bit.
struct Raster {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bits;

    int bytesPerRow() const { return (width + 7) / 8; }
    bool black(int x, int y) const {
        return (bits[static_cast<size_t>(y) * bytesPerRow() + x / 8] >> (7 - x % 8)) & 1;
    }
};

enum class SlipProblem {
    CannotWrite,  // the PDF could not be written (values: the file; detail: cairo's words)
};
std::string_view problemDomain(SlipProblem);
std::string_view problemName(SlipProblem);
std::string_view problemEnglish(SlipProblem);

// Writes the slip as an A4 PDF (more pages when the entries need them).
core::Result<void> renderSlipPdf(const core::Slip& slip, const std::filesystem::path& file);

// The slip as one long column `widthDots` wide (kReceiptDots58mm or kReceiptDots80mm) at 203 dpi,
// its QR codes at a whole number of dots per module. Nothing when the width is too small for text
// (under 200 dots) or cairo cannot draw.
std::optional<Raster> renderSlipRaster(const core::Slip& slip, int widthDots);

}  // namespace kiosk::platform
