// Which content the kiosk runs on: the source folder if it is valid, else the last good database.
#pragma once

#include "kiosk/content/content_error.hpp"
#include "kiosk/content/database.hpp"
#include "kiosk/core/catalog.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::content {

struct LoadedContent {
    std::optional<core::Catalog> catalog;    // nothing only when no usable content exists at all
    ContentInfo info;                        // of the content in use
    std::vector<ContentError> sourceErrors;  // why an edited source was not taken
    std::string problem;                     // plain words for staff; empty when all is well
    // The folder the catalog's sound file paths are relative to: the content source folder, or the
    // folder of a ready database file (a content pack ships its audio/ beside it).
    std::filesystem::path mediaDir;
    std::filesystem::path database;  // the database file the catalog was read from (its search index)
};

// `source` is a content folder (YAML) or a ready content database file. A folder is built into
// `database` when it changed since the last build; when it is invalid, the previous database
// stays in use and `problem` says why.
LoadedContent loadContent(const std::filesystem::path& source, const std::filesystem::path& database);

// Validates `source` and builds `database` from it; returns the problems (empty: built). `warnings`
// receives what is valid but needs the office's attention (school holidays missing for a school year).
std::vector<ContentError> buildDatabase(const std::filesystem::path& source, const std::filesystem::path& database,
                                        std::vector<ContentError>* warnings = nullptr);

// Size and modification time of each source file, so an edit triggers a rebuild.
std::string sourceFingerprint(const std::filesystem::path& source);

}  // namespace kiosk::content
