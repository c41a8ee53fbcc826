// What can keep a slip from coming out of a printer, without the printing libraries: the kiosk
// hears it from its print helper (familienkiosk-print, kiosk/print) by name and says it in words.
#pragma once

#include "kiosk/core/problem.hpp"

#include <optional>
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
// The code of a name problemName gives ("out-of-paper"); nothing for any other text.
std::optional<PrintProblem> printProblemNamed(std::string_view name);

// A print or a check that went well says so for the log ("queue x, job 3: completed after 1.2 s");
// one that did not is the problem, its detail for the log (queue, job id, CUPS's own words).
using PrintResult = core::Result<std::string>;

}  // namespace kiosk::platform
