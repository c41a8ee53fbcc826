// Reading the configuration, strictly: a typo in a key must not silently change nothing.
#include "kiosk/app/config.hpp"

#include "kiosk/core/navigation.hpp"
#include "kiosk/core/opening_hours.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <set>

namespace kiosk::app {

namespace {

// PREFIX/share/familienkiosk when this binary is PREFIX/bin/familienkiosk of an installed package
// (also unpacked elsewhere, e.g. by `dpkg -x`); empty when it runs from a build tree.
std::filesystem::path installedShareDir() {
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error || exe.parent_path().filename() != "bin") return {};
    const auto share = exe.parent_path().parent_path() / "share/familienkiosk";
    return std::filesystem::is_directory(share / "assets", error) ? share : std::filesystem::path();
}

}  // namespace

Config defaultConfig() {
    Config config;
    config.content = KIOSK_DEFAULT_CONTENT_DIR;
    config.assets = KIOSK_DEFAULT_ASSETS_DIR;
    if (const auto share = installedShareDir(); !share.empty()) {
        config.content = share / "sample-content";
        config.assets = share / "assets";
    }
    // systemd's StateDirectory= (the kiosk PC's service), then the user's state folder.
    if (const char* state = std::getenv("STATE_DIRECTORY"); state && *state && !std::strchr(state, ':'))
        config.dataDir = state;
    else if (const char* xdgState = std::getenv("XDG_STATE_HOME"); xdgState && *xdgState)
        config.dataDir = std::filesystem::path(xdgState) / "familienkiosk";
    else if (const char* home = std::getenv("HOME"); home && *home)
        config.dataDir = std::filesystem::path(home) / ".local/state/familienkiosk";
    else
        config.dataDir = "/var/lib/familienkiosk";
    return config;
}

bool parseWindowSize(const std::string& text, int& width, int& height) {
    char x = 0;
    int w = 0, h = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &rest) != 3 || (x != 'x' && x != 'X') || w < 320 ||
        h < 320 || w > 16384 || h > 16384)
        return false;
    width = w;
    height = h;
    return true;
}

std::string_view problemDomain(ConfigProblem) { return "config"; }

std::string_view problemName(ConfigProblem code) {
    switch (code) {
    case ConfigProblem::Unreadable: return "unreadable";
    case ConfigProblem::NotYaml: return "not_yaml";
    case ConfigProblem::NotSettings: return "not_settings";
    case ConfigProblem::UnknownSetting: return "unknown_setting";
    case ConfigProblem::NoValue: return "no_value";
    case ConfigProblem::WrongKind: return "wrong_kind";
    case ConfigProblem::BadValue: return "bad_value";
    }
    return "bad_value";
}

std::string_view problemEnglish(ConfigProblem code) {
    switch (code) {
    case ConfigProblem::Unreadable: return "{}: cannot be read";
    case ConfigProblem::NotYaml: return "{}: line {}: not valid YAML: {}";
    case ConfigProblem::NotSettings: return "{}: must be a list of settings (key: value)";
    case ConfigProblem::UnknownSetting: return "{}: '{}': unknown setting (check the spelling)";
    case ConfigProblem::NoValue: return "{}: '{}': has no value (delete the line to keep the default)";
    case ConfigProblem::WrongKind: return "{}: '{}': has a value of the wrong kind";
    case ConfigProblem::BadValue: return "{}: '{}': {}";
    }
    return "{}: '{}': {}";
}

