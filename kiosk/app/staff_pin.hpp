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

// "$argon2id$v=19$m=...": a fresh salt each time; empty when libsodium fails (out of memory).
std::string hashPin(std::string_view pin);
// Whether `pin` matches `hash` (takes as long as hashing: a fraction of a second).
bool verifyPin(const std::string& hash, std::string_view pin);

// The lock as last written to `dataDir`; an open pad when there is no file, and also (logged)
// when it cannot be read.
core::PinLock loadPinLock(const std::filesystem::path& dataDir);
// Writes the lock durably (files::writeFileDurably), readable only by the kiosk's user.
core::Result<void> savePinLock(const std::filesystem::path& dataDir, const core::PinLock& lock);

// Sets `staff_pin_hash` in the configuration file `file`, keeping its other lines, comments and
// permissions (creates the file when missing); written durably.
core::Result<void> writePinHash(const std::filesystem::path& file, const std::string& hash);

// `familienkiosk --set-pin`: reads the PIN from standard input (without echo on a terminal, asked
// twice there), hashes it and writes it into `configFile`. Returns the exit code.
int setPinFromStdin(const std::filesystem::path& configFile);

}  // namespace kiosk::app
