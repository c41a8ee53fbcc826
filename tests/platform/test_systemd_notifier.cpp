// The kiosk reports to systemd through a real notification socket, as systemd's own would receive it.
#include "kiosk/platform/systemd_notifier.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using kiosk::platform::SystemdNotifier;
using namespace std::chrono_literals;

namespace {

// A datagram socket standing in for systemd's NOTIFY_SOCKET.
class NotifySocket {
public:
    explicit NotifySocket(const std::filesystem::path& path) {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        path.string().copy(address.sun_path, sizeof address.sun_path - 1);
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~NotifySocket() {
        ::close(m_fd);
        ::unsetenv("NOTIFY_SOCKET");
        ::unsetenv("WATCHDOG_USEC");
        ::unsetenv("WATCHDOG_PID");
    }
    // Every message waiting, in order, joined by '|'.
    std::string received() {
        std::string all;
        char buffer[256];
        for (ssize_t n; (n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT)) > 0;)
            all += (all.empty() ? "" : "|") + std::string(buffer, static_cast<size_t>(n));
        return all;
    }

private:
    int m_fd = -1;
};

}  // namespace

TEST_CASE("with a watchdog the kiosk reports ready once and signs of life at most every quarter interval") {
    kiosk::test::TempFolder folder;
    NotifySocket systemd(folder.path() / "notify");
    ::setenv("WATCHDOG_USEC", "2000000", 1);
    ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);

    SystemdNotifier notifier;
    REQUIRE(notifier.watchdogEnabled());
    CHECK(notifier.longestSleep() == 1000ms);  // the frame loop never sleeps longer than this

    CHECK(notifier.ready());
    CHECK(systemd.received() == "READY=1");
    const auto start = SystemdNotifier::Clock::time_point{} + 1h;
    notifier.alive(start);
    notifier.alive(start + 100ms);  // a busy animation does not flood systemd
    notifier.alive(start + 499ms);
    CHECK(systemd.received() == "WATCHDOG=1");
    notifier.alive(start + 500ms);
    notifier.alive(start + 1000ms);
    CHECK(systemd.received() == "WATCHDOG=1|WATCHDOG=1");
}

TEST_CASE("under cage the watchdog set for the compositor, the kiosk's parent, is the kiosk's to feed") {
    kiosk::test::TempFolder folder;
    NotifySocket systemd(folder.path() / "notify");
    ::setenv("WATCHDOG_USEC", "20000000", 1);
    ::setenv("WATCHDOG_PID", std::to_string(::getppid()).c_str(), 1);

    SystemdNotifier notifier;
    CHECK(notifier.watchdogEnabled());
    CHECK(notifier.longestSleep() == 10s);
    notifier.alive(SystemdNotifier::Clock::now());
    CHECK(systemd.received() == "WATCHDOG=1");
}

TEST_CASE("a watchdog meant for another process, or none, leaves the kiosk sleeping as long as it likes") {
    kiosk::test::TempFolder folder;
    NotifySocket systemd(folder.path() / "notify");
    ::setenv("WATCHDOG_USEC", "2000000", 1);
    SECTION("another process's watchdog") { ::setenv("WATCHDOG_PID", "1", 1); }
    SECTION("no watchdog") { ::unsetenv("WATCHDOG_USEC"); }

    SystemdNotifier notifier;
    CHECK_FALSE(notifier.watchdogEnabled());
    notifier.alive(SystemdNotifier::Clock::now());
    CHECK(notifier.ready());
    CHECK(systemd.received() == "READY=1");  // readiness still counts: Type=notify without WatchdogSec=
}

TEST_CASE("outside systemd nothing is sent and nothing fails") {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    SystemdNotifier notifier;
    CHECK_FALSE(notifier.watchdogEnabled());
    CHECK(notifier.ready());
}
