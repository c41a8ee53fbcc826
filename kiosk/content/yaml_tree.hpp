// The content check's YAML reader: a file read with the checks of yaml_file.hpp, parsed by libyaml's
// event parser into one compact tree (nodes in one array, texts in one buffer: a 54 MB offers.yaml
// needs about 100 MB, not the gigabyte of yaml-cpp's node graph, and a tenth of its time). Values
// read as yaml-cpp reads them (null, true/false, numbers), so what the check accepts stays the same.
#pragma once

#include "kiosk/content/yaml_file.hpp"
#include "kiosk/core/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

class YamlTree;

// A value of a shape no check expected was read as a word (a list where a language code belongs).
class YamlShapeError : public std::runtime_error {
public:
    explicit YamlShapeError(int line) : std::runtime_error("bad conversion"), m_line(line) {}
    int line() const { return m_line; }

private:
    int m_line;
};

struct YamlEntry;

// One node of a tree, or none (a key that is not there): a small handle, valid while its tree lives.
class YamlNode {
public:
    YamlNode() = default;
    explicit operator bool() const { return m_tree != nullptr; }
    bool isNull() const;      // `~`, `null`, or nothing after a key
    bool isScalar() const;    // a word, number or text (not null)
    bool isSequence() const;
    bool isMap() const;
    int line() const;  // 1-based; 0 for none
    bool isAlias() const { return m_alias; }  // reached through `*name`

    std::string_view scalar() const;  // empty unless isScalar()
    // The value as text: a scalar's, "null" for null; YamlShapeError for a list, a map or nothing.
    std::string text() const;
    std::optional<bool> boolean() const;   // true/false, yes/no, on/off, y/n in any one case
    std::optional<double> number() const;  // decimal, also .inf and .nan

    std::size_t size() const;  // elements of a list, pairs of a map
    YamlNode operator[](std::string_view key) const;  // a map's first value under `key`
    YamlNode operator[](std::size_t index) const;     // a list's element

    class Iterator;
    struct Range;
    Range elements() const;  // a list's elements
    struct EntryRange;
    EntryRange entries() const;  // a map's pairs in the file's order

private:
    friend class YamlTree;
    friend struct YamlEntry;
    YamlNode(const YamlTree* tree, std::uint32_t index);
    const YamlTree* m_tree = nullptr;
    std::uint32_t m_index = 0;  // resolved: never an alias
    bool m_alias = false;
};

struct YamlEntry {
    YamlNode first;   // the key
    YamlNode second;  // its value
};

class YamlTree {
public:
    enum class Kind : std::uint8_t { Null, Scalar, Sequence, Map, Alias };
    static constexpr std::uint32_t kNone = 0xffffffffu;
    struct Node {
        std::uint32_t a = kNone;     // scalar: text offset; container: first child; alias: target
        std::uint32_t b = 0;         // scalar: text length; container: children
        std::uint32_t next = kNone;  // the next child of the same parent
        std::uint32_t lineKind = 0;  // line (0-based) << 3 | kind
        Kind kind() const { return static_cast<Kind>(lineKind & 7u); }
        int line() const { return static_cast<int>(lineKind >> 3) + 1; }
    };

    YamlNode root() const { return m_nodes.empty() ? YamlNode() : node(0); }
    std::size_t size() const { return m_nodes.size(); }  // nodes, aliases included
    YamlNode node(std::uint32_t index) const;
    const Node& at(std::uint32_t index) const { return m_nodes[index]; }
    std::string_view textOf(const Node& node) const { return std::string_view(m_text).substr(node.a, node.b); }

private:
    friend class YamlTreeBuilder;
    std::vector<Node> m_nodes;
    std::string m_text;
};

// Iterates over a container's children; a map's pairs are two children each.
class YamlNode::Iterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = YamlNode;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(const YamlTree* tree, std::uint32_t raw, bool pairs) : m_tree(tree), m_raw(raw), m_pairs(pairs) {}
    YamlNode operator*() const { return m_tree->node(m_raw); }
    YamlEntry entry() const;
    Iterator& operator++();
    bool operator==(const Iterator& other) const { return m_raw == other.m_raw; }

private:
    const YamlTree* m_tree = nullptr;
    std::uint32_t m_raw = YamlTree::kNone;  // a child's own index (an alias stays one here)
    bool m_pairs = false;
};

struct YamlNode::Range {
    Iterator first, last;
    Iterator begin() const { return first; }
    Iterator end() const { return last; }
};

struct YamlNode::EntryRange {
    struct EntryIterator {
        Iterator at;
        YamlEntry operator*() const { return at.entry(); }
        EntryIterator& operator++() {
            ++at;
            return *this;
        }
        bool operator==(const EntryIterator& other) const { return at == other.at; }
    };
    Iterator first, last;
    EntryIterator begin() const { return {first}; }
    EntryIterator end() const { return {last}; }
};

// Deeper nesting is refused (no content needs more than five levels; the check's walks recurse).
inline constexpr int kMaxYamlDepth = 500;
// More values in one file are refused (a flow list of 256 MB of "1," would hold 128 million).
inline constexpr std::size_t kMaxYamlNodes = 16u << 20;

// A content file as a tree, or the problem (values: file, then the line where there is one).
// Of several documents in a file the first counts, as with yaml-cpp's Load.
core::Result<std::shared_ptr<const YamlTree>> loadYamlTree(const std::filesystem::path& file,
                                                           std::uint64_t maxBytes = kMaxYamlBytes);
// The same for text in memory; `name` names the file in problems. `firstLine` (0-based): the line of
// the file where `text` starts, when it is a part of it (splitYamlList), so that lines stay the file's.
core::Result<std::shared_ptr<const YamlTree>> parseYamlTree(std::string_view text, const std::string& name,
                                                            std::uint32_t firstLine = 0);

// A part of a file's text and the line (0-based) of the file it starts at.
struct YamlPart {
    std::string_view text;
    std::uint32_t firstLine = 0;
};

// A file's top-level block list cut into about `parts` parts, each at the start of an element ("- " at
// the start of a line), for parsing on several threads. Each part parses alone as its part of the whole
// would, or fails: a cut inside a quoted text or a [flow list] leaves the part before it unfinished; an
// alias to an anchor in another part is undefined in its own. A caller that gets a part refused, or a
// part that is not a list, must parse the whole text instead (its problem is then the file's). The whole
// text as one part when a cut is not known to be safe: a first line that does not start an element,
// document markers or directives (`---`, `...`, `%` at a line's start), line breaks other than "\n"
// (libyaml also counts "\r", U+0085, U+2028 and U+2029, which the lines of the parts would miss).
std::vector<YamlPart> splitYamlList(std::string_view text, std::size_t parts);

// As keyProblem in yaml_file.hpp: the first key in `node` written twice in its map, or one that is not
// a plain word. Aliases are not followed (their node is checked where it stands).
std::optional<core::Problem> keyProblem(YamlNode node, const std::string& file, int depth = 0);

}  // namespace kiosk::content
