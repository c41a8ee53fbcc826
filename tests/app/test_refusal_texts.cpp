// Every reason the importer can give for refusing a content pack is said on the kiosk's screen in
// the reader's language, naming the same values as the importer's English words.
#include "kiosk/content/pack.hpp"
#include "kiosk/ui/strings.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

namespace {

std::size_t placeholders(std::string_view text) {
    std::size_t count = 0;
    for (auto at = text.find("{}"); at != std::string_view::npos; at = text.find("{}", at + 2)) ++count;
    return count;
}

}  // namespace

TEST_CASE("every refusal of a content pack has a German text with the same values", "[refusal]") {
    for (const auto& [code, english] : kiosk::content::refusalTexts()) {
        const std::string key = "refusal." + std::string(code);
        INFO(key);
        const std::string& german = kiosk::ui::tr(key, "de");
        CHECK(german != key);
        CHECK(german != english);
        CHECK(placeholders(german) == placeholders(english));
    }
}

TEST_CASE("a refusal is said in English with the values it names", "[refusal]") {
    CHECK(kiosk::content::englishText({"older-version", {"3", "5"}}) ==
          "The content pack has version 3, which is older than the content in use (version 5).");
    CHECK(kiosk::content::englishText({"no-such-code", {}}) == "no-such-code");
}
