// The kiosk's words from gettext .po files: complete in every language, German where one is missing.
#include "kiosk/ui/strings.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <regex>

using namespace kiosk::ui;

namespace {

void write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file) << text; }

const char* kHeader = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";

size_t placeholders(const std::string& text) {
    size_t count = 0;
    for (size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + 2)) ++count;
    return count;
}

}  // namespace

TEST_CASE("every kiosk string is translated into every language (lists the untranslated ones)", "[strings]") {
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
    REQUIRE(uiLanguages() == std::vector<std::string>{"de", "en", "tr", "ar", "uk", "ru"});
    std::string report;
    for (const auto& language : uiLanguages()) {
        const auto missing = untranslatedKeys(language);
        if (missing.empty()) continue;
        report += "\n" + language + ".po: " + std::to_string(missing.size()) + " untranslated:";
        for (const auto& key : missing) report += " " + key;
    }
    INFO("add the msgstr of these keys (msgctxt) to the .po files in assets/i18n:" << report);
    CHECK(report.empty());
}

TEST_CASE("every translation keeps the German text's placeholders", "[strings]") {
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
    for (const char* key : {"stage.count", "hours.open_until", "hours.opens_on", "update.done_body", "idle.body",
                            "about.content"})
        for (const auto& language : uiLanguages()) {
            INFO(language << ".po, " << key << ": " << tr(key, language));
            CHECK(placeholders(tr(key, language)) == placeholders(tr(key, "de")));
            CHECK(placeholders(tr(key, "de")) > 0);
        }
}

TEST_CASE("each language is named in its own script", "[strings]") {
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
    CHECK(languageEndonym("de") == "Deutsch");
    CHECK(languageEndonym("en") == "English");
    CHECK(languageEndonym("tr") == "Türkçe");
    CHECK(languageEndonym("ar") == "العربية");
    CHECK(languageEndonym("uk") == "Українська");
    CHECK(languageEndonym("ru") == "Русский");
    CHECK(languageName("tr", "de") == "Türkisch");
    CHECK(languageName("fa", "ar") == "الفارسية");
    CHECK(languageName("xx", "de") == "xx");  // an unknown code stays readable
    CHECK(isRightToLeft("ar"));
    for (const char* code : {"de", "en", "tr", "uk", "ru"}) CHECK_FALSE(isRightToLeft(code));
    CHECK(tr("nav.back", "ar") == "رجوع");
    CHECK(tr("nav.back", "uk") == "Назад");
}

TEST_CASE("a missing, empty, fuzzy or outdated translation falls back to German and is listed", "[strings]") {
    kiosk::test::TempFolder dir;
    write(dir.path() / "LINGUAS", "# order of the button\nde xx\n");
    write(dir.path() / "de.po", std::string(kHeader) +
                                    "msgctxt \"a\"\nmsgid \"Eins\"\nmsgstr \"Eins\"\n\n"
                                    "msgctxt \"b\"\nmsgid \"Zwei\"\nmsgstr \"Zwei\"\n\n"
                                    "msgctxt \"c\"\nmsgid \"Drei\"\nmsgstr \"Drei\"\n\n"
                                    "msgctxt \"d\"\nmsgid \"Vier neu\"\nmsgstr \"Vier neu\"\n\n"
                                    "msgctxt \"e\"\nmsgid \"Fünf\"\nmsgstr \"Fünf\"\n");
    write(dir.path() / "xx.po", std::string(kHeader) +
                                    "msgctxt \"a\"\nmsgid \"Eins\"\nmsgstr \"One\"\n\n"
                                    "msgctxt \"b\"\nmsgid \"Zwei\"\nmsgstr \"\"\n\n"
                                    "#, fuzzy\nmsgctxt \"c\"\nmsgid \"Drei\"\nmsgstr \"Tree?\"\n\n"
                                    "msgctxt \"d\"\nmsgid \"Vier\"\nmsgstr \"Four\"\n");
    REQUIRE(loadUiStrings(dir.path()).empty());
    CHECK(uiLanguages() == std::vector<std::string>{"de", "xx"});
    CHECK(tr("a", "xx") == "One");
    CHECK(tr("b", "xx") == "Zwei");  // empty
    CHECK(tr("c", "xx") == "Drei");  // fuzzy
    CHECK(tr("e", "xx") == "Fünf");  // missing
    CHECK(tr("nope", "xx") == "nope");
    // "d" was translated from an older German text: shown until updated, but listed.
    CHECK(untranslatedKeys("xx") == std::vector<std::string>{"b", "c", "d", "e"});
    CHECK(untranslatedKeys("de").empty());
}

