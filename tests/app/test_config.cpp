// Unit tests for the configuration file: every setting is read, and a mistake in it is refused
// with the setting's name instead of silently changing nothing.
#include "kiosk/app/config.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>

#include <stdlib.h>
#include <unistd.h>

using namespace kiosk::app;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

using kiosk::test::TempFolder;

// An environment variable set for one test and restored afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (m_old) ::setenv(m_name, m_old->c_str(), 1);
        else ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// A config.yaml with `yaml` in a folder of its own.
struct ConfigFile {
    explicit ConfigFile(const std::string& yaml) : path(folder.path() / "config.yaml") {
        std::ofstream(path, std::ios::binary) << yaml;
    }
    TempFolder folder;
    fs::path path;
};

// Reads `yaml` over the defaults; the error stays empty when it was accepted.
struct Loaded {
    bool ok;
    Config config;
    std::string error;
};
Loaded load(const std::string& yaml) {
    ConfigFile file(yaml);
    auto read = loadConfig(file.path, defaultConfig());
    if (!read) return {false, defaultConfig(), read.problem().english()};
    return {true, std::move(*read), {}};
}

void requireSameSettings(const Config& a, const Config& b) {
    CHECK(a.kioskName == b.kioskName);
    CHECK(a.content == b.content);
    CHECK(a.dataDir == b.dataDir);
    CHECK(a.assets == b.assets);
    CHECK(a.idleTimeout == b.idleTimeout);
    CHECK(a.idleCountdown == b.idleCountdown);
    CHECK(a.fullscreen == b.fullscreen);
    CHECK(a.windowWidth == b.windowWidth);
    CHECK(a.windowHeight == b.windowHeight);
    CHECK(a.language == b.language);
    CHECK(a.fontSize == b.fontSize);
}

}  // namespace

TEST_CASE("without a configuration the kiosk runs full screen, in German, on this build's sample content",
          "[config]") {
    const Config config = defaultConfig();
    CHECK(config.kioskName == "Familienkiosk");
    CHECK(config.content == fs::path(KIOSK_DEFAULT_CONTENT_DIR));
    CHECK(config.assets == fs::path(KIOSK_DEFAULT_ASSETS_DIR));
    CHECK(config.idleTimeout == 90s);
    CHECK(config.idleCountdown == 15s);
    CHECK(config.fullscreen);
    CHECK(config.language == "de");
    CHECK(config.fontSize == 0);
}

TEST_CASE("without a configuration the content database lives in the user's state folder", "[config]") {
    SECTION("systemd's StateDirectory= comes first: the kiosk PC's service runs with it") {
        ScopedEnv systemd("STATE_DIRECTORY", "/var/lib/familienkiosk");
        ScopedEnv state("XDG_STATE_HOME", "/srv/state");
        CHECK(defaultConfig().dataDir == fs::path("/var/lib/familienkiosk"));
    }
    SECTION("XDG_STATE_HOME is used when set") {
        ScopedEnv state("XDG_STATE_HOME", "/srv/state");
        CHECK(defaultConfig().dataDir == fs::path("/srv/state/familienkiosk"));
    }
    SECTION("else the state folder in HOME") {
        ScopedEnv state("XDG_STATE_HOME", "");
        ScopedEnv home("HOME", "/home/empfang");
        CHECK(defaultConfig().dataDir == fs::path("/home/empfang/.local/state/familienkiosk"));
    }
}

TEST_CASE("an empty configuration file keeps every default", "[config]") {
    const auto loaded = load("# nothing set yet\n");
    INFO(loaded.error);
    REQUIRE(loaded.ok);
    requireSameSettings(loaded.config, defaultConfig());
}

TEST_CASE("a missing configuration file is refused by name and changes nothing", "[config]") {
    TempFolder folder;
    const fs::path missing = folder.path() / "config.yaml";
    const auto read = loadConfig(missing, defaultConfig());
    REQUIRE_FALSE(read);
    CHECK(read.problem().is(ConfigProblem::Unreadable));
    CHECK_THAT(read.problem().english(), Contains(missing.string()) && Contains("cannot be read"));
}

