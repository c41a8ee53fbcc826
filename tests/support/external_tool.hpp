// Runs the programs tests check output with (pdftotext, pdftoppm, zbarimg): a missing one fails
// the test with the Debian package to install, never skips it.
#pragma once

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace kiosk::test {

// Whether `program` is an executable in one of the folders of PATH.
inline bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    const std::string folders = path ? path : "";
    size_t start = 0;
    while (start <= folders.size()) {
        size_t end = folders.find(':', start);
        if (end == std::string::npos) end = folders.size();
        const std::filesystem::path candidate = std::filesystem::path(folders.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

inline void requireTool(const std::string& program, const std::string& debianPackage) {
    if (!onPath(program))
        FAIL(program << " is not installed, so this output cannot be checked; install " << debianPackage
                     << " (scripts/install-deps test)");
}

// A path in single quotes for the shell.
inline std::string quoted(const std::filesystem::path& path) {
    std::string out = "'";
    for (char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct CommandResult {
    int status = -1;     // the exit code, -1 when it did not exit normally
    std::string output;  // standard output
    std::string errors;  // standard error, kept apart (zbarimg talks about D-Bus there)
};

inline CommandResult runCommand(const std::string& command) {
    TempFolder folder("kiosk-command");
    const std::filesystem::path errors = folder.path() / "stderr";
    CommandResult result;
    FILE* pipe = ::popen((command + " 2>" + quoted(errors)).c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream log(errors);
    result.errors.assign(std::istreambuf_iterator<char>(log), std::istreambuf_iterator<char>());
    return result;
}

}  // namespace kiosk::test
