// Unit tests for ESC/POS receipt printing: the bytes parse back into exactly the slip's raster,
// whose QR code still decodes; the printer's device file gets exactly those bytes, and a missing
// printer is reported in plain words.
#include "kiosk/platform/escpos.hpp"

#include "tests/platform/sample_slip.hpp"
#include "tests/support/external_tool.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <stb_image_write.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using kiosk::platform::EscPosPrinter;
using kiosk::platform::ReceiptProblem;
using kiosk::platform::escposRaster;
using kiosk::platform::Raster;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

// What a printer does with the bytes, for the commands the kiosk sends: a reset, raster images
// (GS v 0 m xL xH yL yH data) stacked downwards, a feed (ESC d n) and a cut (GS V m).
struct Printout {
    bool resetFirst = false;
    Raster image;
    int bands = 0;
    int largestBand = 0;
    int fedLines = 0;
    bool cut = false;
    bool cutLast = false;
};

Printout parse(const std::vector<std::uint8_t>& bytes) {
    Printout out;
    size_t at = 0;
    auto need = [&](size_t count) {
        INFO("command at byte " << at << " needs " << count << " bytes, " << bytes.size() - at << " left");
        REQUIRE(at + count <= bytes.size());
    };
    while (at < bytes.size()) {
        const bool last = out.cut;
        CHECK_FALSE(last);  // nothing after the cut
        if (bytes[at] == 0x1b && at + 1 < bytes.size() && bytes[at + 1] == '@') {
            out.resetFirst = at == 0;
            at += 2;
        } else if (bytes[at] == 0x1d && at + 1 < bytes.size() && bytes[at + 1] == 'v') {
            need(8);
            REQUIRE(bytes[at + 2] == '0');
            CHECK(bytes[at + 3] == 0);  // normal size, no doubling
            const int bytesPerRow = bytes[at + 4] | bytes[at + 5] << 8;
            const int rows = bytes[at + 6] | bytes[at + 7] << 8;
            at += 8;
            need(static_cast<size_t>(bytesPerRow) * rows);
            if (out.bands == 0) out.image.width = bytesPerRow * 8;
            REQUIRE(bytesPerRow * 8 == out.image.width);
            out.image.bits.insert(out.image.bits.end(), bytes.begin() + static_cast<std::ptrdiff_t>(at),
                                  bytes.begin() + static_cast<std::ptrdiff_t>(at + static_cast<size_t>(bytesPerRow) * rows));
            out.image.height += rows;
            at += static_cast<size_t>(bytesPerRow) * rows;
            ++out.bands;
            out.largestBand = std::max(out.largestBand, rows);
        } else if (bytes[at] == 0x1b && at + 1 < bytes.size() && bytes[at + 1] == 'd') {
            need(3);
            out.fedLines += bytes[at + 2];
            at += 3;
        } else if (bytes[at] == 0x1d && at + 1 < bytes.size() && bytes[at + 1] == 'V') {
            need(3);
            CHECK((bytes[at + 2] == 1 || bytes[at + 2] == 49));  // partial cut
            out.cut = true;
            at += 3;
            out.cutLast = at == bytes.size();
        } else {
            FAIL("unexpected byte " << int(bytes[at]) << " at " << at);
        }
    }
    return out;
}

Raster rendered(const kiosk::core::Slip& slip, int width) {
    auto raster = kiosk::platform::renderSlipRaster(slip, width);
    REQUIRE(raster.has_value());
    return std::move(*raster);
}

std::string decodedQr(const Raster& raster, const fs::path& png) {
    requireTool("zbarimg", "zbar-tools");
    std::vector<unsigned char> pixels(static_cast<size_t>(raster.width) * raster.height, 255);
    for (int y = 0; y < raster.height; ++y)
        for (int x = 0; x < raster.width; ++x)
            if (raster.black(x, y)) pixels[static_cast<size_t>(y) * raster.width + x] = 0;
    REQUIRE(stbi_write_png(png.c_str(), raster.width, raster.height, 1, pixels.data(), raster.width) != 0);
    const CommandResult result = runCommand("zbarimg --quiet --raw -Sbinary " + quoted(png));
    INFO("zbarimg exit status " << result.status << ", said: " << result.errors);
    REQUIRE(result.status == 0);
    return result.output;  // exactly the code's bytes
}

