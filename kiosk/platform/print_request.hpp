// What the kiosk asks of its print helper (familienkiosk-print, kiosk/print) and what the helper
// answers: the slip and the printer in a small, bounded text format on the helper's standard input,
// one line back on its standard output. The kiosk itself then needs none of the printing
// libraries (libcups, cairo, pango, glib, gnutls): they are loaded only while a slip is printed,
// in a process of their own, so a crash in a printer driver does not take the kiosk down.
//
// The request: the line "familienkiosk-print 1", then fields, each "<key> <length>\n" and exactly
// <length> bytes of UTF-8 and "\n", then "end 0\n\n". An "entry" field (empty) starts the next
// offer; title, summary, … belong to the last one. Anything else is refused: an unknown or
// repeated key, a field over kMaxPrintField bytes, more than kMaxPrintEntries offers, a request
// over kMaxPrintRequest bytes, invalid UTF-8 or control characters (line breaks are allowed).
#pragma once

#include "kiosk/core/problem.hpp"
#include "kiosk/core/slip.hpp"
#include "kiosk/platform/print_problem.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::platform {

// Receipt printers print 8 dots per millimetre (203 dpi).
constexpr int kReceiptDots58mm = 384;
constexpr int kReceiptDots80mm = 576;

constexpr std::size_t kMaxPrintField = 64 * 1024;
constexpr std::size_t kMaxPrintEntries = 200;
constexpr std::size_t kMaxPrintRequest = 4 * 1024 * 1024;
constexpr std::size_t kMaxPrintAnswer = 16 * 1024;

struct PrintRequest {
    enum class Job { Print, Pdf, Check };  // print the slip, write it as a PDF file, check the printer
    enum class Printer { Office, Receipt };
    Job job = Job::Print;
    Printer printer = Printer::Office;
    std::string queue;          // office: the CUPS queue (empty: CUPS's default destination)
    std::string receiptDevice;  // receipt: the device file
    int receiptDots = 384;      // receipt: 384 (58 mm) or 576 (80 mm)
    std::string pdfFile;        // Job::Pdf: the file to write
    int timeoutSeconds = 60;    // how long CUPS may take with the job (or the check), 1 to 600
    core::Slip slip;            // Print and Pdf
};

enum class PrintRequestProblem {
    Malformed,  // values: what was wrong ("unknown key 'x'")
};
std::string_view problemDomain(PrintRequestProblem);
std::string_view problemName(PrintRequestProblem);
std::string_view problemEnglish(PrintRequestProblem);

std::string encodePrintRequest(const PrintRequest& request);
core::Result<PrintRequest> decodePrintRequest(std::string_view bytes);

// The helper's answer: done (the detail says where, for the log) or why not.
struct PrintAnswer {
    std::optional<PrintProblem> problem;
    std::string detail;
};
// "ok <detail>\n" or "problem <name> <detail>\n", the detail on one line.
std::string encodePrintAnswer(const PrintAnswer& answer);
std::optional<PrintAnswer> decodePrintAnswer(std::string_view line);

}  // namespace kiosk::platform
