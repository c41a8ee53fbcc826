// Writes content YAML in the editor's one canonical form (see canonical_yaml.hpp).
#include "kiosk/editing/canonical_yaml.hpp"

#include <algorithm>

namespace kiosk::editing {

namespace {

bool isFlatList(const YAML::Node& node) {
    return std::all_of(node.begin(), node.end(), [](const YAML::Node& item) { return item.IsScalar(); });
}

void emit(YAML::Emitter& out, const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar: {
        const std::string& value = node.Scalar();
        if (value.find('\n') != std::string::npos) out << YAML::Literal << value;
        else if (node.Tag() == "!") out << YAML::DoubleQuoted << value;
        else out << value;
        return;
    }
    case YAML::NodeType::Sequence:
        if (isFlatList(node)) out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const auto& item : node) emit(out, item);
        out << YAML::EndSeq;
        return;
    case YAML::NodeType::Map:
        out << YAML::BeginMap;
        for (const auto& item : node) {
            out << YAML::Key;
            emit(out, item.first);
            out << YAML::Value;
            emit(out, item.second);
        }
        out << YAML::EndMap;
        return;
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: out << YAML::Null; return;
    }
}

std::string finish(const YAML::Emitter& out) {
    std::string text = out.c_str();
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text;
}

}  // namespace

std::string canonicalEntry(const YAML::Node& entry) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginSeq;
    emit(out, entry);
    out << YAML::EndSeq;
    return finish(out);
}

std::string canonicalMap(const YAML::Node& map) {
    YAML::Emitter out;
    out.SetIndent(2);
    emit(out, map);
    return finish(out);
}

bool hasComments(std::string_view text) {
    char quote = 0;
    char previous = '\n';
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == '\\' && quote == '"') ++i;
            else if (c == quote) quote = 0;
            else if (c == '\n') previous = c;
            continue;
        }
        if (c == '#' && (previous == '\n' || previous == ' ' || previous == '\t')) return true;
        // A quote opens a quoted value only where a value starts, not inside a plain word (it's).
        if ((c == '"' || c == '\'') && (previous == ' ' || previous == '\n' || previous == '[' ||
                                        previous == ',' || previous == '-' || previous == ':'))
            quote = c;
        previous = c;
    }
    return false;
}

YAML::Node textNode(const std::string& text) {
    YAML::Node node(text);
    node.SetTag("!");
    return node;
}

}  // namespace kiosk::editing