TEST_CASE("a .po file dropped in adds a language, a broken one is reported and the rest still works", "[strings]") {
    kiosk::test::TempFolder dir;
    write(dir.path() / "de.po", std::string(kHeader) + "msgctxt \"a\"\nmsgid \"Eins\"\nmsgstr \"Eins\"\n");
    write(dir.path() / "fr.po", std::string(kHeader) + "msgctxt \"a\"\nmsgid \"Eins\"\nmsgstr \"Un\"\n");
    write(dir.path() / "pl.po", std::string(kHeader) + "msgctxt \"a\"\nmsgid \"Eins\"\nmsgtsr \"Jeden\"\n");
    write(dir.path() / "ro.po", std::string(kHeader) + "msgctxt \"a\"\nmsgid \"Eins\"\nmsgstr \"Unu\n");
    std::string problem;  // no LINGUAS: every .po file, German first
    for (const kiosk::core::Problem& each : loadUiStrings(dir.path())) {
        CHECK(each.is(TranslationProblem::Unreadable));
        problem += each.logLine() + "\n";
    }
    INFO(problem);
    CHECK(std::regex_search(problem, std::regex("pl\\.po:[0-9]+: keyword \"msgtsr\" unknown")));
    CHECK(std::regex_search(problem, std::regex("ro\\.po:[0-9]+: end-of-line within string")));
    CHECK(uiLanguages() == std::vector<std::string>{"de", "fr"});
    CHECK(tr("a", "fr") == "Un");
    CHECK(tr("a", "pl") == "Eins");
    CHECK(tr("a", "ro") == "Eins");
}

TEST_CASE("a translation whose placeholders differ from German's shows German, is reported, and never throws",
          "[strings]") {
    kiosk::test::TempFolder dir;
    write(dir.path() / "LINGUAS", "de xx\n");
    write(dir.path() / "de.po", std::string(kHeader) +
                                    "msgctxt \"left\"\nmsgid \"Noch {} Sekunden\"\nmsgstr \"\"\n\n"
                                    "msgctxt \"count\"\nmsgid \"{} Angebote\"\nmsgstr \"\"\n\n"
                                    "msgctxt \"until\"\nmsgid \"bis {}\"\nmsgstr \"\"\n\n"
                                    "msgctxt \"time\"\nmsgid \"um {:02}\"\nmsgstr \"\"\n\n"
                                    "msgctxt \"plain\"\nmsgid \"Zurück\"\nmsgstr \"\"\n\n"
                                    "msgctxt \"good\"\nmsgid \"{} von {}\"\nmsgstr \"\"\n");
    write(dir.path() / "xx.po", std::string(kHeader) +
                                    "msgctxt \"left\"\nmsgid \"Noch {} Sekunden\"\nmsgstr \"A few seconds\"\n\n"
                                    "msgctxt \"count\"\nmsgid \"{} Angebote\"\nmsgstr \"{} offers in {}\"\n\n"
                                    "msgctxt \"until\"\nmsgid \"bis {}\"\nmsgstr \"until {\"\n\n"
                                    "msgctxt \"time\"\nmsgid \"um {:02}\"\nmsgstr \"at {}\"\n\n"
                                    "msgctxt \"plain\"\nmsgid \"Zurück\"\nmsgstr \"Back {}\"\n\n"
                                    "msgctxt \"good\"\nmsgid \"{} von {}\"\nmsgstr \"{} of {}\"\n");
    const std::vector<kiosk::core::Problem> problems = loadUiStrings(dir.path());
    std::vector<std::string> reported;
    for (const kiosk::core::Problem& problem : problems) {
        CHECK(problem.is(TranslationProblem::Placeholders));
        REQUIRE(problem.values().size() == 2);
        CHECK(problem.values()[0] == "xx");
        reported.push_back(problem.values()[1]);
    }
    std::sort(reported.begin(), reported.end());
    CHECK(reported == std::vector<std::string>{"count", "left", "plain", "time", "until"});
    CHECK(tr("left", "xx") == "Noch {} Sekunden");
    CHECK(tr("count", "xx") == "{} Angebote");
    CHECK(tr("until", "xx") == "bis {}");
    CHECK(tr("plain", "xx") == "Zurück");
    CHECK(tr("good", "xx") == "{} of {}");  // a sound translation stays
    // What a frame does with them: one value each, formatted, and nothing throws.
    for (const char* key : {"left", "count", "until", "plain"}) {
        INFO(key);
        CHECK_NOTHROW(fmt::format(fmt::runtime(tr(key, "xx")), 7));
    }
    CHECK(fmt::format(fmt::runtime(tr("time", "xx")), 5) == "um 05");
    CHECK(fmt::format(fmt::runtime(tr("good", "xx")), 1, 2) == "1 of 2");
}

