// Every reason the importer can give for refusing a content pack is said on the kiosk's screen in
// the reader's language, naming the same values as the importer's English words.
#include "kiosk/content/pack_refusal.hpp"
#include "kiosk/ui/strings.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>

namespace {

using kiosk::content::Refusal;

std::size_t placeholders(std::string_view text) {
    std::size_t count = 0;
    for (auto at = text.find("{}"); at != std::string_view::npos; at = text.find("{}", at + 2)) ++count;
    return count;
}

}  // namespace

TEST_CASE("every refusal of a content pack has a German text with the same values", "[refusal]") {
    std::set<std::string_view> names;
    for (int i = 0; i <= static_cast<int>(kiosk::content::kLastRefusal); ++i) {
        const auto code = static_cast<Refusal>(i);
        const kiosk::core::Problem problem(code);
        INFO(problem.key());
        CHECK(names.insert(problem.name()).second);  // each code has a name of its own
        const std::string english(problemEnglish(code));
        const std::string& german = kiosk::ui::tr(problem.key(), "de");
        CHECK(german != problem.key());
        CHECK(german != english);
        CHECK(placeholders(german) == placeholders(english));
    }
}

TEST_CASE("a refusal is said in English with the values it names", "[refusal]") {
    CHECK(kiosk::core::Problem(Refusal::OlderVersion, {"3", "5"}).english() ==
          "The content pack has version 3, which is older than the content in use (version 5).");
    CHECK(kiosk::core::Problem(Refusal::OlderVersion, {"3", "5"}).key() == "refusal.older-version");
}

TEST_CASE("a refusal is said in the reader's language with its values", "[refusal]") {
    const kiosk::core::Problem problem(Refusal::OlderVersion, {"3", "5"});
    const std::string german = kiosk::ui::problemText(problem, "de");
    CHECK(german.find('3') != std::string::npos);
    CHECK(german.find('5') != std::string::npos);
    CHECK(german != problem.english());
}
