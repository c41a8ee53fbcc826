// Reading a YAML file someone typed, as the kiosk trusts none: only a regular file of bounded
// size, valid UTF-8; and (keyProblem) no key written twice and none that is not a plain word. Every way it fails
// is a problem with the file and line, never an exception or a hang (a named pipe is not opened).
#pragma once

#include "kiosk/core/problem.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
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

inline constexpr std::uint64_t kMaxYamlBytes = 128u << 20;  // the sample's largest file has 0.1 MB; 10,000 offers in 6 languages 54 MB

// Values: the file as given, then (where the problem has one) the line.
core::Result<YAML::Node> loadYamlFile(const std::filesystem::path& file, std::uint64_t maxBytes = kMaxYamlBytes);

// The first key in `node` (at any depth) written twice in its map, or one that is not a plain
// word (`? [a, b]`); `file` names the file in the problem.
std::optional<core::Problem> keyProblem(const YAML::Node& node, const std::string& file, int depth = 0);

}  // namespace kiosk::content
