// familienkiosk: the command line, then either a command-line task or the kiosk itself.
#include "kiosk/app/config.hpp"
#include "kiosk/app/explanations.hpp"
#include "kiosk/app/printing.hpp"
#include "kiosk/app/staff.hpp"
#include "kiosk/app/staff_pin.hpp"
#include "kiosk/app/start_steps.hpp"
#include "kiosk/content/statistics.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/listing.hpp"
#include "kiosk/content/content_store.hpp"
#include "kiosk/content/pack_import.hpp"
#include "kiosk/content/start_guard.hpp"
#include "kiosk/content/search.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/cfg/env.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fmt/format.h>

namespace {

// "2026-11-26T10:00" exactly: a real date from 1970 to 2199, 00:00 to 23:59, nothing after it.
std::optional<kiosk::core::LocalDateTime> parseLocalTime(const std::string& text) {
    if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
    const auto date = kiosk::core::parseIsoDate(std::string_view(text).substr(0, 10));
    if (!date || date->year < 1970 || date->year > 2199) return std::nullopt;
    const auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100; };
    const int hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    return kiosk::core::LocalDateTime{*date, hour * 60 + minute};
}

// --print, --slip-pdf and --print-test (offers empty: a test slip with the first two offers).
int printFromCommandLine(const kiosk::app::Config& config, const kiosk::core::Catalog& catalog, const std::string& offers,
                         const std::string& pdf) {
    std::vector<std::string> ids;
    if (offers.empty()) {
        for (size_t i = 0; i < catalog.offers.size() && i < 2; ++i) ids.push_back(catalog.offers[i].id);
    } else {
        size_t start = 0;
        while (start <= offers.size()) {
            size_t end = offers.find(',', start);
            if (end == std::string::npos) end = offers.size();
            std::string id = offers.substr(start, end - start);
            if (id.rfind("offer:", 0) == 0) id = id.substr(6);
            if (!catalog.offer(id)) {
                spdlog::critical("--print: '{}' is not an offer of this content (see --list offers)", id);
                return 2;
            }
            ids.push_back(id);
            start = end + 1;
        }
    }
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    kiosk::core::Slip slip = kiosk::app::makeSlip(catalog, ids, config.language, config.kioskName,
                                                  {{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, tm.tm_hour * 60 + tm.tm_min});
    if (offers.empty()) slip.labels.heading = "Testdruck – Familienkiosk " KIOSK_VERSION;
    if (!pdf.empty()) {
        if (auto written = kiosk::app::writeSlipPdf(slip, pdf); !written) {
            spdlog::critical("--slip-pdf: {}", written.problem().detail());
            return 1;
        }
        std::printf("wrote %s (%zu offer(s))\n", pdf.c_str(), slip.entries.size());
        return 0;
    }
    const auto outcome = kiosk::app::printSlip(config, slip);
    if (!outcome) {
        std::fprintf(stderr, "%s\n", kiosk::ui::problemText(outcome.problem(), config.language).c_str());
        spdlog::error("print: {}", outcome.problem().detail());
        return 1;
    }
    std::printf("printed %zu offer(s): %s\n", slip.entries.size(), outcome->c_str());
    return 0;
}

// Everything the command line can say.
struct Arguments {
    std::string configFile, window, content, dataDir, open, language, screenshot, replay, list, now, say;
    bool languageGiven = false;  // --lang "" is refused, not taken as no --lang
    std::string print, slipPdf, printer;
    std::string search;
    bool printTest = false;
    std::string usbRoot;
    std::vector<std::string> stickFolders;  // --usb-mounts-under
    bool buildDb = false;
    int benchmarkFrames = 0;
    bool benchmarkDrag = false;
    std::string trustedKeys, importPack;
    bool rollback = false, contentStatus = false, allowOlder = false;
    bool setPin = false;
    std::string exportStats;
};

void addOptions(CLI::App& cli, Arguments& a) {
    cli.add_option("--config", a.configFile,
                   fmt::format("configuration file (default: {} if it exists)", kiosk::app::kSystemConfig.string()));
    cli.add_option("--window", a.window, "run in a window of this size instead of full screen, e.g. 1080x1920");
    cli.add_option("--content", a.content, "content source folder (YAML) or content database file");
    cli.add_option("--data-dir", a.dataDir, "folder for the built content database and the imported content packs");
    cli.add_option("--trusted-keys", a.trustedKeys,
                   "folder of public keys (*.pub) whose content packs are accepted (default: /etc/familienkiosk/keys)");
    cli.add_option("--import", a.importPack, "check and import this content pack (.kpack) into the data folder, then exit");
    cli.add_flag("--allow-older", a.allowOlder, "with --import: accept a pack older than the content in use");
    cli.add_flag("--rollback", a.rollback, "go back to the previous imported content version, then exit");
    cli.add_flag("--content-status", a.contentStatus, "print the content version in use and the history, then exit");
    cli.add_option("--open", a.open,
                   "start on this screen: attract, home, about, emergencies, languages, stage:<id>, offer:<id>, provider:<id>, "
                   "professionals, actors, practices, practice:<id>, events, event:<id>, groups");
    cli.add_option("--lang", a.language,
                   "language code of the content and the kiosk's words (those in assets/i18n: de, en, tr, ar, uk, ru)");
    cli.add_option("--screenshot", a.screenshot, "write a PNG of the first settled frame to this file, then exit");
    cli.add_option("--replay", a.replay, "run the taps, waits, checks and screenshots of this script, then exit "
                                       "(format: see README)");
    cli.add_option("--list", a.list,
                   "print offers (id<TAB>title<TAB>the URL its QR codes hold in --lang), providers, stages or topics "
                   "(id<TAB>title), practices or groups (id<TAB>title), events (id<TAB>title<TAB>start), or speech "
                   "(sound file<TAB>text to speak), and exit")
        ->check(CLI::IsMember({"offers", "providers", "stages", "topics", "speech", "practices", "events", "groups"}));
    cli.add_option("--search", a.search,
                   "print the offers a search for this text finds (in --lang), best first, as the kiosk shows "
                   "them (id<TAB>title), and exit");
    cli.add_option("--say", a.say,
                   "play the spoken explanation of home, offer:<id>, provider:<id>, stage:<id>, emergencies, about, "
                   "map, search, list, languages, professionals, actors, practices, events or groups (in --lang) on the "
                   "sound device, then exit");
    cli.add_option("--print", a.print,
                   "print the referral slip of these offers (offer:<id>[,offer:<id>...], in --lang), then exit");
    cli.add_option("--slip-pdf", a.slipPdf, "with --print: write the slip to this PDF file instead of printing it");
    cli.add_option("--printer", a.printer, "print through this CUPS queue (default: printer_queue, else CUPS's default)");
    cli.add_option("--usb-root", a.usbRoot,
                   "take content packs from this folder as if it were a USB stick (instead of watching mounts)");
    cli.add_option("--usb-mounts-under", a.stickFolders,
                   "also take mounts under this folder for USB sticks (tests; sticks are mounts under /media and "
                   "/run/media, or of removable devices)");
    cli.add_flag("--print-test", a.printTest, "print a test slip on the configured printer, then exit");
    cli.add_flag("--build-db", a.buildDb, "validate the content source and build the content database, then exit");
    cli.add_option("--now", a.now, "pretend the local time is this, e.g. 2026-11-26T10:00 (for previews and tests)");
    cli.add_flag("--set-pin", a.setPin,
                 "read a new staff PIN (4 to 12 digits) from standard input and store its Argon2id hash in the "
                 "configuration file (--config, else /etc/familienkiosk/config.yaml), then exit");
    cli.add_option("--export-stats", a.exportStats,
                   "write the anonymous usage statistics as a CSV file (named after the kiosk) into this folder, then exit");
    cli.add_option("--benchmark-frames", a.benchmarkFrames, "draw this many frames without pause, print frame times, exit");
    cli.add_flag("--benchmark-drag", a.benchmarkDrag,
                 "with --benchmark-frames: a finger double-taps the middle of the left half and then drags to and fro "
                 "there, so that each timed frame moves (the map, a list)");
}

// --import, --rollback, --export-stats, --content-status, --build-db; nothing when none was asked for.
std::optional<int> contentCommand(const Arguments& a, const kiosk::app::Config& config) {
    const auto database = config.dataDir / "content.sqlite";

    // Content packs: --import, --rollback, --content-status.
    if (!a.importPack.empty() || a.rollback) {
        const auto outcome = !a.importPack.empty()
                                 ? kiosk::content::importPack(a.importPack, config.dataDir, config.trustedKeys,
                                                              config.importLimits, {}, a.allowOlder)
                                 : kiosk::content::rollBack(config.dataDir);
        if (outcome) {
            std::printf("%s\n", outcome->message.c_str());
            spdlog::info("content: {}", outcome->detail);
            return 0;
        }
        std::fprintf(stderr, "%s%s\n", outcome.problem().english().c_str(),
                     a.importPack.empty() ? "" : " The content in use is unchanged.");
        spdlog::error("content: {}", outcome.problem().detail());
        return 1;
    }
    if (!a.exportStats.empty()) {
        const auto outcome = kiosk::content::exportStatistics(config.dataDir, a.exportStats, config.kioskName);
        if (!outcome) {
            spdlog::critical("--export-stats: {}", outcome.problem().logLine());
            return 1;
        }
        std::printf("wrote %s (%zu rows)\n", outcome->file.c_str(), outcome->rows);
        return 0;
    }
    if (a.contentStatus) {
        std::printf("%s", kiosk::content::contentStatus(config.dataDir).c_str());
        return 0;
    }

    if (a.buildDb) {
        std::vector<kiosk::content::ContentError> warnings;
        auto errors = kiosk::content::buildDatabase(config.content, database, &warnings);
        for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.toString().c_str());
        for (const auto& w : warnings) std::fprintf(stderr, "%s\n", w.toString().c_str());
        if (!errors.empty()) {
            std::fprintf(stderr, "%zu error(s): the content database was not changed.\n", errors.size());
            return 1;
        }
        std::printf("built %s from %s\n", database.c_str(), config.content.c_str());
        return 0;
    }

    return std::nullopt;
}

