// gettext's plural rules: the form each number takes in the kiosk's six languages, and headers
// that are not rules refused (never a crash, never a form out of range).
#include "kiosk/core/plural_rule.hpp"

#include <catch2/catch.hpp>

#include <string>

using kiosk::core::PluralRule;

namespace {

// The headers of assets/i18n/*.po.
constexpr const char* kGermanic = "nplurals=2; plural=(n != 1);";
constexpr const char* kEastSlavic =
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
constexpr const char* kArabic =
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);";

int form(const char* header, std::uint64_t n) {
    auto rule = PluralRule::parse(header);
    REQUIRE(rule);
    return rule->formFor(n);
}

}  // namespace

TEST_CASE("German and English: 1 Akteur, 0 and 2 Akteure", "[plural]") {
    CHECK(form(kGermanic, 1) == 0);
    CHECK(form(kGermanic, 0) == 1);
    CHECK(form(kGermanic, 2) == 1);
    CHECK(form(kGermanic, 21) == 1);
    CHECK(PluralRule::parse(kGermanic)->forms() == 2);
    CHECK(PluralRule().formFor(1) == 0);  // the rule without a header is German's
    CHECK(PluralRule().formFor(5) == 1);
}

TEST_CASE("Ukrainian and Russian: one (1, 21, 101), few (2-4, 22-24), many (0, 5-20, 111)", "[plural]") {
    for (std::uint64_t n : {1, 21, 31, 101, 1001}) CHECK(form(kEastSlavic, n) == 0);
    for (std::uint64_t n : {2, 3, 4, 22, 24, 102}) CHECK(form(kEastSlavic, n) == 1);
    for (std::uint64_t n : {0, 5, 11, 12, 14, 19, 20, 25, 111, 112}) CHECK(form(kEastSlavic, n) == 2);
}

TEST_CASE("Arabic: zero, one, two, few (3-10), many (11-99), other (100-102)", "[plural]") {
    CHECK(form(kArabic, 0) == 0);
    CHECK(form(kArabic, 1) == 1);
    CHECK(form(kArabic, 2) == 2);
    for (std::uint64_t n : {3, 10, 103, 110}) CHECK(form(kArabic, n) == 3);
    for (std::uint64_t n : {11, 23, 99, 111}) CHECK(form(kArabic, n) == 4);
    for (std::uint64_t n : {100, 101, 102, 200}) CHECK(form(kArabic, n) == 5);
    CHECK(PluralRule::parse(kArabic)->forms() == 6);
}

TEST_CASE("Turkish's one form, C's operators and precedence as gettext evaluates them", "[plural]") {
    CHECK(form("nplurals=1; plural=0;", 1) == 0);
    CHECK(form("nplurals=1; plural=0;", 7) == 0);
    CHECK(form("nplurals=3; plural=n%3;", 5) == 2);
    CHECK(form("nplurals=3; plural=1 + 1 * 0;", 9) == 1);        // * before +
    CHECK(form("nplurals=3; plural=!(n == 1) + !n;", 0) == 2);  // ! on a group and on n
    CHECK(form("nplurals=3; plural=n > 5 ? 2 : n >= 2;", 3) == 1);
    CHECK(form("nplurals=2; plural=n / 0;", 4) == 0);  // division by zero is 0, not a crash
}

TEST_CASE("a header that is not a rule is refused, a rule never names a form it lacks", "[plural]") {
    for (const char* bad : {"", "plural=(n != 1);", "nplurals=2;", "nplurals=x; plural=n;", "nplurals=0; plural=0;",
                            "nplurals=2; plural=(n != 1;", "nplurals=2; plural=n = 1;", "nplurals=2; plural=m;",
                            "nplurals=2; plural=n ? 1;", "nplurals=2; plural=1 2;"})
        CHECK_FALSE(PluralRule::parse(bad));
    std::string deep = "nplurals=2; plural=";
    for (int i = 0; i < 100000; ++i) deep += '(';
    CHECK_FALSE(PluralRule::parse(deep));  // nesting is bounded: no stack overflow
    CHECK(form("nplurals=2; plural=n;", 7) == 1);  // a rule's 7 is past the last form: the last form
}
