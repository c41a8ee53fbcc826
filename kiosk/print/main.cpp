// familienkiosk-print: the kiosk's print helper. The kiosk starts it for each print job, printer
// check and --slip-pdf (kiosk/app/printing.cpp), without arguments, and writes the request to its
// standard input (kiosk/platform/print_request.hpp); it renders the slip (cairo, pango), sends it
// (CUPS, or an ESC/POS device file) and answers with one line on its standard output. So the
// printing libraries live only in this short process, and a crash in them is the kiosk's message,
// not the kiosk's end. It logs nothing of what it printed.
#include "kiosk/files/private_folder.hpp"
#include "kiosk/platform/cups_printer.hpp"
#include "kiosk/platform/escpos.hpp"
#include "kiosk/platform/print_request.hpp"
#include "kiosk/platform/slip_render.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include <unistd.h>

namespace {

using kiosk::platform::PrintAnswer;
using kiosk::platform::PrintProblem;
using kiosk::platform::PrintRequest;

PrintAnswer failed(PrintProblem code, std::string detail) { return PrintAnswer{code, std::move(detail)}; }

PrintAnswer answer(const kiosk::platform::PrintResult& result) {
    if (!result)
        return failed(kiosk::platform::printProblemNamed(result.problem().name()).value_or(PrintProblem::Failed),
                      result.problem().detail());
    return PrintAnswer{std::nullopt, *result};
}

PrintAnswer printOnReceipt(const PrintRequest& request) {
    kiosk::platform::EscPosPrinter printer(request.receiptDevice, request.receiptDots);
    if (auto printed = printer.print(request.slip); !printed)
        return failed(printer.ready() ? PrintProblem::Failed : PrintProblem::NoPrinter, printed.problem().logLine());
    return PrintAnswer{std::nullopt, "receipt printer " + request.receiptDevice};
}

// A PDF in a folder of its own (0700, an unpredictable name; the service's /tmp is private too),
// removed again with the folder; CUPS takes a copy.
PrintAnswer printInOffice(const PrintRequest& request) {
    auto folder = kiosk::files::PrivateFolder::make("familienkiosk-slip");
    if (!folder) return failed(PrintProblem::Failed, "the slip could not be made: " + folder.problem().logLine());
    const auto pdf = folder->path() / "slip.pdf";
    if (auto written = kiosk::platform::renderSlipPdf(request.slip, pdf); !written)
        return failed(PrintProblem::Failed, "the slip could not be made: " + written.problem().logLine());
    kiosk::platform::CupsPrinter printer(request.queue, std::chrono::seconds(request.timeoutSeconds));
    return answer(printer.printPdf(pdf, "Familienkiosk"));
}

PrintAnswer run(const PrintRequest& request) {
    switch (request.job) {
    case PrintRequest::Job::Check:
        return answer(kiosk::platform::CupsPrinter(request.queue, std::chrono::seconds(request.timeoutSeconds)).check());
    case PrintRequest::Job::Pdf:
        if (auto written = kiosk::platform::renderSlipPdf(request.slip, request.pdfFile); !written)
            return failed(PrintProblem::Failed, written.problem().logLine());
        return PrintAnswer{std::nullopt, "wrote " + request.pdfFile};
    case PrintRequest::Job::Print: break;
    }
    return request.printer == PrintRequest::Printer::Receipt ? printOnReceipt(request) : printInOffice(request);
}

// Standard input up to its end, or nothing when it is longer than a request may be.
std::optional<std::string> readRequest() {
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) return bytes;
        bytes.append(buffer, static_cast<size_t>(n));
        if (bytes.size() > kiosk::platform::kMaxPrintRequest) return std::nullopt;
    }
}

}  // namespace

int main(int argc, char**) {
    if (argc > 1 || ::isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "familienkiosk-print is the kiosk's print helper: familienkiosk starts it for each slip "
                             "(familienkiosk --print, --print-test, --slip-pdf print from the command line)\n");
        return 2;
    }
    const auto bytes = readRequest();
    auto request = bytes ? kiosk::platform::decodePrintRequest(*bytes)
                         : kiosk::core::Result<PrintRequest>(kiosk::core::Problem(
                               kiosk::platform::PrintRequestProblem::Malformed, {"too long or unreadable"}));
    if (!request) {
        std::fprintf(stderr, "familienkiosk-print: %s\n", request.problem().logLine().c_str());
        const std::string line = kiosk::platform::encodePrintAnswer(failed(PrintProblem::Failed, request.problem().english()));
        (void)!::write(STDOUT_FILENO, line.data(), line.size());
        return 2;
    }
    const PrintAnswer outcome = run(*request);
    const std::string line = kiosk::platform::encodePrintAnswer(outcome);
    if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 3;
    return outcome.problem ? 1 : 0;
}
