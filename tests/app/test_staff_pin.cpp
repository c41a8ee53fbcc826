// Unit tests for the staff PIN: Argon2id hashing, the lock file across a restart, --set-pin's config rewrite.
#include "kiosk/app/config.hpp"
#include "kiosk/app/staff_pin.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace kiosk::app;
using kiosk::core::PinLock;
using kiosk::test::TempFolder;

namespace {
std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
void writeFile(const std::filesystem::path& file, const std::string& text) { std::ofstream(file) << text; }

// While it lives, no file of this process can grow (as on a full disk): writes fail with EFBIG.
class NoRoomToWrite {
public:
    NoRoomToWrite() {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit none = m_saved;
        none.rlim_cur = 0;
        ::setrlimit(RLIMIT_FSIZE, &none);
    }
    ~NoRoomToWrite() {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }
    NoRoomToWrite(const NoRoomToWrite&) = delete;
    NoRoomToWrite& operator=(const NoRoomToWrite&) = delete;

private:
    rlimit m_saved{};
    void (*m_handler)(int) = nullptr;
};
}  // namespace

TEST_CASE("a PIN is 4 to 12 digits") {
    CHECK(validPin("1234"));
    CHECK(validPin("000000000000"));
    CHECK_FALSE(validPin("123"));
    CHECK_FALSE(validPin("1234567890123"));
    CHECK_FALSE(validPin("12a4"));
    CHECK_FALSE(validPin(" 1234"));
    CHECK_FALSE(validPin(""));
}

TEST_CASE("a PIN anyone would try first is trivial: --set-pin refuses it") {
    for (const char* pin : {"0000", "1111", "999999999999", "1234", "0123", "123456789012", "4321", "9876", "7890",
                            "8901", "3210", "1212", "6969", "121212"})
        CHECK(trivialPin(pin));
    for (const char* pin : {"2468", "1357", "2580", "1379", "9142", "1122", "1233", "123455"})
        CHECK_FALSE(trivialPin(pin));
}

TEST_CASE("the PIN is kept as a salted Argon2id hash that only the right PIN matches") {
    const std::string hash = hashPin("2468");
    REQUIRE_FALSE(hash.empty());
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("2468") == std::string::npos);
    CHECK(hashPin("2468") != hash);  // a fresh salt every time
    CHECK(verifyPin(hash, "2468"));
    CHECK_FALSE(verifyPin(hash, "2469"));
    CHECK_FALSE(verifyPin(hash, "24680"));
    CHECK_FALSE(verifyPin(hash, ""));
    CHECK_FALSE(verifyPin("", "2468"));
    CHECK_FALSE(verifyPin("2468", "2468"));  // a PIN written in plain where the hash belongs opens nothing
}

TEST_CASE("the PIN pad's lock outlasts a restart") {
    TempFolder data;
    const auto now = std::chrono::system_clock::now();
    CHECK(loadPinLock(data.path(), now) == PinLock{});  // never written: open
    PinLock lock = loadPinLock(data.path(), now);
    for (int i = 0; i < 5; ++i) {
        lock.wrong(now);
        REQUIRE(savePinLock(data.path(), lock));
    }
    REQUIRE(lock.locked(now));
    // The kiosk restarts: a new process reads the file.
    const PinLock restarted = loadPinLock(data.path(), now);
    CHECK(restarted == lock);
    CHECK(restarted.locked(now + std::chrono::seconds(10)));
    CHECK(restarted.secondsLeft(now) == lock.secondsLeft(now));
    // Only the lock file is there: the temporary file was renamed over it.
    CHECK(std::distance(std::filesystem::directory_iterator(data.path()), {}) == 1);
    struct stat info {};
    REQUIRE(::stat((data.path() / "staff-pin.lock").c_str(), &info) == 0);
    CHECK((info.st_mode & 077) == 0);
}

TEST_CASE("wrong PINs counted before a restart still count after it") {
    TempFolder data;
    const auto now = std::chrono::system_clock::now();
    PinLock lock;
    for (int i = 0; i < 4; ++i) lock.wrong(now);
    REQUIRE(savePinLock(data.path(), lock));
    PinLock restarted = loadPinLock(data.path(), now);
    CHECK(restarted.wrong(now));  // the fifth locks
}