namespace {
enum class SampleProblem { OlderVersion, Unknown };
std::string_view problemDomain(SampleProblem) { return "refusal"; }
std::string_view problemName(SampleProblem code) {
    return code == SampleProblem::OlderVersion ? "older-version" : "no-such-code";
}
std::string_view problemEnglish(SampleProblem code) {
    return code == SampleProblem::OlderVersion ? "version {} is older than {}" : "nothing known about {}";
}
}  // namespace

TEST_CASE("a problem is said in the reader's language, or in English where the kiosk has no words", "[strings]") {
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
    const kiosk::core::Problem older(SampleProblem::OlderVersion, {"3", "5"});
    const std::string german = kiosk::ui::problemText(older, "de");
    CHECK(german.find('3') != std::string::npos);
    CHECK(german.find('5') != std::string::npos);
    CHECK(german != older.english());
    CHECK(kiosk::ui::problemText(kiosk::core::Problem(SampleProblem::Unknown, {"x"}), "de") == "nothing known about x");
}

namespace {
enum class Mistakes { Content };
std::string_view problemDomain(Mistakes) { return "refusal"; }
std::string_view problemName(Mistakes) { return "content-mistakes"; }
std::string_view problemEnglish(Mistakes) { return "{} mistakes: {}"; }
}  // namespace

TEST_CASE("a count takes its language's plural form: 1 Akteur, 2 Akteure, 21 учасник, 3 جهات", "[strings][plural]") {
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
    CHECK(countText("pro.actors_count", "de", 1) == "1 Akteur auf der Karte");
    CHECK(countText("pro.actors_count", "de", 0) == "0 Akteure auf der Karte");
    CHECK(countText("pro.actors_count", "de", 23) == "23 Akteure auf der Karte");
    CHECK(countText("stage.count", "en", 1) == "1 offer");
    CHECK(countText("stage.count", "en", 35) == "35 offers");
    CHECK(countText("pro.actors_count", "uk", 21) == "21 учасник на карті");
    CHECK(countText("pro.actors_count", "uk", 3) == "3 учасники на карті");
    CHECK(countText("pro.actors_count", "uk", 11) == "11 учасників на карті");
    CHECK(countText("idle.body", "ru", 2).rfind("Через 2 секунды", 0) == 0);
    CHECK(countText("idle.body", "ru", 5).rfind("Через 5 секунд ", 0) == 0);
    CHECK(countText("pro.actors_count", "ar", 2) == "2 جهتان على الخريطة");
    CHECK(countText("pro.actors_count", "ar", 3) == "3 جهات على الخريطة");
    CHECK(countText("pro.actors_count", "tr", 1) == "Haritada 1 kurum");
    CHECK(countText("staff.pin_wrong", "de", 1) == "Falsche PIN. Noch 1 Versuch, dann wird gesperrt.");
    // A language without the key, and a key without plural forms, behave as tr() does.
    CHECK(countText("pro.actors_count", "xx", 1) == "1 Akteur auf der Karte");
    CHECK(trn("sample.tag", "de", 3) == tr("sample.tag", "de"));
    // A problem's text takes the form of its first number.
    CHECK(problemText(kiosk::core::Problem(Mistakes::Content, {"1", "offers.yaml"}), "en") ==
          "The content in the pack has 1 mistake and was not taken: offers.yaml.");
    CHECK(problemText(kiosk::core::Problem(Mistakes::Content, {"4", "offers.yaml"}), "en") ==
          "The content in the pack has 4 mistakes and was not taken: offers.yaml.");
}