core::Result<Config> loadConfig(const std::filesystem::path& file, Config config) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::BadFile&) {
        return core::Problem(ConfigProblem::Unreadable, {file.string()});
    } catch (const YAML::Exception& e) {
        return core::Problem(ConfigProblem::NotYaml, {file.string(), std::to_string(e.mark.line + 1), e.msg});
    }
    if (root.IsNull()) return config;  // an empty file keeps every default
    if (!root.IsMap()) return core::Problem(ConfigProblem::NotSettings, {file.string()});
    const std::set<std::string> known{"kiosk_name", "content", "data_dir", "assets", "idle_timeout_seconds",
                                      "idle_countdown_seconds", "fullscreen", "window", "language", "font_size", "volume", "printer", "printer_queue",
                                      "receipt_device", "receipt_width_mm", "trusted_keys", "pack_max_file_mb",
                                      "pack_max_total_mb", "pack_max_files", "location", "display_hours", "staff_pin_hash",
                                      "screen_diagonal_inches"};
    const auto base = file.parent_path();
    auto relative = [&](const std::string& path) { return std::filesystem::path(path).is_absolute() ? std::filesystem::path(path) : base / path; };
    for (const auto& item : root) {
        const auto key = item.first.as<std::string>();
        const YAML::Node& value = item.second;
        // The rule a value broke, in words naming what it must be.
        auto fail = [&](const std::string& rule) {
            return core::Problem(ConfigProblem::BadValue, {file.string(), key, rule});
        };
        if (!known.count(key)) return core::Problem(ConfigProblem::UnknownSetting, {file.string(), key});
        // yaml-cpp reads an empty value as the string "null": the kiosk would be named "null".
        if (value.IsNull()) return core::Problem(ConfigProblem::NoValue, {file.string(), key});
        try {
            if (key == "kiosk_name") config.kioskName = value.as<std::string>();
            else if (key == "content") config.content = relative(value.as<std::string>());
            else if (key == "data_dir") config.dataDir = relative(value.as<std::string>());
            else if (key == "assets") config.assets = relative(value.as<std::string>());
            else if (key == "idle_timeout_seconds") {
                int seconds = value.as<int>();
                if (seconds < 10 || seconds > 3600) return fail("must be between 10 and 3600 seconds");
                config.idleTimeout = std::chrono::seconds(seconds);
            } else if (key == "idle_countdown_seconds") {
                int seconds = value.as<int>();
                if (seconds < 3 || seconds > 120) return fail("must be between 3 and 120 seconds");
                config.idleCountdown = std::chrono::seconds(seconds);
            } else if (key == "volume") {
                int volume = value.as<int>();
                if (volume < 0 || volume > core::kMaxVolume) return fail("must be between 0 (silent) and 10 (loudest)");
                config.volume = volume;
            } else if (key == "printer") {
                const auto kind = value.as<std::string>();
                if (kind == "none") config.printer = Config::Printer::None;
                else if (kind == "office") config.printer = Config::Printer::Office;
                else if (kind == "receipt") config.printer = Config::Printer::Receipt;
                else return fail("must be office (through CUPS), receipt (ESC/POS) or none");
            } else if (key == "printer_queue") config.printerQueue = value.as<std::string>();
            else if (key == "receipt_device") config.receiptDevice = relative(value.as<std::string>());
            else if (key == "receipt_width_mm") {
                int width = value.as<int>();
                if (width != 58 && width != 80) return fail("must be 58 or 80");
                config.receiptWidthMm = width;
            } else if (key == "trusted_keys") config.trustedKeys = relative(value.as<std::string>());
            else if (key == "pack_max_file_mb" || key == "pack_max_total_mb") {
                const auto megabytes = value.as<std::uint64_t>();
                if (megabytes < 1 || megabytes > (1u << 20)) return fail("must be between 1 and 1048576 (MB)");
                (key == "pack_max_file_mb" ? config.importLimits.maxFileBytes : config.importLimits.maxTotalBytes) =
                    megabytes << 20;
            } else if (key == "pack_max_files") {
                const auto files = value.as<std::uint64_t>();
                if (files < 6 || files > 10'000'000) return fail("must be between 6 and 10000000");
                config.importLimits.maxFiles = static_cast<std::size_t>(files);
            } else if (key == "display_hours") {
                std::string problem;
                const auto hours = value.as<std::string>();
                if (hours != "24/7" && !core::OpeningHours::parse(hours, problem))
                    return fail(fmt::format("must be opening hours like \"Mo-Fr 08:00-18:00\" ({})", problem));
                config.displayHours = hours == "24/7" ? std::string() : hours;
            } else if (key == "staff_pin_hash") {
                config.staffPinHash = value.as<std::string>();
                if (config.staffPinHash.rfind("$argon2id$", 0) != 0)
                    return fail("must be an Argon2id hash as familienkiosk --set-pin writes it");
            } else if (key == "fullscreen") config.fullscreen = value.as<bool>();
            else if (key == "window") {
                if (!parseWindowSize(value.as<std::string>(), config.windowWidth, config.windowHeight))
                    return fail("must be a size like 1920x1080");
            } else if (key == "location") {
                const auto text = value.as<std::string>();
                double latitude = 0, longitude = 0;
                char end = 0;
                if (text == "none") config.location.reset();
                else if (std::sscanf(text.c_str(), "%lf , %lf %c", &latitude, &longitude, &end) == 2 &&
                         latitude > 48.4 && latitude < 48.95 && longitude > 9.0 && longitude < 9.8)
                    config.location = core::GeoPoint{latitude, longitude};
                else
                    return fail("must be latitude, longitude in the district, e.g. 48.7392, 9.3057 (or none)");
            } else if (key == "language") config.language = value.as<std::string>();
            else if (key == "font_size") {
                float size = value.as<float>();
                if (size != 0 && !(size >= 10 && size <= 200))  // written so that NaN is refused too
                    return fail("must be 0 (automatic) or 10 to 200 pixels");
                config.fontSize = size;
            } else if (key == "screen_diagonal_inches") {
                double inches = value.as<double>();
                if (inches != 0 && !(inches >= 7 && inches <= 110))
                    return fail("must be 0 (as the monitor reports it) or the screen's diagonal, 7 to 110 inches");
                config.screenDiagonalInches = inches;
            }
        } catch (const YAML::Exception&) {
            return core::Problem(ConfigProblem::WrongKind, {file.string(), key});
        }
    }
    return config;
}

}  // namespace kiosk::app
