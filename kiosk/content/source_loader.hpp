// Reads and validates a content source folder (hand-edited YAML) into a catalog.
#pragma once

#include "kiosk/content/content_error.hpp"
#include "kiosk/core/catalog.hpp"

#include <filesystem>
#include <vector>

namespace kiosk::content {

struct SourceResult {
    core::Catalog catalog;
    std::vector<ContentError> errors;  // empty: the catalog is valid
    bool ok() const { return errors.empty(); }
};

// The files a content source consists of, in the order they are read.
const std::vector<std::string>& sourceFiles();
// Files a content source may have: synonyms.yaml (words a search also finds); practices.yaml,
// events.yaml and working_groups.yaml (for professionals).
const std::vector<std::string>& optionalSourceFiles();

SourceResult loadSource(const std::filesystem::path& folder);

// The content is valid but SH in opening hours is "unknown" in the current or next school year (from
// `today`), because network.yaml lists no school holidays for it.
std::vector<ContentError> schoolHolidayWarnings(const core::Catalog& catalog, core::Date today);
core::Date localToday();
// The content is valid but an event has no way to register (no QR code then): `--build-db` prints these.
std::vector<ContentError> professionalWarnings(const core::Catalog& catalog);
// Each practice's picture that is not in `folder` (the content folder): a warning, like a sound file not
// recorded yet; a picture that is there but broken is an error of loadSource.
std::vector<ContentError> pictureWarnings(const core::Catalog& catalog, const std::filesystem::path& folder);

}  // namespace kiosk::content
