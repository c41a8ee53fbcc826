#include "kiosk/platform/helper_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kiosk::platform {
namespace {

using Clock = std::chrono::steady_clock;

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

core::Problem problem(HelperProblem code, const std::filesystem::path& program, std::string detail = {}) {
    return core::Problem(code, {program.filename().string()}, std::move(detail));
}

// Starts the program with one end of a socket pair as its standard input and output (a socket, so
// that writing to a helper that has died is an error, not a SIGPIPE to the kiosk).
core::Result<pid_t> spawn(const std::filesystem::path& program, int childEnd) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, childEnd, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, childEnd, STDOUT_FILENO);
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;  // signals the kiosk ignores or blocks are the helper's to have
    sigfillset(&defaults);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    const std::string path = program.string();
    char* argv[] = {const_cast<char*>(path.c_str()), nullptr};
    pid_t pid = 0;
    const int error = posix_spawn(&pid, path.c_str(), &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (error != 0) return problem(HelperProblem::CannotStart, program, std::strerror(error));
    return pid;
}

// Sends the input and reads the output until the helper closes its end or the deadline passes.
// Nothing: the deadline passed.
std::optional<core::Result<std::string>> talk(int fd, std::string_view input, Clock::time_point deadline,
                                             std::size_t maxOutput, const std::filesystem::path& program) {
    std::string output;
    size_t sent = 0;
    if (input.empty()) ::shutdown(fd, SHUT_WR);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return std::nullopt;
        pollfd p{fd, static_cast<short>(POLLIN | (sent < input.size() ? POLLOUT : 0)), 0};
        if (::poll(&p, 1, static_cast<int>(left)) < 0) {
            if (errno == EINTR) continue;
            return problem(HelperProblem::Failed, program, std::strerror(errno));
        }
        if ((p.revents & POLLOUT) && sent < input.size()) {
            const ssize_t n = ::send(fd, input.data() + sent, input.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0 && errno != EAGAIN && errno != EINTR) sent = input.size();  // it stopped reading: hear why
            if (n > 0) sent += static_cast<size_t>(n);
            if (sent == input.size()) ::shutdown(fd, SHUT_WR);
        }
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[4096];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return core::Result<std::string>(output);
            if (n > 0) output.append(buffer, static_cast<size_t>(n));
            if (output.size() > maxOutput) return problem(HelperProblem::Failed, program, "its answer is too long");
        }
    }
}

// Waits for the helper to exit, until the deadline; kills it then.
std::optional<int> reap(pid_t pid, Clock::time_point deadline) {
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) return status;
        if (done < 0 && errno != EINTR) return std::nullopt;
        if (Clock::now() >= deadline) break;
        ::usleep(10'000);
    }
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return std::nullopt;
}

}  // namespace

std::string_view problemDomain(HelperProblem) { return "helper"; }

std::string_view problemName(HelperProblem code) {
    switch (code) {
    case HelperProblem::CannotStart: return "cannot-start";
    case HelperProblem::Crashed: return "crashed";
    case HelperProblem::TimedOut: return "timed-out";
    case HelperProblem::Failed: return "failed";
    }
    return "failed";
}

std::string_view problemEnglish(HelperProblem code) {
    switch (code) {
    case HelperProblem::CannotStart: return "The helper program {} could not be started.";
    case HelperProblem::Crashed: return "The helper program {} crashed (signal {}).";
    case HelperProblem::TimedOut: return "The helper program {} did not finish in {} s and was stopped.";
    case HelperProblem::Failed: return "The helper program {} could not be talked to.";
    }
    return "The helper program {} could not be talked to.";
}

core::Result<HelperOutput> runHelper(const std::filesystem::path& program, std::string_view input,
                                     std::chrono::milliseconds timeout, std::size_t maxOutput) {
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        return problem(HelperProblem::CannotStart, program, std::strerror(errno));
    Fd ours{ends[0]};
    Fd theirs{ends[1]};
    auto pid = spawn(program, theirs.fd);
    if (!pid) return std::move(pid).takeProblem();
    ::close(theirs.fd);
    theirs.fd = -1;
    const auto deadline = Clock::now() + timeout;
    const auto talked = talk(ours.fd, input, deadline, maxOutput, program);
    const auto status = reap(*pid, talked && *talked ? deadline : Clock::now());
    const auto seconds = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
    if (!talked || !status)
        return core::Problem(HelperProblem::TimedOut, {program.filename().string(), seconds});
    if (WIFSIGNALED(*status))
        return core::Problem(HelperProblem::Crashed, {program.filename().string(), std::to_string(WTERMSIG(*status))},
                             strsignal(WTERMSIG(*status)));
    if (!*talked) return talked->problem();
    return HelperOutput{**talked, WEXITSTATUS(*status)};
}

std::filesystem::path besideThisProgram(std::string_view name) {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return (error ? std::filesystem::path(".") : self.parent_path()) / name;
}

}  // namespace kiosk::platform
