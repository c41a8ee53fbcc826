// The staff PIN: kept only as a slow Argon2id hash (libsodium) in the configuration file, and
// the PIN pad's lock, kept in the data folder so that a restart does not open it.
#pragma once

#include "kiosk/core/problem.hpp"
#include "kiosk/core/staff_mode.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::app {

// What keeps --set-pin from writing the hash (besides a file that cannot be written: a
// files::FileProblem).
enum class PinProblem {
    ConfigUnreadable,  // the configuration file is there but cannot be read: it is not overwritten
};
std::string_view problemDomain(PinProblem);
std::string_view problemName(PinProblem code);
std::string_view problemEnglish(PinProblem code);

// 4 to 12 digits.
bool validPin(std::string_view pin);
// A PIN anyone would try first: one digit repeated (0000), digits counting up or down (1234,
// 9876, 7890), or two digits taking turns (1212). --set-pin refuses them.
bool trivialPin(std::string_view pin);

// "$argon2id$v=19$m=...": a fresh salt each time; empty when libsodium fails (out of memory).
std::string hashPin(std::string_view pin);
// Whether `pin` matches `hash` (takes as long as hashing: a fraction of a second).
bool verifyPin(const std::string& hash, std::string_view pin);

// The lock as last written to `dataDir`; an open pad when there is no file. A file that cannot be
// read or is damaged locks the pad from `now` (logged): the lock fails closed, never open.
core::PinLock loadPinLock(const std::filesystem::path& dataDir, core::PinLock::Clock::time_point now);
// Writes the lock durably (files::writeFileDurably), readable only by the kiosk's user.
core::Result<void> savePinLock(const std::filesystem::path& dataDir, const core::PinLock& lock);

// The PIN pad's lock as the running kiosk keeps it: counted in memory, and written to the data
// folder so that a restart does not open it. Whatever goes wrong with the file locks the pad
// rather than opening it: a wrong PIN that cannot be written locks at once, and re-reading the
// file (when the pad opens) keeps the stricter of memory and file, so neither a lost write nor
// cancelling the pad resets the count.
class KeptPinLock {
public:
    using Clock = core::PinLock::Clock;

    KeptPinLock(std::filesystem::path dataDir, Clock::time_point now);
    const core::PinLock& lock() const { return m_lock; }
    void reread(Clock::time_point now);
    // A wrong PIN; true when the pad is locked now.
    bool wrong(Clock::time_point now);
    void right();

private:
    bool keep();  // false (logged) when the file could not be written

    std::filesystem::path m_dataDir;
    core::PinLock m_lock;
};

// Sets `staff_pin_hash` in the configuration file `file`, keeping its other lines, comments and
// permissions (creates the file when missing); written durably.
core::Result<void> writePinHash(const std::filesystem::path& file, const std::string& hash);

// `familienkiosk --set-pin`: reads the PIN from standard input (without echo on a terminal, asked
// twice there), hashes it and writes it into `configFile`. Returns the exit code.
int setPinFromStdin(const std::filesystem::path& configFile);

}  // namespace kiosk::app