// --list, --search, --say, --print, --print-test on the content in use; nothing when none was asked for.
std::optional<int> contentTask(const Arguments& a, const kiosk::app::Config& config,
                               const kiosk::content::LoadedContent& loaded) {
    if (!a.list.empty()) {
        if (!loaded.catalog) {
            spdlog::critical("no content: {}", loaded.problem);
            return 1;
        }
        kiosk::app::printListing(*loaded.catalog, a.list, config.language, stdout);
        return loaded.sourceErrors.empty() ? 0 : 1;
    }

    if (!a.search.empty()) {
        if (!loaded.catalog) {
            spdlog::critical("no content: {}", loaded.problem);
            return 1;
        }
        kiosk::content::Search index(loaded.database);
        if (!index.ready()) return 1;
        for (const auto& id : index.find(a.search, config.language))
            if (const auto* offer = loaded.catalog->offer(id))
                std::printf("%s\t%s\n", id.c_str(),
                            loaded.catalog->text(*offer, kiosk::core::OfferText::Title, config.language).c_str());
        return 0;
    }

    if (!a.say.empty()) {
        if (!loaded.catalog) {
            spdlog::critical("no content: {}", loaded.problem);
            return 1;
        }
        return kiosk::app::say(*loaded.catalog, loaded.mediaDir, a.say, config.language, config.volume);
    }

    if (a.printTest || !a.print.empty()) {
        if (!loaded.catalog) {
            spdlog::critical("no content: {}", loaded.problem);
            return 1;
        }
        return printFromCommandLine(config, *loaded.catalog, a.printTest ? std::string() : a.print, a.slipPdf);
    }
    if (!a.slipPdf.empty()) {
        spdlog::critical("--slip-pdf needs the offers to put on the slip: --print offer:<id>[,...]");
        return 2;
    }

    return std::nullopt;
}

