// libyaml's events into one array of nodes; values read as yaml-cpp reads them (see yaml_tree.hpp).
#include "kiosk/content/yaml_tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <locale>
#include <map>
#include <sstream>
#include <unordered_set>

namespace kiosk::content {

using Kind = YamlTree::Kind;

// ---- the handle ----

YamlNode::YamlNode(const YamlTree* tree, std::uint32_t index) : m_tree(tree), m_index(index) {}

YamlNode YamlTree::node(std::uint32_t index) const {
    const Node& n = m_nodes[index];
    if (n.kind() != Kind::Alias) return YamlNode(this, index);
    YamlNode resolved(this, n.a);
    resolved.m_alias = true;
    return resolved;
}

bool YamlNode::isNull() const { return m_tree && m_tree->at(m_index).kind() == Kind::Null; }
bool YamlNode::isScalar() const { return m_tree && m_tree->at(m_index).kind() == Kind::Scalar; }
bool YamlNode::isSequence() const { return m_tree && m_tree->at(m_index).kind() == Kind::Sequence; }
bool YamlNode::isMap() const { return m_tree && m_tree->at(m_index).kind() == Kind::Map; }
int YamlNode::line() const { return m_tree ? m_tree->at(m_index).line() : 0; }

std::string_view YamlNode::scalar() const { return isScalar() ? m_tree->textOf(m_tree->at(m_index)) : std::string_view(); }

std::string YamlNode::text() const {
    if (isNull()) return "null";  // as yaml-cpp's as<std::string>()
    if (!isScalar()) throw YamlShapeError(line());
    return std::string(scalar());
}

namespace {

// "true", "True" and "TRUE", never "tRUE" (yaml-cpp's rule for words that are flags).
bool isOneCase(std::string_view word) {
    if (word.empty()) return true;
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const bool restLower = std::all_of(word.begin() + 1, word.end(), lower);
    const bool restUpper = std::all_of(word.begin() + 1, word.end(), upper);
    return (lower(word[0]) && restLower) || (upper(word[0]) && (restLower || restUpper));
}

}  // namespace

std::optional<bool> YamlNode::boolean() const {
    if (!isScalar()) return std::nullopt;
    const std::string_view word = scalar();
    if (!isOneCase(word)) return std::nullopt;
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
    for (const char* yes : {"y", "yes", "true", "on"})
        if (lower == yes) return true;
    for (const char* no : {"n", "no", "false", "off"})
        if (lower == no) return false;
    return std::nullopt;
}

std::optional<double> YamlNode::number() const {
    if (!isScalar()) return std::nullopt;
    const std::string word(scalar());
    for (const char* inf : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})
        if (word == inf) return std::numeric_limits<double>::infinity();
    for (const char* inf : {"-.inf", "-.Inf", "-.INF"})
        if (word == inf) return -std::numeric_limits<double>::infinity();
    for (const char* nan : {".nan", ".NaN", ".NAN"})
        if (word == nan) return std::numeric_limits<double>::quiet_NaN();
    // A stream in the classic locale, all of the word used up (yaml-cpp's reading of numbers).
    std::istringstream stream(word);
    stream.imbue(std::locale::classic());
    stream.unsetf(std::ios::dec);
    double value = 0;
    if ((stream >> std::noskipws >> value) && (stream >> std::ws).eof()) return value;
    return std::nullopt;
}

std::size_t YamlNode::size() const {
    if (!isSequence() && !isMap()) return 0;
    return m_tree->at(m_index).b;
}

YamlNode YamlNode::operator[](std::string_view key) const {
    for (const YamlEntry entry : entries())
        if (entry.first.isScalar() && entry.first.scalar() == key) return entry.second;
    return {};
}

YamlNode YamlNode::operator[](std::size_t index) const {
    for (const YamlNode element : elements())
        if (index-- == 0) return element;
    return {};
}

YamlNode::Range YamlNode::elements() const {
    if (!isSequence()) return {};
    return {Iterator(m_tree, m_tree->at(m_index).a, false), Iterator(m_tree, YamlTree::kNone, false)};
}

YamlNode::EntryRange YamlNode::entries() const {
    if (!isMap()) return {};
    return {Iterator(m_tree, m_tree->at(m_index).a, true), Iterator(m_tree, YamlTree::kNone, true)};
}

YamlEntry YamlNode::Iterator::entry() const {
    return {m_tree->node(m_raw), m_tree->node(m_tree->at(m_raw).next)};
}

YamlNode::Iterator& YamlNode::Iterator::operator++() {
    m_raw = m_tree->at(m_raw).next;
    if (m_pairs) m_raw = m_tree->at(m_raw).next;
    return *this;
}

// ---- building ----