TEST_CASE("every setting in the file is read", "[config]") {
    const auto loaded = load(
        "kiosk_name: Familienzentrum Pliensauvorstadt\n"
        "content: /srv/kiosk/content\n"
        "data_dir: /var/lib/kiosk\n"
        "assets: /usr/share/kiosk\n"
        "idle_timeout_seconds: 45\n"
        "idle_countdown_seconds: 10\n"
        "fullscreen: false\n"
        "window: 1280x800\n"
        "language: en\n"
        "font_size: 28.5\n"
        "volume: 3\n");
    INFO(loaded.error);
    REQUIRE(loaded.ok);
    const Config& config = loaded.config;
    CHECK(config.kioskName == "Familienzentrum Pliensauvorstadt");
    CHECK(config.content == fs::path("/srv/kiosk/content"));
    CHECK(config.dataDir == fs::path("/var/lib/kiosk"));
    CHECK(config.assets == fs::path("/usr/share/kiosk"));
    CHECK(config.idleTimeout == 45s);
    CHECK(config.idleCountdown == 10s);
    CHECK_FALSE(config.fullscreen);
    CHECK(config.windowWidth == 1280);
    CHECK(config.windowHeight == 800);
    CHECK(config.language == "en");
    CHECK(config.fontSize == 28.5f);
    CHECK(config.volume == 3);
}

TEST_CASE("settings not in the file keep their defaults", "[config]") {
    const auto loaded = load("language: en\n");
    INFO(loaded.error);
    REQUIRE(loaded.ok);
    Config expected = defaultConfig();
    expected.language = "en";
    requireSameSettings(loaded.config, expected);
}

TEST_CASE("relative folders in the file are taken from the file's own folder", "[config]") {
    ConfigFile file("content: inhalt\ndata_dir: ../daten\nassets: /usr/share/familienkiosk\n");
    const auto read = loadConfig(file.path, defaultConfig());
    INFO((read ? std::string() : read.problem().english()));
    REQUIRE(read);
    const Config& config = *read;
    CHECK(config.content == file.folder.path() / "inhalt");
    CHECK(config.dataDir == file.folder.path() / "../daten");
    CHECK(config.assets == fs::path("/usr/share/familienkiosk"));
}

TEST_CASE("a misspelt setting is refused with its name", "[config]") {
    const auto loaded = load("language: en\nidle_timeout: 30\n");
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.error, Contains("'idle_timeout'") && Contains("unknown setting"));
}

TEST_CASE("a portrait window size is read as width by height", "[config]") {
    const auto loaded = load("window: 1080X1920\n");
    INFO(loaded.error);
    REQUIRE(loaded.ok);
    CHECK(loaded.config.windowWidth == 1080);
    CHECK(loaded.config.windowHeight == 1920);
}

TEST_CASE("a window size that does not read like 1920x1080 is refused", "[config]") {
    const char* bad = GENERATE("800y600", "800x", "800", "800x600px", "800 x 600", "100x100", "1920x100", "-800x600");
    const auto loaded = load(std::string("window: ") + bad + "\n");
    INFO("window: " << bad);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.error, Contains("'window'") && Contains("must be a size like 1920x1080"));
}

TEST_CASE("a setting with a value of the wrong kind is refused with its name", "[config]") {
    struct Case {
        const char* yaml;
        const char* key;
    };
    const Case c = GENERATE(Case{"idle_timeout_seconds: soon\n", "'idle_timeout_seconds'"},
                            Case{"idle_countdown_seconds: 7.5\n", "'idle_countdown_seconds'"},
                            Case{"fullscreen: maybe\n", "'fullscreen'"},
                            Case{"font_size: large\n", "'font_size'"},
                            Case{"kiosk_name: [Familienkiosk, Esslingen]\n", "'kiosk_name'"},
                            Case{"window: {width: 1920, height: 1080}\n", "'window'"});
    const auto loaded = load(c.yaml);
    INFO(c.yaml);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.error, Contains(c.key) && Contains("wrong kind"));
}

TEST_CASE("a setting left empty is refused, not taken as the word null", "[config]") {
    const char* yaml = GENERATE("kiosk_name:\n", "content:\n", "language: ~\n");
    const auto loaded = load(yaml);
    INFO(yaml << "kiosk name: " << loaded.config.kioskName << ", content: " << loaded.config.content
              << ", language: " << loaded.config.language);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.error, Contains("has no value"));
}

TEST_CASE("idle times and font sizes outside their range are refused with the allowed range", "[config]") {
    struct Case {
        const char* yaml;
        const char* message;
    };
    const Case c = GENERATE(Case{"idle_timeout_seconds: 5\n", "'idle_timeout_seconds': must be between 10 and 3600"},
                            Case{"idle_timeout_seconds: 7200\n", "'idle_timeout_seconds': must be between 10 and 3600"},
                            Case{"idle_countdown_seconds: 2\n", "'idle_countdown_seconds': must be between 3 and 120"},
                            Case{"font_size: 5\n", "'font_size': must be 0 (automatic) or 10 to 200"},
                            Case{"font_size: 400\n", "'font_size': must be 0 (automatic) or 10 to 200"},
                            Case{"font_size: .nan\n", "'font_size': must be 0 (automatic) or 10 to 200"},
                            Case{"volume: 11\n", "'volume': must be between 0 (silent) and 10 (loudest)"},
                            Case{"volume: -1\n", "'volume': must be between 0 (silent) and 10 (loudest)"},
                            Case{"printer: laser\n", "'printer': must be office (through CUPS), receipt (ESC/POS) or none"},
                            Case{"receipt_width_mm: 72\n", "'receipt_width_mm': must be 58 or 80"});
    const auto loaded = load(c.yaml);
    INFO(c.yaml);
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.error, Contains(c.message));
}