// The kiosk itself, as the command line asked it to start.
int startKiosk(const Arguments& a, const kiosk::app::Config& config, kiosk::content::LoadedContent loaded,
               kiosk::app::RunOptions options) {
    if (!a.open.empty()) {
        auto screen = kiosk::core::parseScreenRef(a.open);
        const auto* catalog = loaded.catalog ? &*loaded.catalog : nullptr;
        bool known = screen && catalog &&
                     (screen->id != kiosk::core::ScreenId::LifeStage || catalog->lifeStage(screen->target)) &&
                     (screen->id != kiosk::core::ScreenId::Offer || catalog->offer(screen->target)) &&
                     (screen->id != kiosk::core::ScreenId::Provider || catalog->provider(screen->target)) &&
                     (screen->id != kiosk::core::ScreenId::Practice || catalog->practice(screen->target)) &&
                     (screen->id != kiosk::core::ScreenId::Event || catalog->event(screen->target));
        if (!known) {
            spdlog::critical("--open: '{}' is not a screen of this content (see --list)", a.open);
            return 2;
        }
        options.start = *screen;
    }
    if (!a.screenshot.empty()) options.screenshot = a.screenshot;
    if (!a.replay.empty()) {
        auto lines = kiosk::app::loadReplay(a.replay);
        if (!lines) {
            spdlog::critical("--replay: {}", lines.problem().logLine());
            return 2;
        }
        options.replay = std::move(*lines);
        options.hasReplay = true;
    }
    options.benchmarkFrames = a.benchmarkFrames;
    options.benchmarkDrag = a.benchmarkDrag;
    if (!a.usbRoot.empty()) options.usbRoot = std::filesystem::path(a.usbRoot);
    for (const auto& folder : a.stickFolders) options.stickFolders.emplace_back(folder);
    options.reloadContent = [&config] { return kiosk::content::loadKioskContent(config.content, config.dataDir); };
    // Content the kiosk has not drawn from yet is on trial: content that crashed its starts is refused.
    auto guarded = kiosk::content::guardStart(config.dataDir, std::move(loaded), options.reloadContent);
    const int code = kiosk::app::runKiosk(config, std::move(guarded), options);
    kiosk::content::startEnded(config.dataDir);
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    spdlog::set_default_logger(spdlog::stderr_color_mt("kiosk"));
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S %^%l%$ %v");
    spdlog::cfg::load_env_levels();  // SPDLOG_LEVEL=debug: e.g. --build-db's steps and their times
    kiosk::app::keepRecentProblems();  // for staff mode's "last errors"

    CLI::App cli{"Familienkiosk: help for families in the district of Esslingen, on a touch kiosk.\n"
                 "Without options it opens full screen on the configured content."};
    cli.set_version_flag("--version", KIOSK_VERSION);
    Arguments a;
    addOptions(cli, a);
    CLI11_PARSE(cli, argc, argv);
    a.languageGiven = cli.count("--lang") > 0;

    kiosk::app::Config config = kiosk::app::defaultConfig();
    if (a.setPin)  // before reading the configuration: it may not exist yet
        return kiosk::app::setPinFromStdin(a.configFile.empty() ? kiosk::app::kSystemConfig
                                                                : std::filesystem::path(a.configFile));
    const std::filesystem::path configPath =
        !a.configFile.empty() ? std::filesystem::path(a.configFile)
                              : (std::filesystem::exists(kiosk::app::kSystemConfig) ? kiosk::app::kSystemConfig
                                                                                   : std::filesystem::path());
    if (!configPath.empty()) {
        auto read = kiosk::app::loadConfig(configPath, config);
        if (!read) {
            spdlog::critical("configuration: {}", read.problem().logLine());
            return 2;
        }
        config = std::move(*read);
    }
    if (!a.window.empty()) {
        if (!kiosk::app::parseWindowSize(a.window, config.windowWidth, config.windowHeight)) {
            spdlog::critical("--window: '{}' is not a size like 1920x1080", a.window);
            return 2;
        }
        config.fullscreen = false;
    }
    if (!a.printer.empty()) {
        config.printer = kiosk::app::Config::Printer::Office;
        config.printerQueue = a.printer;
    }
    if (!a.content.empty()) config.content = a.content;
    if (!a.dataDir.empty()) config.dataDir = a.dataDir;
    if (a.languageGiven && a.language.empty()) {
        spdlog::critical("--lang: no language given (one of assets/i18n/LINGUAS, e.g. --lang de)");
        return 2;
    }
    if (!a.language.empty()) config.language = a.language;
    // The kiosk's own words: every language with a .po file in assets/i18n is offered. They are read
    // on a thread of their own (12 ms) while the content, GLFW and the GL driver start; the first
    // reader of a word waits for them (the fonts, at the latest). A language whose .po file gettext
    // cannot read shows German words (the log says why).
    const double wordsFrom = kiosk::app::startMilliseconds();
    kiosk::ui::startLoadingUiStrings(config.assets / "i18n");
    // Every return below waits for the words' thread first: exit then destroys what it reads.
    struct WaitForWords {
        WaitForWords() = default;
        WaitForWords(const WaitForWords&) = delete;
        WaitForWords& operator=(const WaitForWords&) = delete;
        ~WaitForWords() { kiosk::ui::waitForUiStrings(); }
    } waitForWords;
    const std::vector<std::string> languages = kiosk::ui::listedUiLanguages(config.assets / "i18n");
    kiosk::app::startStep("words (started)", wordsFrom);
    if (std::find(languages.begin(), languages.end(), config.language) == languages.end()) {
        std::string known;
        for (const auto& code : languages) known += (known.empty() ? "" : ", ") + code;
        spdlog::critical("{}: '{}' is not a language of this kiosk ({})", a.language.empty() ? "language" : "--lang",
                         config.language, known);
        return 2;
    }
    if (!a.trustedKeys.empty()) config.trustedKeys = a.trustedKeys;

    kiosk::app::RunOptions options;
    if (!a.now.empty()) {
        options.fixedTime = parseLocalTime(a.now);
        if (!options.fixedTime) {
            spdlog::critical("--now: '{}' is not a time like 2026-11-26T10:00 (a real date from 1970 to 2199, nothing "
                             "after the minutes)", a.now);
            return 2;
        }
    }
    if (auto done = contentCommand(a, config)) return *done;
    const double contentFrom = kiosk::app::startMilliseconds();
    auto loaded = kiosk::content::loadKioskContent(config.content, config.dataDir);
    kiosk::app::startStep("content", contentFrom);
    if (auto done = contentTask(a, config, loaded)) return *done;
    // Moved, not copied, on to the kiosk: one catalog in memory.
    return startKiosk(a, config, std::move(loaded), std::move(options));
}
