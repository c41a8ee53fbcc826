// Printing a PDF on an office printer through CUPS (libcups): check the queue, submit the job and
// follow it to its end, with a typed problem the kiosk can put into plain words.
#pragma once

#include "kiosk/core/problem.hpp"
#include "kiosk/platform/print_problem.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace kiosk::platform {

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
