// The editor's own words: readable, and every German one translated into English.
#include "kiosk/i18n/strings.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the editor's words are read beside the kiosk's and all have English", "[editing]") {
    REQUIRE(kiosk::i18n::loadUiStrings(KIOSK_ASSETS "/i18n").empty());
    REQUIRE(kiosk::i18n::addUiStrings(KIOSK_ASSETS "/i18n/editor").empty());
    CHECK(kiosk::i18n::tr("editor.stick.done", "de").find("abziehen") != std::string::npos);
    CHECK(kiosk::i18n::tr("editor.stick.done", "en").find("pull the stick") != std::string::npos);
    CHECK(kiosk::i18n::untranslatedKeys("en").empty());
    CHECK(kiosk::i18n::tr("editor.save", "tr") == "Speichern");  // no Turkish: German, never the key
}
