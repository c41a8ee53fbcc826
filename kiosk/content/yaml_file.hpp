// Reading a YAML file someone typed, as the kiosk trusts none: only a regular file of bounded
// size, valid UTF-8; and (keyProblem) no key written twice and none that is not a plain word. Every way it fails
// is a problem with the file and line, never an exception or a hang (a named pipe is not opened).
#pragma once

#include "kiosk/core/problem.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::content {

enum class YamlProblem {
    Missing,       // values: file
    NotAFile,      // file: a folder, a pipe, a device
    TooLarge,      // file, the limit in MB
    Unreadable,    // file
    NotUtf8,       // file, line
    NotYaml,       // file, line, the parser's words
    KeyTwice,      // file, line, key
    ComplexKey,    // file, line
};
std::string_view problemDomain(YamlProblem);
std::string_view problemName(YamlProblem code);
std::string_view problemEnglish(YamlProblem code);

// The sample's largest file has 0.1 MB; 10,000 offers in six languages (tests/tools/generate_content.py) 54 MB.
inline constexpr std::uint64_t kMaxYamlBytes = 256u << 20;

// The file's text after the checks before parsing (a plain file, not over `maxBytes`, UTF-8); values as below.
core::Result<std::string> readYamlText(const std::filesystem::path& file, std::uint64_t maxBytes = kMaxYamlBytes);

// Values: the file as given, then (where the problem has one) the line.
core::Result<YAML::Node> loadYamlFile(const std::filesystem::path& file, std::uint64_t maxBytes = kMaxYamlBytes);

// The first key in `node` (at any depth) written twice in its map, or one that is not a plain
// word (`? [a, b]`); `file` names the file in the problem.
std::optional<core::Problem> keyProblem(const YAML::Node& node, const std::string& file, int depth = 0);

}  // namespace kiosk::content
