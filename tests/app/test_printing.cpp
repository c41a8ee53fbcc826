// Every reason a family's slip did not come out is said on the screen in the family's language,
// also when the print helper (familienkiosk-print) crashes, hangs or is missing.
#include "kiosk/app/printing.hpp"
#include "kiosk/platform/print_request.hpp"
#include "kiosk/ui/strings.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using kiosk::app::PrintingProblem;

TEST_CASE("every print problem has words in every language of the kiosk", "[printing]") {
    REQUIRE(kiosk::ui::loadUiStrings(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/i18n").empty());
    for (const auto code : {PrintingProblem::NoPrinter, PrintingProblem::Paused, PrintingProblem::OutOfPaper,
                            PrintingProblem::Failed}) {
        const kiosk::core::Problem problem(code, {}, "queue Empfang: job 12 stopped");
        for (const auto& language : kiosk::ui::uiLanguages()) {
            INFO(problem.key() << " in " << language);
            const std::string words = kiosk::ui::problemText(problem, language);
            CHECK(words != problem.english());  // from the .po file, not the log's English
            CHECK(words.find("job 12") == std::string::npos);  // the detail is for the log only
        }
    }
    CHECK(kiosk::ui::problemText(kiosk::core::Problem(PrintingProblem::OutOfPaper), "de") ==
          "Der Drucker hat kein Papier mehr. Bitte fragen Sie am Empfang.");
}

TEST_CASE("without a printer the slip is refused as no printer, naming the setting in the log", "[printing]") {
    kiosk::app::Config config = kiosk::app::defaultConfig();
    config.printer = kiosk::app::Config::Printer::None;
    const auto printed = kiosk::app::printSlip(config, kiosk::core::Slip{});
    REQUIRE_FALSE(printed);
    CHECK(printed.problem().is(PrintingProblem::NoPrinter));
    CHECK(printed.problem().key() == "print.no_printer");
    CHECK_THAT(printed.problem().detail(), Catch::Contains("printer: none"));
}

TEST_CASE("the slip names the network's office as the place to ask, in the family's language, nothing personal",
          "[printing][professionals]") {
    REQUIRE(kiosk::ui::loadUiStrings(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/i18n").empty());
    kiosk::core::Catalog catalog;
    catalog.network.phone = "0711 3902-42650";
    const kiosk::core::LocalDateTime now{{2027, 1, 11}, 9 * 60};
    CHECK(kiosk::app::makeSlip(catalog, {}, "de", "Foyer", now).labels.askNetwork ==
          "Fragen? Die Geschäftsstelle des Präventionsnetzwerks hilft weiter: 0711 3902-42650");
    CHECK(kiosk::app::makeSlip(catalog, {}, "en", "Foyer", now).labels.askNetwork ==
          "Questions? The prevention network's office will help: 0711 3902-42650");
    catalog.network.phone.clear();  // no number: no line
    CHECK(kiosk::app::makeSlip(catalog, {}, "de", "Foyer", now).labels.askNetwork.empty());
}

namespace {

// A stand-in for familienkiosk-print: a shell script with the given body, made executable.
std::filesystem::path fakeHelper(const kiosk::test::TempFolder& folder, const std::string& body) {
    const auto path = folder.path() / "familienkiosk-print";
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
}

kiosk::app::Config officePrinter() {
    kiosk::app::Config config = kiosk::app::defaultConfig();
    config.printer = kiosk::app::Config::Printer::Office;
    config.printerQueue = "Empfang";
    return config;
}

kiosk::app::PrintHelper helperAt(const std::filesystem::path& program) {
    kiosk::app::PrintHelper helper;
    helper.program = program;
    helper.printBound = std::chrono::seconds(1);
    helper.checkBound = std::chrono::seconds(1);
    return helper;
}

std::string familyWords(const kiosk::core::Result<std::string>& printed) {
    return printed ? std::string("printed") : kiosk::ui::problemText(printed.problem(), "de");
}

}  // namespace

TEST_CASE("the print helper gets the slip and the printer, and its answer is what the family is told",
          "[printing]") {
    REQUIRE(kiosk::ui::loadUiStrings(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/i18n").empty());
    kiosk::test::TempFolder folder;
    const auto request = folder.path() / "request";
    const auto helper = helperAt(fakeHelper(folder, "cat >'" + request.string() + "'; echo 'problem out-of-paper queue Empfang: media-empty'; exit 1"));
    kiosk::core::Slip slip;
    slip.labels.heading = "Ihre Hilfe-Liste";
    slip.entries.push_back({"Kindergeld", "Geld für Kinder", "Familienkasse", "", "Esslingen", "0800", "", "https://x"});
    const auto printed = kiosk::app::printSlip(officePrinter(), slip, helper);
    CHECK(familyWords(printed) == "Der Drucker hat kein Papier mehr. Bitte fragen Sie am Empfang.");
    CHECK_THAT(printed.problem().detail(), Catch::Contains("media-empty"));
    std::ifstream in(request);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto decoded = kiosk::platform::decodePrintRequest(bytes);
    REQUIRE(decoded);
    CHECK(decoded->queue == "Empfang");
    REQUIRE(decoded->slip.entries.size() == 1);
    CHECK(decoded->slip.entries[0].title == "Kindergeld");
    CHECK(decoded->slip.labels.heading == "Ihre Hilfe-Liste");
}

TEST_CASE("a print helper that crashes, hangs, is missing or talks nonsense is a plain message, not the kiosk's end",
          "[printing]") {
    REQUIRE(kiosk::ui::loadUiStrings(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/i18n").empty());
    const std::string failed = kiosk::ui::problemText(kiosk::core::Problem(PrintingProblem::Failed), "de");
    const std::string unreachable = kiosk::ui::problemText(kiosk::core::Problem(PrintingProblem::NoPrinter), "de");
    kiosk::test::TempFolder folder;
    const kiosk::core::Slip slip;
    SECTION("a crash in a printer driver") {
        const auto printed = kiosk::app::printSlip(officePrinter(), slip, helperAt(fakeHelper(folder, "cat >/dev/null; kill -SEGV $$")));
        CHECK(familyWords(printed) == failed);
        CHECK_THAT(printed.problem().detail(), Catch::Contains("crashed (signal 11)"));
    }
    SECTION("a hang: stopped after its bound, and said so") {
        const auto printed = kiosk::app::printSlip(officePrinter(), slip, helperAt(fakeHelper(folder, "exec sleep 600")));
        CHECK(familyWords(printed) == unreachable);
        CHECK_THAT(printed.problem().detail(), Catch::Contains("did not finish in 1 s and was stopped"));
        const auto checked = kiosk::app::checkPrinter(officePrinter(), helperAt(fakeHelper(folder, "exec sleep 600")));
        REQUIRE_FALSE(checked);
        CHECK(checked.problem().key() == "printer.failed");
    }
    SECTION("no helper installed") {
        const auto printed = kiosk::app::printSlip(officePrinter(), slip, helperAt(folder.path() / "nothing-here"));
        CHECK(familyWords(printed) == failed);
        CHECK_THAT(printed.problem().detail(), Catch::Contains("could not be started"));
    }
    SECTION("an answer that is none") {
        const auto printed = kiosk::app::printSlip(officePrinter(), slip, helperAt(fakeHelper(folder, "echo Speicherzugriffsfehler")));
        CHECK(familyWords(printed) == failed);
    }
}

TEST_CASE("the printer check for the receptionist hears the printer's own problem from the helper", "[printing][staff]") {
    kiosk::test::TempFolder folder;
    const auto checked =
        kiosk::app::checkPrinter(officePrinter(), helperAt(fakeHelper(folder, "cat >/dev/null; echo 'problem paused queue Empfang: stopped'")));
    REQUIRE_FALSE(checked);
    CHECK(checked.problem().is(kiosk::platform::PrintProblem::Paused));
    const auto ready = kiosk::app::checkPrinter(officePrinter(), helperAt(fakeHelper(folder, "cat >/dev/null; echo 'ok queue Empfang: idle'")));
    REQUIRE(ready);
    CHECK(*ready == "queue Empfang: idle");
}