TEST_CASE("a damaged or unreadable lock file locks the pad rather than opening it") {
    TempFolder data;
    const auto now = std::chrono::system_clock::now();
    writeFile(data.path() / "staff-pin.lock", "\x01\x02 nonsense");
    CHECK(loadPinLock(data.path(), now).locked(now));
    KeptPinLock kept(data.path(), now);
    CHECK(kept.lock().locked(now));
    CHECK(loadPinLock(data.path(), now) == kept.lock());  // the damaged file replaced by the lock in force
    std::filesystem::remove(data.path() / "staff-pin.lock");
    std::filesystem::create_directory(data.path() / "staff-pin.lock");  // cannot be read
    CHECK(loadPinLock(data.path(), now).locked(now));
}

TEST_CASE("a wrong PIN that cannot be written down locks the pad (a full data folder fails closed)") {
    TempFolder data;
    const auto now = std::chrono::system_clock::now();
    KeptPinLock kept(data.path(), now);
    REQUIRE_FALSE(kept.lock().locked(now));
    {
        NoRoomToWrite full;
        CHECK(kept.wrong(now));  // the first wrong PIN: a count that a restart would lose is a lock
    }
    CHECK(kept.lock().locked(now));
}

TEST_CASE("wrong PINs stay counted when the pad is cancelled and the file says less") {
    TempFolder data;
    const auto now = std::chrono::system_clock::now();
    KeptPinLock kept(data.path(), now);
    for (int i = 0; i < 3; ++i) CHECK_FALSE(kept.wrong(now));
    writeFile(data.path() / "staff-pin.lock", "0 0 0\n");  // a write that was lost, an old file
    kept.reread(now);  // the pad opens again
    CHECK(kept.lock().attemptsLeft() == 2);
    CHECK(KeptPinLock(data.path(), now).lock().attemptsLeft() == 2);  // written again: a restart keeps it too
    CHECK_FALSE(kept.wrong(now));
    CHECK(kept.wrong(now));
    kept.right();
    CHECK(KeptPinLock(data.path(), now).lock() == PinLock{});
}

TEST_CASE("setting the PIN writes the hash into the configuration and keeps every other line") {
    TempFolder folder;
    const auto file = folder.path() / "config.yaml";
    writeFile(file, "# Foyer kiosk\nkiosk_name: \"Foyer\"\n\n# printing\nprinter: none\n");
    ::chmod(file.c_str(), 0600);
    const std::string first = hashPin("1357");
    REQUIRE(writePinHash(file, first));
    CHECK(readFile(file) ==
          "# Foyer kiosk\nkiosk_name: \"Foyer\"\n\n# printing\nprinter: none\nstaff_pin_hash: \"" + first + "\"\n");
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0600);

    // Setting it again replaces the line in place.
    const std::string second = hashPin("8642");
    REQUIRE(writePinHash(file, second));
    CHECK(readFile(file) ==
          "# Foyer kiosk\nkiosk_name: \"Foyer\"\n\n# printing\nprinter: none\nstaff_pin_hash: \"" + second + "\"\n");

    // The kiosk reads it back, and only the new PIN matches.
    const auto read = loadConfig(file, defaultConfig());
    REQUIRE(read);
    const Config& config = *read;
    CHECK(config.kioskName == "Foyer");
    CHECK(config.staffPinHash == second);
    CHECK(verifyPin(config.staffPinHash, "8642"));
    CHECK_FALSE(verifyPin(config.staffPinHash, "1357"));
}

TEST_CASE("setting the PIN makes the configuration file when there is none") {
    TempFolder folder;
    const auto file = folder.path() / "etc" / "config.yaml";
    REQUIRE(writePinHash(file, hashPin("1357")));
    const auto config = loadConfig(file, defaultConfig());
    REQUIRE(config);
    CHECK(verifyPin(config->staffPinHash, "1357"));
}

TEST_CASE("a staff_pin_hash that is not an Argon2id hash is refused by name") {
    TempFolder folder;
    const auto file = folder.path() / "config.yaml";
    writeFile(file, "staff_pin_hash: \"1234\"\n");
    const auto config = loadConfig(file, defaultConfig());
    REQUIRE_FALSE(config);
    CHECK(config.problem().is(ConfigProblem::BadValue));
    CHECK_THAT(config.problem().english(), Catch::Contains("staff_pin_hash") && Catch::Contains("--set-pin"));
}
