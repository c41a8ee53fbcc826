// Argon2id through libsodium's crypto_pwhash_str, a lock file written durably, and --set-pin.
#include "kiosk/app/staff_pin.hpp"

#include "kiosk/files/durable_file.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
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

bool trivialPin(std::string_view pin) {
    if (pin.size() < 2) return true;
    const auto step = [&](size_t i) { return (pin[i] - pin[i - 1] + 10) % 10; };
    bool counting = step(1) == 1 || step(1) == 9, alternating = true;
    for (size_t i = 1; i < pin.size(); ++i) {
        if (step(i) != step(1)) counting = false;
        if (i >= 2 && pin[i] != pin[i - 2]) alternating = false;
    }
    // Alternating covers one digit repeated (0000) too.
    return counting || alternating;
}

namespace {
// The lock file's lock: open when there is none, nothing when it cannot be read or is damaged.
std::optional<core::PinLock> readLockFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec) && !ec) return core::PinLock{};
    std::ifstream in(file);
    std::string line;
    if (in && std::getline(in, line) && line.size() < 100) return core::PinLock::fromText(line);
    return std::nullopt;
}
}  // namespace

core::PinLock loadPinLock(const std::filesystem::path& dataDir, core::PinLock::Clock::time_point now) {
    if (auto lock = readLockFile(lockFile(dataDir))) return *lock;
    spdlog::error("staff: {} cannot be read or is damaged; the PIN pad is locked", lockFile(dataDir).string());
    core::PinLock locked;
    locked.lockNow(now);
    return locked;
}

KeptPinLock::KeptPinLock(std::filesystem::path dataDir, Clock::time_point now)
    : m_dataDir(std::move(dataDir)), m_lock(loadPinLock(m_dataDir, now)) {
    if (!readLockFile(lockFile(m_dataDir))) keep();  // the damaged file replaced by the lock in force
}

void KeptPinLock::reread(Clock::time_point now) {
    const auto fromFile = readLockFile(lockFile(m_dataDir));
    const core::PinLock merged = core::PinLock::stricter(m_lock, fromFile ? *fromFile : loadPinLock(m_dataDir, now));
    m_lock = merged;
    if (!fromFile || *fromFile != merged) keep();  // the file says less than memory: written again
}

bool KeptPinLock::wrong(Clock::time_point now) {
    if (m_lock.wrong(now)) {
        keep();
        return true;
    }
    if (m_lock.locked(now) || keep()) return m_lock.locked(now);
    // A count that cannot be kept would start again after a restart: locked instead.
    m_lock.lockNow(now);
    spdlog::error("staff: the PIN pad is locked because the count of wrong PINs cannot be kept");
    return true;
}

void KeptPinLock::right() {
    if (m_lock == core::PinLock{}) return;
    m_lock.right();
    keep();
}

bool KeptPinLock::keep() {
    auto saved = savePinLock(m_dataDir, m_lock);
    if (!saved) spdlog::error("staff: the PIN pad's lock: {}", saved.problem().logLine());
    return saved.ok();
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
    if (trivialPin(pin)) {
        sodium_memzero(pin.data(), pin.size());
        std::fprintf(stderr, "--set-pin: this PIN is among the first anyone would try (one digit repeated, digits "
                             "counting up or down, two digits taking turns); choose another; nothing was changed\n");
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
