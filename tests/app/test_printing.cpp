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
