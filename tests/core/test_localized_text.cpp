// Unit tests for translatable texts: a missing translation shows German, never an empty label.
#include "kiosk/core/localized_text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace kiosk::core;

TEST_CASE("a text is shown in the chosen language when it has one", "[localized_text]") {
    const LocalizedText text{{"de", "Kindergeld"}, {"en", "Child benefit"}};
    CHECK(text.get("de") == "Kindergeld");
    CHECK(text.get("en") == "Child benefit");
}

TEST_CASE("a missing translation falls back to German", "[localized_text]") {
    const LocalizedText text{{"en", "Child benefit"}, {"de", "Kindergeld"}};
    CHECK(text.get("tr") == "Kindergeld");
    CHECK_FALSE(text.has("tr"));
}

TEST_CASE("an empty translation falls back to German", "[localized_text]") {
    const LocalizedText text{{"de", "Kindergeld"}, {"en", ""}};
    CHECK(text.get("en") == "Kindergeld");
    CHECK_FALSE(text.has("en"));
    CHECK(text.has("de"));
}

TEST_CASE("a text without German and without the language is empty", "[localized_text]") {
    const LocalizedText text{{"en", "Child benefit"}};
    CHECK(text.get("tr").empty());
    CHECK(text.get("de").empty());
    CHECK(LocalizedText{}.get("de").empty());
    CHECK(LocalizedText{}.empty());
    CHECK_FALSE(text.empty());
}

TEST_CASE("setting a language again replaces its text and keeps the order", "[localized_text]") {
    LocalizedText text;
    text.set("de", "Kindergeld");
    text.set("en", "Child benefit");
    text.set("de", "Kindergeld beantragen");
    CHECK(text.get("de") == "Kindergeld beantragen");
    using Values = std::vector<std::pair<std::string, std::string>>;
    CHECK(text.values() == Values{{"de", "Kindergeld beantragen"}, {"en", "Child benefit"}});
}

TEST_CASE("values are filled into a message in order", "[localized_text]") {
    CHECK(fillIn("Version {} vom {}.", {"7", "26.11.2026"}) == "Version 7 vom 26.11.2026.");
    CHECK(fillIn("Das Paket ist nicht signiert.", {"unused"}) == "Das Paket ist nicht signiert.");
    // A translation that names more values than there are keeps the rest visible, never crashes.
    CHECK(fillIn("{} und {}", {"eins"}) == "eins und {}");
}

TEST_CASE("a message's placeholders are listed whole, and a lone brace on its own", "[localized_text]") {
    using Found = std::vector<std::string>;
    CHECK(kiosk::core::placeholdersOf("Noch {} Sekunden") == Found{"{}"});
    CHECK(kiosk::core::placeholdersOf("{} von {:02}") == Found{"{}", "{:02}"});
    CHECK(kiosk::core::placeholdersOf("no values") == Found{});
    CHECK(kiosk::core::placeholdersOf("open { until } {x") == Found{"{ until }", "{"});
    CHECK(kiosk::core::placeholdersOf("a } b {{}") == Found{"}", "{", "{}"});
}
