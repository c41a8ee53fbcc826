#include "kiosk/platform/print_problem.hpp"

namespace kiosk::platform {

std::string_view problemDomain(PrintProblem) { return "printer"; }

std::string_view problemName(PrintProblem problem) {
    switch (problem) {
    case PrintProblem::NoPrinter: return "no-printer";
    case PrintProblem::Paused: return "paused";
    case PrintProblem::Rejecting: return "rejecting";
    case PrintProblem::OutOfPaper: return "out-of-paper";
    case PrintProblem::Offline: return "offline";
    case PrintProblem::Failed: return "failed";
    case PrintProblem::TimedOut: return "timed-out";
    }
    return "failed";
}

std::string_view problemEnglish(PrintProblem problem) {
    switch (problem) {
    case PrintProblem::NoPrinter: return "The printer queue does not exist.";
    case PrintProblem::Paused: return "The printer queue is paused.";
    case PrintProblem::Rejecting: return "The printer queue does not accept jobs.";
    case PrintProblem::OutOfPaper: return "The printer is out of paper.";
    case PrintProblem::Offline: return "The printer is off or not connected.";
    case PrintProblem::Failed: return "Printing failed.";
    case PrintProblem::TimedOut: return "The slip was not printed in time.";
    }
    return "Printing failed.";
}

std::optional<PrintProblem> printProblemNamed(std::string_view name) {
    for (const auto code : {PrintProblem::NoPrinter, PrintProblem::Paused, PrintProblem::Rejecting,
                            PrintProblem::OutOfPaper, PrintProblem::Offline, PrintProblem::Failed,
                            PrintProblem::TimedOut})
        if (problemName(code) == name) return code;
    return std::nullopt;
}

}  // namespace kiosk::platform