std::vector<std::uint8_t> contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("ESC/POS bytes parse back into exactly the slip's raster, whose QR code decodes", "[escpos]") {
    const int width = GENERATE(kiosk::platform::kReceiptDots58mm, kiosk::platform::kReceiptDots80mm);
    TempFolder folder;
    const auto slip = germanSlip(1);
    const Raster raster = rendered(slip, width);
    const Printout printout = parse(escposRaster(raster));

    CHECK(printout.resetFirst);
    CHECK(printout.image.width == raster.width);
    CHECK(printout.image.height == raster.height);
    CHECK(printout.image.bits == raster.bits);
    CHECK(printout.bands == (raster.height + 254) / 255);
    CHECK(printout.largestBand <= 255);
    CHECK(printout.fedLines >= 3);
    CHECK(printout.cutLast);
    CHECK(decodedQr(printout.image, folder.path() / "printout.png") == slip.entries[0].url);
}

TEST_CASE("the receipt printer's device gets exactly the slip's bytes", "[escpos]") {
    TempFolder folder;
    const fs::path device = folder.path() / "lp0";
    std::ofstream(device).close();  // a device file exists before anything prints to it
    const EscPosPrinter printer(device, kiosk::platform::kReceiptDots80mm);
    CHECK(printer.ready());
    const auto slip = germanSlip(2);
    REQUIRE(printer.print(slip).ok());
    CHECK(contents(device) == escposRaster(rendered(slip, kiosk::platform::kReceiptDots80mm)));
}

TEST_CASE("a receipt printer that is not plugged in is reported as not connected", "[escpos]") {
    TempFolder folder;
    const fs::path device = folder.path() / "usb" / "lp0";
    const EscPosPrinter printer(device);
    CHECK_FALSE(printer.ready());
    const auto printed = printer.print(germanSlip(1));
    REQUIRE_FALSE(printed);
    CHECK(printed.problem().is(ReceiptProblem::NotConnected));
    CHECK_THAT(printed.problem().english(), Catch::Contains("not connected") && Catch::Contains(device.string()));
    CHECK_FALSE(fs::exists(device));
}

TEST_CASE("a receipt printer device without a reader is reported as not connected", "[escpos]") {
    // A FIFO nobody reads: opening it for writing without blocking fails with ENXIO, as a
    // printer's device node does when the printer behind it is gone.
    TempFolder folder;
    const fs::path device = folder.path() / "lp0";
    REQUIRE(::mkfifo(device.c_str(), 0600) == 0);
    const auto printed = EscPosPrinter(device).print(germanSlip(1));
    REQUIRE_FALSE(printed);
    CHECK(printed.problem().is(ReceiptProblem::NotConnected));
}

TEST_CASE("a receipt printer that stops taking bytes gives up after the timeout", "[escpos]") {
    // A FIFO whose reader never reads: after the pipe's buffer fills, the printer "hangs".
    TempFolder folder;
    const fs::path device = folder.path() / "lp0";
    REQUIRE(::mkfifo(device.c_str(), 0600) == 0);
    const int reader = ::open(device.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    REQUIRE(reader >= 0);
    const EscPosPrinter printer(device, kiosk::platform::kReceiptDots80mm, std::chrono::milliseconds(200));
    const auto printed = printer.print(germanSlip(3));
    ::close(reader);
    REQUIRE_FALSE(printed);
    CHECK(printed.problem().is(ReceiptProblem::Stalled));
    CHECK_THAT(printed.problem().english(), Catch::Contains("does not take the slip"));
}
