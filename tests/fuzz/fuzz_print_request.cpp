// The print helper's standard input (familienkiosk-print, kiosk/print/main.cpp), which crosses a
// process boundary: read as the helper reads it, and a request it accepts drawn as the helper
// draws it (the receipt raster, or the PDF, written to /dev/shm whatever file the request names).
// Whatever it accepts, the kiosk's encoder writes again so that it reads back the same (the two
// sides agree), and the helper's answer line (read by the kiosk) never crashes either.
#include "kiosk/platform/print_request.hpp"
#include "kiosk/platform/slip_render.hpp"
#include "tests/platform/sample_slip.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <unistd.h>

namespace {

using kiosk::platform::PrintRequest;

const std::filesystem::path& pdfFile() {
    static const std::filesystem::path file = "/dev/shm/kiosk-fuzz-slip-" + std::to_string(::getpid()) + ".pdf";
    return file;
}

// As familienkiosk-print's run(): the slip drawn for the printer the request names.
void draw(const PrintRequest& request) {
    if (request.job == PrintRequest::Job::Check) return;
    if (request.job == PrintRequest::Job::Print && request.printer == PrintRequest::Printer::Receipt) {
        if (const auto raster = kiosk::platform::renderSlipRaster(request.slip, request.receiptDots))
            if (raster->bits.size() != static_cast<std::size_t>(raster->bytesPerRow()) * static_cast<std::size_t>(raster->height))
                std::abort();
        return;
    }
    (void)kiosk::platform::renderSlipPdf(request.slip, pdfFile());
}

}  // namespace

// Fontconfig and pango read their configuration on first use (seconds on a loaded machine): done
// once here, so that it does not count as the first input's time.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    PrintRequest request;
    request.slip = kiosk::test::germanSlip(1);
    draw(request);
    request.printer = PrintRequest::Printer::Receipt;
    request.receiptDevice = "/dev/null";
    draw(request);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto request = kiosk::platform::decodePrintRequest(bytes)) {
        const std::string again = kiosk::platform::encodePrintRequest(*request);
        const auto decoded = kiosk::platform::decodePrintRequest(again);
        if (!decoded || kiosk::platform::encodePrintRequest(*decoded) != again) std::abort();
        draw(*request);
    } else {
        (void)request.problem().english();
    }
    if (const auto answer = kiosk::platform::decodePrintAnswer(bytes)) {
        // What the helper writes, the kiosk reads: an answer always comes through.
        if (!kiosk::platform::decodePrintAnswer(kiosk::platform::encodePrintAnswer(*answer))) std::abort();
    }
    return 0;
}
