// Argon2id through libsodium's crypto_pwhash_str, a lock file written durably, and --set-pin.
#include "kiosk/app/staff_pin.hpp"

#include "kiosk/files/durable_file.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

namespace kiosk::app {

std::string_view problemDomain(PinProblem) { return "staff_pin"; }
std::string_view problemName(PinProblem code) {
    switch (code) {
    case PinProblem::ConfigUnreadable: return "config_unreadable";
    }
    return "config_unreadable";
}
std::string_view problemEnglish(PinProblem code) {
    switch (code) {
    case PinProblem::ConfigUnreadable: return "The configuration file {} cannot be read.";
    }
    return "The configuration file {} cannot be read.";
}

namespace {

// libsodium's "interactive" level: 64 MiB and two passes, about a tenth of a second here; the
// lock after five wrong PINs does the rest against guessing on the pad.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::filesystem::path lockFile(const std::filesystem::path& dataDir) { return dataDir / "staff-pin.lock"; }

// One line from standard input, without echo when it is a terminal.
bool readSecretLine(const char* prompt, std::string& line) {
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", prompt);
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return got;
}

}  // namespace

bool validPin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > core::StaffMode::kMaxDigits) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string hashPin(std::string_view pin) {
    if (!sodiumReady()) return {};
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, pin.data(), pin.size(), kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return hash;
}

bool verifyPin(const std::string& hash, std::string_view pin) {
    if (!sodiumReady() || hash.rfind("$argon2id$", 0) != 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

core::PinLock loadPinLock(const std::filesystem::path& dataDir) {
    std::ifstream in(lockFile(dataDir));
    if (!in) return {};
    std::string line;
    std::getline(in, line);
    if (auto lock = core::PinLock::fromText(line)) return *lock;
    spdlog::error("staff: {} is damaged ('{}'); the PIN pad starts unlocked", lockFile(dataDir).string(), line);
    return {};
}

core::Result<void> savePinLock(const std::filesystem::path& dataDir, const core::PinLock& lock) {
    std::error_code ignored;
    std::filesystem::create_directories(dataDir, ignored);
    return files::writeFileDurably(lockFile(dataDir), lock.toText(), 0600);
}

core::Result<void> writePinHash(const std::filesystem::path& file, const std::string& hash) {
    std::vector<std::string> lines;
    mode_t mode = 0640;
    if (std::ifstream in(file); in) {
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        struct stat info {};
        if (::stat(file.c_str(), &info) == 0) mode = info.st_mode & 07777;
    } else if (std::filesystem::exists(file)) {
        return core::Problem(PinProblem::ConfigUnreadable, {file.string()});
    }
    const std::string setting = "staff_pin_hash: \"" + hash + "\"";
    bool replaced = false;
    for (auto& line : lines) {
        if (line.rfind("staff_pin_hash:", 0) != 0) continue;
        if (!replaced) line = setting;
        else line = "# " + line;  // a second one would be read last and win
        replaced = true;
    }
    if (!replaced) lines.push_back(setting);
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    if (!file.parent_path().empty()) {
        std::error_code made;
        std::filesystem::create_directories(file.parent_path(), made);
    }
    return files::writeFileDurably(file, text, mode);
}

int setPinFromStdin(const std::filesystem::path& configFile) {
    std::string pin, again;
    if (!readSecretLine("New staff PIN (4 to 12 digits): ", pin)) {
        std::fprintf(stderr, "--set-pin: no PIN on standard input\n");
        return 2;
    }
    if (!validPin(pin)) {
        sodium_memzero(pin.data(), pin.size());
        std::fprintf(stderr, "--set-pin: the PIN must be 4 to 12 digits (0-9); nothing was changed\n");
        return 2;
    }
    if (::isatty(STDIN_FILENO)) {
        readSecretLine("The same PIN again: ", again);
        const bool same = again == pin;
        sodium_memzero(again.data(), again.size());
        if (!same) {
            sodium_memzero(pin.data(), pin.size());
            std::fprintf(stderr, "--set-pin: the two PINs differ; nothing was changed\n");
            return 2;
        }
    }
    const std::string hash = hashPin(pin);
    sodium_memzero(pin.data(), pin.size());
    if (hash.empty()) {
        std::fprintf(stderr, "--set-pin: hashing the PIN failed (out of memory?); nothing was changed\n");
        return 1;
    }
    if (auto written = writePinHash(configFile, hash); !written) {
        std::fprintf(stderr, "--set-pin: %s Nothing was changed.\n", written.problem().english().c_str());
        spdlog::error("--set-pin: {}", written.problem().logLine());
        return 1;
    }
    std::printf("The staff PIN is set (as an Argon2id hash in %s). Restart the kiosk to use it.\n",
                configFile.c_str());
    return 0;
}

}  // namespace kiosk::app
