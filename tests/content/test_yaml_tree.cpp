// Unit tests for the content check's YAML reader: values mean what they meant with yaml-cpp (an author's
// file is checked the same), and hostile files are refused with a line, never a crash or a runaway.
#include "kiosk/content/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

using namespace kiosk;
using namespace kiosk::content;

namespace {

std::shared_ptr<const YamlTree> parsed(const std::string& text) {
    auto tree = parseYamlTree(text, "test.yaml");
    INFO(text);
    REQUIRE(tree);
    return *tree;
}

core::Problem refused(const std::string& text) {
    auto tree = parseYamlTree(text, "test.yaml");
    REQUIRE_FALSE(tree);
    return tree.problem();
}

}  // namespace

TEST_CASE("null, words, lists and maps read as yaml-cpp read them", "[yaml_tree]") {
    const auto tree = parsed("a: ~\nb: null\nc:\nd: \"null\"\ne: 'x'\nf: [1, two]\ng: {h: i}\nk: NULL\n");
    const YamlNode root = tree->root();
    REQUIRE(root.isMap());
    CHECK(root.size() == 8);
    CHECK(root["a"].isNull());
    CHECK(root["b"].isNull());
    CHECK(root["c"].isNull());
    CHECK(root["k"].isNull());
    CHECK(root["d"].isScalar());  // quoted: a word, not nothing
    CHECK(root["d"].text() == "null");
    CHECK(root["a"].text() == "null");  // as yaml-cpp's as<std::string>() of a null
    CHECK(root["e"].scalar() == "x");
    CHECK(root["f"].isSequence());
    CHECK(root["f"].size() == 2);
    CHECK(root["f"][std::size_t{1}].scalar() == "two");
    CHECK(root["g"]["h"].scalar() == "i");
    CHECK_FALSE(root["missing"]);
    CHECK_FALSE(root["f"]["h"]);  // a list has no keys
    CHECK(root["g"].line() == 7);
    CHECK_THROWS_AS(root["f"].text(), YamlShapeError);
}

TEST_CASE("flags and numbers read as yaml-cpp read them", "[yaml_tree]") {
    const auto tree = parsed("[true, True, TRUE, tRUE, yes, on, y, false, Off, n, maybe, 48.7388, '9.5', 1e2, .nan, "
                             "-.inf, 48.7x, '']");
    auto at = [&](std::size_t i) { return tree->root()[i]; };
    for (std::size_t i : {0, 1, 2, 4, 5, 6}) CHECK(at(i).boolean() == std::optional<bool>(true));
    for (std::size_t i : {7, 8, 9}) CHECK(at(i).boolean() == std::optional<bool>(false));
    CHECK_FALSE(at(3).boolean());
    CHECK_FALSE(at(10).boolean());
    CHECK(at(11).number() == std::optional<double>(48.7388));
    CHECK(at(12).number() == std::optional<double>(9.5));
    CHECK(at(13).number() == std::optional<double>(100.0));
    REQUIRE(at(14).number());
    CHECK(std::isnan(*at(14).number()));
    CHECK(at(15).number() == std::optional<double>(-INFINITY));
    CHECK_FALSE(at(16).number());
    CHECK_FALSE(at(17).number());
}

TEST_CASE("escapes, block texts and aliases give the text an author meant", "[yaml_tree]") {
    const auto tree = parsed("a: \"Kinder\\0geld\"\nb: |\n  eins\n  zwei\nc: &t {de: Geld}\nd: *t\n");
    const YamlNode root = tree->root();
    CHECK(root["a"].scalar() == std::string("Kinder\0geld", 11));
    CHECK(root["b"].scalar() == "eins\nzwei\n");
    CHECK(root["d"]["de"].scalar() == "Geld");
    CHECK(root["d"].isAlias());
}

TEST_CASE("a key written twice or a list as a key is found with its line", "[yaml_tree]") {
    auto twice = keyProblem(parsed("- id: a\n  title: x\n  title: y\n")->root(), "test.yaml");
    REQUIRE(twice);
    CHECK(twice->is(YamlProblem::KeyTwice));
    CHECK(twice->values() == std::vector<std::string>{"test.yaml", "3", "title"});

    std::string many = "{";  // a long map is checked with a hash set
    for (int i = 0; i < 100; ++i) many += "k" + std::to_string(i) + ": 1, ";
    CHECK(keyProblem(parsed(many + "}")->root(), "test.yaml") == std::nullopt);
    auto late = keyProblem(parsed(many + "k50: 2}")->root(), "test.yaml");
    REQUIRE(late);
    CHECK(late->values().at(2) == "k50");

    auto complex = keyProblem(parsed("a:\n  ? [b, c]\n  : d\n")->root(), "test.yaml");
    REQUIRE(complex);
    CHECK(complex->is(YamlProblem::ComplexKey));
    CHECK(complex->values().at(1) == "2");
}

