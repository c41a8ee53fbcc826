// The editor's canonical form of a content file: how it writes YAML, the same every time.
//
// yaml-cpp's emitter with these choices: two spaces of indent; a file of entries is a list with a
// blank line between entries; maps in block style, keys in the order they have; lists of plain
// values in flow style ([pregnancy, baby]), other lists in block style; a text with a line break
// as a literal block (|); a value that was quoted in the file (or typed in the editor as text) in
// double quotes, others as yaml-cpp chooses (plain where YAML reads them back unchanged).
// Comments are not kept (yaml-cpp does not read them): hasComments() finds them beforehand.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::editing {

// One entry of a list file, as "- id: ...\n  title: ...\n".
std::string canonicalEntry(const YAML::Node& entry);
// A file that is one map (network.yaml, synonyms.yaml).
std::string canonicalMap(const YAML::Node& map);
// A list file is its entries' canonical texts with a blank line between (ContentDocument::fileText).

// Whether the YAML text has a comment ('#' at a line's start or after a space, outside quotes).
bool hasComments(std::string_view text);

// Marks a scalar as typed text, so that the canonical form quotes it.
YAML::Node textNode(const std::string& text);

}  // namespace kiosk::editing
