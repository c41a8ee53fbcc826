// Every reason a family's slip did not come out is said on the screen in the family's language.
#include "kiosk/app/printing.hpp"
#include "kiosk/ui/strings.hpp"

#include <catch2/catch.hpp>

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
