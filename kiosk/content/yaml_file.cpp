// A YAML file read with every check up front: file type and size before opening, UTF-8 before
// parsing; duplicate and complex keys on request (yaml-cpp keeps the first of two equal keys silently).
#include "kiosk/content/yaml_file.hpp"

#include "kiosk/core/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace kiosk::content {

std::string_view problemDomain(YamlProblem) { return "yaml"; }

std::string_view problemName(YamlProblem code) {
    switch (code) {
    case YamlProblem::Missing: return "missing";
    case YamlProblem::NotAFile: return "not-a-file";
    case YamlProblem::TooLarge: return "too-large";
    case YamlProblem::Unreadable: return "unreadable";
    case YamlProblem::NotUtf8: return "not-utf8";
    case YamlProblem::NotYaml: return "not-yaml";
    case YamlProblem::KeyTwice: return "key-twice";
    case YamlProblem::ComplexKey: return "complex-key";
    }
    return "unreadable";
}

std::string_view problemEnglish(YamlProblem code) {
    switch (code) {
    case YamlProblem::Missing: return "{}: the file is missing or cannot be read";
    case YamlProblem::NotAFile: return "{}: is not a plain file (a folder, a pipe or a device)";
    case YamlProblem::TooLarge: return "{}: is larger than {} MB";
    case YamlProblem::Unreadable: return "{}: the file cannot be read";
    case YamlProblem::NotUtf8: return "{}: line {}: is not valid UTF-8 text (save the file as UTF-8)";
    case YamlProblem::NotYaml: return "{}: line {}: not valid YAML: {}";
    case YamlProblem::KeyTwice: return "{}: line {}: '{}' is written twice (the second would be lost)";
    case YamlProblem::ComplexKey: return "{}: line {}: a key must be a plain word, not a list or a map";
    }
    return "{}: the file cannot be read";
}

namespace {

std::string lineOf(const YAML::Mark& mark) { return std::to_string(mark.line + 1); }

}  // namespace

std::optional<core::Problem> keyProblem(const YAML::Node& node, const std::string& file, int depth) {
    if (depth > 200) return std::nullopt;  // the parser's own limit refuses deeper nesting
    if (node.IsMap()) {
        std::set<std::string> keys;
        for (const auto& item : node) {
            if (!item.first.IsScalar()) return core::Problem(YamlProblem::ComplexKey, {file, lineOf(item.first.Mark())});
            const std::string& key = item.first.Scalar();
            if (!keys.insert(key).second)
                return core::Problem(YamlProblem::KeyTwice, {file, lineOf(item.first.Mark()), key});
            if (auto inner = keyProblem(item.second, file, depth + 1)) return inner;
        }
    } else if (node.IsSequence()) {
        for (const auto& item : node)
            if (auto inner = keyProblem(item, file, depth + 1)) return inner;
    }
    return std::nullopt;
}

core::Result<std::string> readYamlText(const std::filesystem::path& file, std::uint64_t maxBytes) {
    const std::string name = file.string();
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (!std::filesystem::exists(status)) return core::Problem(YamlProblem::Missing, {name});
    if (!std::filesystem::is_regular_file(status)) return core::Problem(YamlProblem::NotAFile, {name});
    const auto size = std::filesystem::file_size(file, error);
    if (error) return core::Problem(YamlProblem::Unreadable, {name}, file.string() + ": " + error.message());
    if (size > maxBytes) return core::Problem(YamlProblem::TooLarge, {name, std::to_string(maxBytes >> 20)});
    std::ifstream in(file, std::ios::binary);
    if (!in) return core::Problem(YamlProblem::Unreadable, {name}, file.string());
    // One read of the size found (a byte more shows a file that grew since); not byte by byte.
    std::string text(static_cast<size_t>(size) + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return core::Problem(YamlProblem::Unreadable, {name}, file.string());
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > size) {  // it grew while being read: the rest, within the limit
        std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        text += rest;
    }
    if (text.size() > maxBytes) return core::Problem(YamlProblem::TooLarge, {name, std::to_string(maxBytes >> 20)});
    if (auto bad = core::findInvalidUtf8(text)) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        return core::Problem(YamlProblem::NotUtf8, {name, std::to_string(line)});
    }
    return text;
}

core::Result<YAML::Node> loadYamlFile(const std::filesystem::path& file, std::uint64_t maxBytes) {
    auto text = readYamlText(file, maxBytes);
    if (!text) return text.problem();
    YAML::Node root;
    try {
        root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
        return core::Problem(YamlProblem::NotYaml, {file.string(), lineOf(e.mark), e.msg});
    }
    return root;
}

}  // namespace kiosk::content
