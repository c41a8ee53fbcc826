// An output folder written whole or not at all: built beside its target, checked, then swapped in.
#pragma once

#include "kiosk/core/problem.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace kiosk::hsds {

// Writes `files` (name -> bytes) into a new folder beside `target`, lets `check` look at it (a problem
// there leaves everything as it was), then renames it into place, replacing an earlier output: a folder
// that holds `marker` (or is empty). Any other existing folder or file is refused.
core::Result<void> writeFolder(const std::filesystem::path& target, const std::map<std::string, std::string>& files,
                               const std::string& marker,
                               const std::function<core::Result<void>(const std::filesystem::path&)>& check = {});

}  // namespace kiosk::hsds
