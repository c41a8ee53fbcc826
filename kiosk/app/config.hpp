// The kiosk's configuration file: one documented YAML file, every key optional.
#pragma once

#include "kiosk/content/pack.hpp"
#include "kiosk/core/catalog.hpp"
#include "kiosk/core/problem.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::app {

struct Config {
    std::string kioskName = "Familienkiosk";
    std::filesystem::path content;  // content source folder or content database file
    std::filesystem::path dataDir;  // where the built content database (and later statistics) live
    std::filesystem::path assets;   // fonts and other assets
    std::chrono::seconds idleTimeout{90};
    std::chrono::seconds idleCountdown{15};
    bool fullscreen = true;
    int windowWidth = 1920;
    int windowHeight = 1080;
    std::string language{core::kReferenceLanguage};
    float fontSize = 0;  // pixels; 0: from the screen size
    double screenDiagonalInches = 0;  // the visible picture's diagonal; 0: as the monitor reports it (else 24)
    int volume = 7;      // 0..10, where every session starts
    enum class Printer { None, Office, Receipt };
    Printer printer = Printer::Office;   // office: through CUPS; receipt: ESC/POS to a device file
    std::string printerQueue;            // CUPS queue; empty: the CUPS default destination
    std::filesystem::path receiptDevice = "/dev/usb/lp0";
    int receiptWidthMm = 80;             // 58 or 80
    std::filesystem::path trustedKeys = "/etc/familienkiosk/keys";  // *.pub: who may sign content packs
    content::ImportLimits importLimits;  // what a content pack may hold at most
    // "You are here" on the map; default: the district office, Pulverwiesen 11, Esslingen.
    std::optional<core::GeoPoint> location = core::GeoPoint{48.7392, 9.3057};
    std::string displayHours;            // opening hours (OSM syntax) the screen is on; empty: always
    std::string staffPinHash;            // Argon2id hash of the staff PIN (--set-pin); empty: staff mode stays shut
};

// Compiled-in defaults: the sample content and assets of this build, data in the user's state folder.
Config defaultConfig();

// The file a kiosk reads when no --config is given (it may be missing).
inline const std::filesystem::path kSystemConfig = "/etc/familienkiosk/config.yaml";

// Why a configuration file is refused; the words name the file and the setting (for the
// administrator reading the log: the kiosk does not start with a broken file).
enum class ConfigProblem {
    Unreadable,      // values: file
    NotYaml,         // file, line, the parser's words
    NotSettings,     // file: not a map of key: value
    UnknownSetting,  // file, key
    NoValue,         // file, key
    WrongKind,       // file, key: a word where a number belongs, a list for a text …
    BadValue,        // file, key, the rule the value broke ("must be between 10 and 3600 seconds")
};
std::string_view problemDomain(ConfigProblem);
std::string_view problemName(ConfigProblem code);
std::string_view problemEnglish(ConfigProblem code);

// `config` with the settings of `file` read over it. Unknown keys and bad values are refused,
// naming the key; nothing of a refused file is taken.
core::Result<Config> loadConfig(const std::filesystem::path& file, Config config);

// "1920x1080" -> width, height.
bool parseWindowSize(const std::string& text, int& width, int& height);

}  // namespace kiosk::app
