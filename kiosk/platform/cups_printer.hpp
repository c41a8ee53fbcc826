// Printing a PDF on an office printer through CUPS (libcups): check the queue, submit the job and
// follow it to its end, with a typed problem the kiosk can put into plain words.
#pragma once

#include "kiosk/core/problem.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::platform {

// Said to the receptionist through the .po files ("printer.<name>"), and shorter to the family
// (app/printing.cpp).
enum class PrintProblem {
    NoPrinter,   // the queue does not exist, or no default queue is set
    Paused,      // the queue is stopped (paused by an administrator, or stopped after an error)
    Rejecting,   // the queue does not accept jobs
    OutOfPaper,  // the printer reports media-empty or media-needed
    Offline,     // the printer reports offline, connecting-to-device or timed-out
    Failed,      // the job was aborted, canceled or stopped by a filter error, or CUPS was unreachable or refused it
    TimedOut,    // the job did not finish in time (it is canceled, so it will not print later)
};

std::string_view problemDomain(PrintProblem);
std::string_view problemName(PrintProblem problem);  // "out-of-paper"
std::string_view problemEnglish(PrintProblem problem);

// A print or a check that went well says so for the log ("queue x, job 3: completed after 1.2 s");
// one that did not is the problem, its detail for the log (queue, job id, CUPS's own words).
using PrintResult = core::Result<std::string>;

// One CUPS queue on the server CUPS chooses (CUPS_SERVER, client.conf, or the local one). Every
// call opens its own connection and libcups keeps its state per thread, so one CupsPrinter may
// be used from any thread; the calls block.
class CupsPrinter {
public:
    // An empty queue means the CUPS default destination.
    explicit CupsPrinter(std::string queue, std::chrono::seconds timeout = std::chrono::seconds(60));

    // Checks the queue, submits the PDF and waits until CUPS reports the job completed, aborted
    // or canceled, or the printer reports a lasting problem, or the timeout passes. A job given
    // up on is canceled, so a slip never comes out of the printer after the family has left. A
    // missing, stopped or rejecting queue gets no job at all.
    PrintResult printPdf(const std::filesystem::path& pdf, const std::string& title);

    // The state of the queue now, without printing.
    PrintResult check();

    // The queue jobs go to: the configured one, or the CUPS default (asked of the server; empty
    // when there is none).
    std::string queueName() const;

private:
    std::string m_queue;
    std::chrono::seconds m_timeout;
};

}  // namespace kiosk::platform