TEST_CASE("broken or hostile YAML is refused with its line", "[yaml_tree]") {
    auto broken = refused("a: b\nicon: baby: broken\n");
    CHECK(broken.is(YamlProblem::NotYaml));
    CHECK(broken.values().at(1) == "2");
    CHECK(refused("a: *nowhere\n").values().at(2) == "the referenced anchor is not defined");
    CHECK(refused("a: &x [*x]\n").values().at(2) == "the referenced anchor is not defined");  // no node in itself
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(refused(deep).values().at(2).find("nested deeper than") != std::string::npos);
    CHECK(parsed(std::string(400, '[') + std::string(400, ']'))->root().isSequence());
}

TEST_CASE("an empty file is null, and of several documents the first counts", "[yaml_tree]") {
    CHECK(parsed("")->root().isNull());
    CHECK(parsed("# nur ein Kommentar\n")->root().isNull());
    const auto tree = parsed("a: 1\n---\nb: 2\n");
    CHECK(tree->root()["a"].scalar() == "1");
    CHECK_FALSE(tree->root()["b"]);
}

namespace {

// A node and all below it as text: kinds, lines and words (aliases as their target, marked).
std::string dump(YamlNode node) {
    std::string text = std::to_string(node.line()) + (node.isAlias() ? "*" : "");
    if (node.isNull()) return text + "~";
    if (node.isScalar()) return text + "'" + std::string(node.scalar()) + "'";
    text += node.isMap() ? "{" : "[";
    if (node.isMap())
        for (const YamlEntry entry : node.entries()) text += dump(entry.first) + ":" + dump(entry.second) + ",";
    else
        for (const YamlNode element : node.elements()) text += dump(element) + ",";
    return text + (node.isMap() ? "}" : "]");
}

// The elements of a whole list's parts, one after another, as dump() shows them; nothing when a part fails.
std::optional<std::string> partsDump(const std::vector<YamlPart>& parts) {
    std::string text;
    for (const YamlPart& part : parts) {
        auto tree = parseYamlTree(part.text, "test.yaml", part.firstLine);
        if (!tree || !(*tree)->root().isSequence()) return std::nullopt;
        for (const YamlNode element : (*tree)->root().elements()) text += dump(element) + ",";
    }
    return text;
}

std::string wholeDump(const std::string& text) {
    std::string result;
    const auto tree = parsed(text);
    for (const YamlNode element : tree->root().elements()) result += dump(element) + ",";
    return result;
}

}  // namespace

TEST_CASE("a long list cut into parts parses as the whole, with the whole file's lines", "[yaml_tree]") {
    std::string text = "# Angebote\n\n";
    for (int i = 0; i < 40; ++i)
        text += "- id: offer-" + std::to_string(i) + "\n  title:\n    de: \"Titel\n      über zwei Zeilen\"\n" +
                "  topics: [money,\n    family]\n  text: |\n    Absatz\n\n    - kein Element\n  # - auch keins\n\n";
    const auto parts = splitYamlList(text, 4);
    REQUIRE(parts.size() == 4);
    std::string joined;
    for (const YamlPart& part : parts) {
        CHECK(part.text.starts_with(&part == &parts.front() ? "# Angebote" : "- id: "));
        CHECK(part.firstLine == static_cast<std::uint32_t>(std::count(std::as_const(text).data(), part.text.data(), '\n')));
        joined += part.text;
    }
    CHECK(joined == text);
    CHECK(partsDump(parts) == wholeDump(text));
    CHECK(splitYamlList(text, 1000).size() == 40);  // at most one part an element
}

TEST_CASE("a list is not cut where its parts might not parse as the whole", "[yaml_tree]") {
    for (const std::string text : {"---\n- a\n- b\n", "- a\n- b\n...\n", "%YAML 1.1\n---\n- a\n- b\n", "- a\r\n- b\r\n",
                                   "- a\n- b \xe2\x80\xa8 c\n", "  - a\n  - b\n", "key:\n- a\n- b\n", "-\n  a\n- b\n"}) {
        INFO(text);
        CHECK(splitYamlList(text, 2).size() == 1);
    }
    // Cuts that are made but leave a part that does not parse alone: the caller parses the whole.
    auto fails = [](const std::string& text) {
        const auto parts = splitYamlList(text, 10);
        REQUIRE(parts.size() > 1);
        CHECK_FALSE(partsDump(parts));
        CHECK(parseYamlTree(text, "test.yaml"));
    };
    fails("- a: \"quoted\n- not an element\"\n- b\n");       // a cut inside a quoted text
    fails("- a: &anchor x\n- b: *anchor\n");                  // an alias to another part's anchor
    // A list's element that is a map at the start of a line ("key:" after "- a") is not YAML as a whole.
    CHECK_FALSE(parseYamlTree("- a\nkey: b\n- c\n", "test.yaml"));
    CHECK_FALSE(partsDump(splitYamlList("- a\nkey: b\n- c\n", 10)));
}
