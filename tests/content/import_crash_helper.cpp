// Imports a content pack and kills itself with SIGKILL at the Nth progress report (0: never), so a
// test can stop an import at many points and check what the next start finds.
#include "kiosk/content/pack_import.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s PACK DATA_DIR KEYS_DIR KILL_AT\n", argv[0]);
        return 2;
    }
    const long killAt = std::strtol(argv[4], nullptr, 10);
    long reports = 0;
    const auto outcome = kiosk::content::importPack(argv[1], argv[2], argv[3], {}, [&](double) {
        if (++reports == killAt) std::raise(SIGKILL);
    });
    std::printf("%s\nreports: %ld\n", outcome ? outcome->message.c_str() : outcome.problem().english().c_str(), reports);
    return outcome ? 0 : 1;
}