TEST_CASE("a file that is not valid YAML is refused with the line of the mistake", "[config]") {
    const auto loaded = load("language: en\nwindow: 1920x1080: portrait\nfullscreen: true\n");
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.error, Contains("config.yaml: line 2: not valid YAML"));
}

TEST_CASE("a file that is not a list of settings is refused", "[config]") {
    const auto loaded = load("- language: en\n");
    CHECK_FALSE(loaded.ok);
    CHECK_THAT(loaded.error, Contains("must be a list of settings"));
}

TEST_CASE("the printer settings are read", "[config]") {
    const auto loaded = load("printer: receipt\nreceipt_device: /dev/usb/lp1\nreceipt_width_mm: 58\n");
    INFO(loaded.error);
    REQUIRE(loaded.ok);
    CHECK(loaded.config.printer == Config::Printer::Receipt);
    CHECK(loaded.config.receiptDevice == fs::path("/dev/usb/lp1"));
    CHECK(loaded.config.receiptWidthMm == 58);
    const auto office = load("printer: office\nprinter_queue: Empfang\n");
    REQUIRE(office.ok);
    CHECK(office.config.printer == Config::Printer::Office);
    CHECK(office.config.printerQueue == "Empfang");
    CHECK(load("printer: none\n").config.printer == Config::Printer::None);
}

TEST_CASE("the content pack settings are read and checked", "[config]") {
    CHECK(load("").config.trustedKeys == fs::path("/etc/familienkiosk/keys"));
    const auto loaded = load("trusted_keys: /srv/keys\npack_max_file_mb: 50\npack_max_total_mb: 500\npack_max_files: 100\n");
    INFO(loaded.error);
    REQUIRE(loaded.ok);
    CHECK(loaded.config.trustedKeys == fs::path("/srv/keys"));
    CHECK(loaded.config.importLimits.maxFileBytes == 50ull << 20);
    CHECK(loaded.config.importLimits.maxTotalBytes == 500ull << 20);
    CHECK(loaded.config.importLimits.maxFiles == 100);
    const auto zero = load("pack_max_file_mb: 0\n");
    CHECK_FALSE(zero.ok);
    CHECK_THAT(zero.error, Contains("'pack_max_file_mb': must be between 1 and 1048576 (MB)"));
    CHECK_FALSE(load("pack_max_files: many\n").ok);
}

TEST_CASE("the kiosk's location for the map is read, or switched off, or refused outside the district",
          "[config]") {
    CHECK(defaultConfig().location.has_value());  // the district office in Esslingen
    auto loaded = load("location: 48.6267, 9.3405\n");
    INFO(loaded.error);
    REQUIRE(loaded.ok);
    REQUIRE(loaded.config.location);
    CHECK(loaded.config.location->latitude == 48.6267);
    CHECK(loaded.config.location->longitude == 9.3405);
    loaded = load("location: none\n");
    REQUIRE(loaded.ok);
    CHECK(!loaded.config.location);
    for (const char* bad : {"52.52, 13.40", "9.3405, 48.6267", "Esslingen", "48.6"}) {
        loaded = load(std::string("location: ") + bad + "\n");
        INFO(bad);
        CHECK_FALSE(loaded.ok);
        CHECK_THAT(loaded.error, Contains("'location'") && Contains("e.g. 48.7392, 9.3057"));
    }
}

TEST_CASE("the screen's hours are read as opening hours, and a mistake in them is refused by name", "[config]") {
    CHECK(load("").config.displayHours.empty());  // without the setting the screen never sleeps
    const auto office = load("display_hours: \"Mo,Tu,Fr 08:00-12:00; Th 08:00-12:00,13:00-18:00; We off\"\n");
    INFO(office.error);
    REQUIRE(office.ok);
    CHECK(office.config.displayHours == "Mo,Tu,Fr 08:00-12:00; Th 08:00-12:00,13:00-18:00; We off");
    CHECK(load("display_hours: 24/7\n").config.displayHours.empty());
    const auto typo = load("display_hours: \"Mo-Fr 8 bis 12\"\n");
    CHECK_FALSE(typo.ok);
    CHECK_THAT(typo.error, Contains("'display_hours': must be opening hours like"));
}