// Turns libyaml's events into nodes; the first problem ends it.
class YamlTreeBuilder {
public:
    YamlTreeBuilder(std::string_view text, std::string name, std::uint32_t firstLine)
        : m_name(std::move(name)), m_firstLine(firstLine) {
        yaml_parser_initialize(&m_parser);
        yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        m_tree = std::make_shared<YamlTree>();
        // About one node per 30 bytes in content files; the text is at most the file's size.
        m_tree->m_nodes.reserve(text.size() / 24 + 16);
        m_tree->m_text.reserve(text.size());
    }
    ~YamlTreeBuilder() { yaml_parser_delete(&m_parser); }
    YamlTreeBuilder(const YamlTreeBuilder&) = delete;
    YamlTreeBuilder& operator=(const YamlTreeBuilder&) = delete;

    core::Result<std::shared_ptr<const YamlTree>> build() {
        for (;;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&m_parser, &event)) {
                const auto line = static_cast<int>(m_parser.problem_mark.line + m_firstLine) + 1;
                return problem(line, m_parser.problem ? m_parser.problem : "the parser stopped");
            }
            const EventGuard guard{&event};
            const auto line = static_cast<std::uint32_t>(event.start_mark.line) + m_firstLine;
            std::optional<core::Problem> failed;
            switch (event.type) {
            case YAML_DOCUMENT_END_EVENT:
            case YAML_STREAM_END_EVENT: return finish();  // the first document only, as yaml-cpp's Load
            case YAML_SCALAR_EVENT: failed = scalar(event, line); break;
            case YAML_ALIAS_EVENT: failed = alias(event, line); break;
            case YAML_SEQUENCE_START_EVENT:
                failed = open(Kind::Sequence, event.data.sequence_start.anchor, line);
                break;
            case YAML_MAPPING_START_EVENT: failed = open(Kind::Map, event.data.mapping_start.anchor, line); break;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT: close(); break;
            default: break;
            }
            if (failed) return std::move(*failed);
        }
    }

private:
    struct EventGuard {
        yaml_event_t* event;
        ~EventGuard() { yaml_event_delete(event); }
    };
    struct Open {
        std::uint32_t index;
        std::uint32_t last = YamlTree::kNone;
        std::string anchorName;  // registered when the node is complete
    };

    core::Result<std::shared_ptr<const YamlTree>> finish() {
        if (m_tree->m_nodes.empty()) add(Kind::Null, 0);  // an empty file is null, as with yaml-cpp
        m_tree->m_nodes.shrink_to_fit();
        return std::shared_ptr<const YamlTree>(std::move(m_tree));
    }

    core::Problem problem(int line, std::string words) const {
        return core::Problem(YamlProblem::NotYaml, {m_name, std::to_string(line), std::move(words)});
    }

    std::uint32_t add(Kind kind, std::uint32_t line) {
        auto& nodes = m_tree->m_nodes;
        const auto index = static_cast<std::uint32_t>(nodes.size());
        YamlTree::Node node;
        node.lineKind = line << 3 | static_cast<std::uint32_t>(kind);
        nodes.push_back(node);
        if (!m_open.empty()) {
            Open& parent = m_open.back();
            if (parent.last == YamlTree::kNone) nodes[parent.index].a = index;
            else nodes[parent.last].next = index;
            parent.last = index;
            ++nodes[parent.index].b;
        }
        return index;
    }

    std::optional<core::Problem> tooMany(std::uint32_t line) const {
        if (m_tree->m_nodes.size() < kMaxYamlNodes) return std::nullopt;
        return problem(static_cast<int>(line) + 1, "more than 16 million values in one file");
    }

    std::optional<core::Problem> scalar(const yaml_event_t& event, std::uint32_t line) {
        if (auto many = tooMany(line)) return many;
        const auto& s = event.data.scalar;
        const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        const bool null = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nullptr &&
                          (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL");
        const auto index = add(null ? Kind::Null : Kind::Scalar, line);
        if (!null) {
            auto& node = m_tree->m_nodes[index];
            node.a = static_cast<std::uint32_t>(m_tree->m_text.size());
            node.b = static_cast<std::uint32_t>(value.size());
            m_tree->m_text.append(value);
        }
        if (s.anchor) m_anchors[reinterpret_cast<const char*>(s.anchor)] = index;
        return std::nullopt;
    }

    std::optional<core::Problem> alias(const yaml_event_t& event, std::uint32_t line) {
        if (auto many = tooMany(line)) return many;
        // Known once complete: an alias inside its own anchor's node is refused, so no node contains itself.
        auto found = m_anchors.find(reinterpret_cast<const char*>(event.data.alias.anchor));
        if (found == m_anchors.end()) return problem(static_cast<int>(line) + 1, "the referenced anchor is not defined");
        const auto index = add(Kind::Alias, line);
        m_tree->m_nodes[index].a = found->second;
        return std::nullopt;
    }

    std::optional<core::Problem> open(Kind kind, const unsigned char* anchor, std::uint32_t line) {
        if (auto many = tooMany(line)) return many;
        if (m_open.size() >= static_cast<std::size_t>(kMaxYamlDepth))
            return problem(static_cast<int>(line) + 1,
                           "lists or maps nested deeper than " + std::to_string(kMaxYamlDepth) + " levels");
        const auto index = add(kind, line);
        Open opened{index, YamlTree::kNone, {}};
        if (anchor) opened.anchorName = reinterpret_cast<const char*>(anchor);
        m_open.push_back(std::move(opened));
        return std::nullopt;
    }

    void close() {
        if (m_open.empty()) return;
        Open& done = m_open.back();
        auto& node = m_tree->m_nodes[done.index];
        if (node.kind() == Kind::Map) node.b /= 2;  // pairs, not children
        if (!done.anchorName.empty()) m_anchors[done.anchorName] = done.index;
        m_open.pop_back();
    }

    yaml_parser_t m_parser{};
    std::string m_name;
    std::uint32_t m_firstLine = 0;
    std::shared_ptr<YamlTree> m_tree;
    std::vector<Open> m_open;
    std::map<std::string, std::uint32_t, std::less<>> m_anchors;
};