TEST_CASE("plural forms: every form keeps German's placeholders, a wrong number of forms shows German", "[strings][plural]") {
    kiosk::test::TempFolder dir;
    write(dir.path() / "LINGUAS", "de xx yy\n");
    const std::string header = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n";
    write(dir.path() / "de.po", header + "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
                                         "msgctxt \"n\"\nmsgid \"{} Akteur\"\nmsgid_plural \"{} Akteure\"\n"
                                         "msgstr[0] \"\"\nmsgstr[1] \"\"\n");
    write(dir.path() / "xx.po", header + "\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);\\n\"\n\n"
                                         "msgctxt \"n\"\nmsgid \"{} Akteur\"\nmsgid_plural \"{} Akteure\"\n"
                                         "msgstr[0] \"{} one\"\nmsgstr[1] \"{} two\"\n");  // three forms wanted
    write(dir.path() / "yy.po", header + "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
                                         "msgctxt \"n\"\nmsgid \"{} Akteur\"\nmsgid_plural \"{} Akteure\"\n"
                                         "msgstr[0] \"{} one\"\nmsgstr[1] \"many\"\n");  // lost its placeholder
    const auto problems = loadUiStrings(dir.path());
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].is(TranslationProblem::PluralForms));
    CHECK(problems[1].is(TranslationProblem::Placeholders));
    CHECK(countText("n", "de", 1) == "1 Akteur");  // German's untranslated forms are msgid and msgid_plural
    CHECK(countText("n", "de", 2) == "2 Akteure");
    CHECK(countText("n", "xx", 2) == "2 Akteure");
    CHECK(countText("n", "yy", 5) == "5 Akteure");
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
}

// The kiosk's start reads its words on a thread of their own while GLFW and the GL driver start: the
// first word read meanwhile is the new one (never the build's own words, never a half-made table).
TEST_CASE("words read on a thread of their own: a word asked for meanwhile waits for them", "[strings]") {
    kiosk::test::TempFolder dir;
    std::string po = std::string(kHeader);
    for (int i = 0; i < 2000; ++i)  // long enough that reading it takes a while
        po += fmt::format("msgctxt \"key.{}\"\nmsgid \"Wort {}\"\nmsgstr \"Wort {}\"\n\n", i, i, i);
    po += "msgctxt \"home.title\"\nmsgid \"Neu geladen\"\nmsgstr \"Neu geladen\"\n";
    write(dir.path() / "de.po", po);
    write(dir.path() / "en.po", std::string(kHeader) + "msgctxt \"home.title\"\nmsgid \"Neu geladen\"\nmsgstr \"Loaded anew\"\n");
    write(dir.path() / "LINGUAS", "de en\n");
    CHECK(listedUiLanguages(dir.path()) == std::vector<std::string>{"de", "en"});
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
    REQUIRE(tr("home.title", "de") != "Neu geladen");

    startLoadingUiStrings(dir.path());
    CHECK(tr("home.title", "de") == "Neu geladen");
    CHECK(tr("home.title", "en") == "Loaded anew");
    CHECK(tr("key.1999", "de") == "Wort 1999");
    CHECK(uiLanguages() == std::vector<std::string>{"de", "en"});
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());

    // A load asked for while the thread still reads comes after it (the two once wrote one table
    // at the same time): its words are the ones that stay.
    startLoadingUiStrings(dir.path());
    REQUIRE(loadUiStrings(KIOSK_I18N_DIR).empty());
    CHECK(tr("home.title", "de") != "Neu geladen");
    CHECK(tr("key.1999", "de") == "key.1999");
}

TEST_CASE("the languages listed are those with a .po file, without reading them", "[strings]") {
    kiosk::test::TempFolder dir;
    write(dir.path() / "LINGUAS", "de tr xx\n");
    write(dir.path() / "de.po", "not a po file at all");
    write(dir.path() / "tr.po", "");
    CHECK(listedUiLanguages(dir.path()) == std::vector<std::string>{"de", "tr"});
}
