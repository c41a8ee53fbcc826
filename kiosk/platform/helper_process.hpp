// Runs a helper program of the kiosk (the print helper) as a process of its own: a fixed argv, the
// request on its standard input, its answer from its standard output, its standard error into the
// kiosk's log. A helper that hangs is killed after a bound; one that crashes is only a problem.
#pragma once

#include "kiosk/core/problem.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::platform {

enum class HelperProblem {
    CannotStart,  // values: the program (detail: the system's words)
    Crashed,      // values: the program, the signal
    TimedOut,     // values: the program, the seconds it was given; it was killed
    Failed,       // values: the program (detail: the system's words about the pipe, or too long an answer)
};
std::string_view problemDomain(HelperProblem);
std::string_view problemName(HelperProblem code);
std::string_view problemEnglish(HelperProblem code);

struct HelperOutput {
    std::string output;  // its standard output, at most maxOutput bytes
    int exitCode = 0;
};

// Starts `program` (no arguments), writes `input` to it and reads its output until it exits. The
// environment is the kiosk's; open files other than standard error are not passed on. Blocks for
// at most `timeout`, then kills it (SIGKILL) and waits for it.
core::Result<HelperOutput> runHelper(const std::filesystem::path& program, std::string_view input,
                                     std::chrono::milliseconds timeout, std::size_t maxOutput = 64 * 1024);

// The helper `name` in the folder of the running program (/proc/self/exe): where the package
// installs them, and where the build puts them.
std::filesystem::path besideThisProgram(std::string_view name);

}  // namespace kiosk::platform