core::Result<std::shared_ptr<const YamlTree>> parseYamlTree(std::string_view text, const std::string& name,
                                                            std::uint32_t firstLine) {
    YamlTreeBuilder builder(text, name, firstLine);
    return builder.build();
}

// ---- parts ----

namespace {

// Where the first element of the list starts, if splitYamlList may cut `text` at its lines starting
// with "- " (see yaml_tree.hpp).
std::optional<std::size_t> firstElementIfSafe(std::string_view text) {
    if (text.find('\r') != std::string_view::npos) return std::nullopt;
    for (const char* lineBreak : {"\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9"})
        if (text.find(lineBreak) != std::string_view::npos) return std::nullopt;
    std::optional<std::size_t> first;  // the first line that is not empty or a comment must start an element
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = text.substr(at, end - at);
        if (line.starts_with('%') || line.starts_with("---") || line.starts_with("...")) return std::nullopt;
        if (!first) {
            const std::size_t content = line.find_first_not_of(' ');
            if (content != std::string_view::npos && line[content] != '#') {
                if (!line.starts_with("- ")) return std::nullopt;
                first = at;
            }
        }
        at = end + 1;
    }
    return first;
}

}  // namespace

std::vector<YamlPart> splitYamlList(std::string_view text, std::size_t parts) {
    const auto first = parts < 2 ? std::nullopt : firstElementIfSafe(text);
    if (!first) return {{text, 0}};
    std::vector<YamlPart> result;
    std::size_t start = 0;  // the first part also has the comments before the first element
    std::uint32_t line = 0;
    for (std::size_t k = 1; k < parts; ++k) {
        const std::size_t cut = text.find("\n- ", std::max({start, *first, k * (text.size() / parts)}));
        if (cut == std::string_view::npos) break;
        result.push_back({text.substr(start, cut + 1 - start), line});
        line += static_cast<std::uint32_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(start),
                                                      text.begin() + static_cast<std::ptrdiff_t>(cut + 1), '\n'));
        start = cut + 1;
    }
    result.push_back({text.substr(start), line});
    return result;
}

core::Result<std::shared_ptr<const YamlTree>> loadYamlTree(const std::filesystem::path& file, std::uint64_t maxBytes) {
    auto text = readYamlText(file, maxBytes);
    if (!text) return text.problem();
    return parseYamlTree(*text, file.string());
}

// ---- keys ----

std::optional<core::Problem> keyProblem(YamlNode node, const std::string& file, int depth) {
    if (depth > 200 || node.isAlias()) return std::nullopt;  // the tree is at most kMaxYamlDepth deep
    if (node.isMap()) {
        // Most maps have a handful of keys: compared one by one; a long one (hostile) in a hash set.
        std::vector<std::string_view> keys;
        std::unordered_set<std::string_view> many;
        for (const YamlEntry entry : node.entries()) {
            if (!entry.first.isScalar())
                return core::Problem(YamlProblem::ComplexKey, {file, std::to_string(entry.first.line())});
            const std::string_view key = entry.first.scalar();
            const bool twice = keys.size() < 16 ? std::find(keys.begin(), keys.end(), key) != keys.end()
                                                : !many.insert(key).second;
            if (twice)
                return core::Problem(YamlProblem::KeyTwice, {file, std::to_string(entry.first.line()), std::string(key)});
            if (keys.size() < 16) keys.push_back(key);
            if (keys.size() == 16 && many.empty()) many.insert(keys.begin(), keys.end());
            if (auto inner = keyProblem(entry.second, file, depth + 1)) return inner;
        }
    } else if (node.isSequence()) {
        for (const YamlNode element : node.elements())
            if (auto inner = keyProblem(element, file, depth + 1)) return inner;
    }
    return std::nullopt;
}

}  // namespace kiosk::content
